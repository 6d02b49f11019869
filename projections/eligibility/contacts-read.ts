/**
 * Of one channel's contacts, ordered by time, the ones the engine reads for a question at `at` as
 * known at `asOf`: the latest before `at` (the exclusion rule) and the latest at or before it (its
 * `until`). However many thousands of contacts a customer received, a question needs at most these
 * two per channel. Instants are compared as given, either ledger timestamps (which order as
 * strings as they do in time) or epoch milliseconds, but both of a kind.
 */
export function contactsTheEngineReads<C, I extends string | number>(
  contacts: readonly C[],
  at: I,
  asOf: I,
  timeOf: (contact: C) => I,
  recordedAtOf: (contact: C) => I,
): C[] {
  const read: C[] = [];
  let atOrBefore: C | undefined;
  // Backfills make `recordedAt` unordered in time: walk back past those recorded too late.
  for (let index = lastIndexAtOrBefore(contacts, at, timeOf); index >= 0; index--) {
    const contact = contacts[index]!;
    if (recordedAtOf(contact) > asOf) continue;
    if (!atOrBefore) {
      atOrBefore = contact;
      read.push(contact);
    }
    if (timeOf(contact) < at) {
      if (contact !== atOrBefore) read.push(contact);
      break;
    }
  }
  return read;
}

/** Binary search: the last contact with `time ≤ at`, or -1. */
function lastIndexAtOrBefore<C, I extends string | number>(contacts: readonly C[], at: I, timeOf: (contact: C) => I): number {
  let low = 0;
  let high = contacts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timeOf(contacts[middle]!) <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
