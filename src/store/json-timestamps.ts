/** JSON renders timestamptz with the session's offset; the ledger speaks UTC milliseconds (API.md "Conventions"). */
export function isoMillis(timestamp: string): string {
  return new Date(timestamp).toISOString();
}
