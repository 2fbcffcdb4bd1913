/**
 * Masking of personal identifiers. Only the person themself sees the raw values; everyone else,
 * administrators included, sees `138****5678` and `1101**********1234`.
 */
import type { Member } from '../../graph';

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** `13812345678` → `138****5678`. */
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);
/** `110101199001011234` → `1101**********1234`. */
export const maskIdNumber = (idNumber: string): string => maskMiddle(idNumber, 4, 4);

/** The member as this viewer may see it: raw identifiers for the person, masked for anyone else. */
export function maskMemberFor(viewerId: string, m: Member): Member {
  if (m.id === viewerId) return m;
  return {
    ...m,
    phone: m.phone === null ? null : maskPhone(m.phone),
    idNumber: m.idNumber === null ? null : maskIdNumber(m.idNumber),
  };
}
