/** Kuzu driver errors → StoreError where the caller can act; anything else stays internal, with context. */
import { conflict, isStoreError, unavailable } from '../errors';

export function translate(e: unknown, query: string): Error {
  if (isStoreError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/duplicated primary key/i.test(msg)) {
    const key = /value ([^,]+),/.exec(msg)?.[1];
    return conflict(`An item with id "${key ?? '?'}" already exists; use another id or update the existing one`);
  }
  if (/Could not set lock|lock on file/i.test(msg)) {
    return unavailable('The Kuzu data directory is in use by another process; stop that process or set HONGTU_DATA_DIR to another directory');
  }
  if (/not a valid Kuzu/i.test(msg)) {
    return unavailable('The file hongtu.kuzu in the data directory is not a Kuzu database; move it away or set HONGTU_DATA_DIR to another directory');
  }
  if (/storage version|database version/i.test(msg)) {
    return unavailable(
      `The Kuzu data file was written by another Kuzu version (${msg.split('\n')[0]}); ` +
        'export it with the Hongtu release that wrote it (`hongtu export DIR`), then `hongtu import DIR` into a new HONGTU_DATA_DIR',
    );
  }
  if (/Cannot start a new write transaction/i.test(msg)) {
    return unavailable('The Kuzu store is busy with another write; retry shortly');
  }
  if (/IO exception|closed|No space left|Buffer manager exception|Cannot open file|Permission denied/i.test(msg)) {
    return unavailable(`The Kuzu store cannot be read or written (${msg.split('\n')[0]}); check the data directory and disk space, then retry`);
  }
  return new Error(`Kuzu query failed: ${msg}\n  in: ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
}
