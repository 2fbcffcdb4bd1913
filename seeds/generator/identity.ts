/**
 * Synthetic but well-formed personal identifiers (test data for masking): mainland mobile numbers
 * and 18-character resident ID numbers (GB 11643) with a valid ISO 7064 MOD 11-2 check digit.
 */
import type { Rng } from './rng';
import type { Gender } from './names';

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/**
 * An 11-digit mobile number unique per `index` (< 10^8): the last eight digits are a bijection of
 * the index (multiplication by a number coprime to 10^8), so they look random yet never collide.
 */
export function makePhone(rng: Rng, index: number): string {
  const tail = (index * 7_919 + 31_415_926) % 100_000_000;
  return rng.pick(MOBILE_PREFIXES) + String(tail).padStart(8, '0');
}

/** Real-looking administrative division codes (province + prefecture + county). */
const AREA_CODES = [
  '110101',
  '110108',
  '120104',
  '130102',
  '140105',
  '210102',
  '220104',
  '230103',
  '310104',
  '310115',
  '320102',
  '320506',
  '330106',
  '340104',
  '350203',
  '360102',
  '370102',
  '370212',
  '410105',
  '420106',
  '420111',
  '430104',
  '440106',
  '440305',
  '450103',
  '500103',
  '510107',
  '520102',
  '530102',
  '610113',
  '620102',
];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits of an ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** True for an 18-character ID number whose check character matches. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** An ID number for someone born on `birth` (epoch ms); the sequence digit's parity encodes the gender. */
export function makeIdNumber(rng: Rng, birth: number, gender: Gender): string {
  const d = new Date(birth + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const genderDigit = 2 * rng.int(0, 4) + (gender === 'M' ? 1 : 0);
  const first17 = `${rng.pick(AREA_CODES)}${date}${String(rng.int(0, 99)).padStart(2, '0')}${genderDigit}`;
  return first17 + idCheckDigit(first17);
}
