/**
 * The one request of the app that must not carry who is sending it: the ballot. A plain fetch with
 * `credentials: 'omit'` (no cookie) and no Authorization header, so the server cannot tie it to a session;
 * like every client operation it is sent by its persisted hash.
 */
import { persistedRequestBody } from '../../app/persisted';
import { CastBallotDocument, type CastBallotInput } from '../../gql/graphql';

export async function sendBallotAnonymously(input: CastBallotInput, url = '/graphql'): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    headers: { 'content-type': 'application/json' },
    body: persistedRequestBody(CastBallotDocument, { input }),
  });
  const body = (await res.json()) as { data?: { castBallot?: { receipt: string } }; errors?: { message: string }[] };
  if (body.errors?.length || !body.data?.castBallot) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body.data.castBallot.receipt;
}

const RECEIPTS = 'hongtu.ballotReceipts';

/** Receipts are hashes of spent tokens: they prove nothing about how this person voted. */
export function saveReceipt(roundId: string, receipt: string): void {
  const all = readReceipts();
  all[roundId] = receipt;
  localStorage.setItem(RECEIPTS, JSON.stringify(all));
}

export function readReceipts(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}
