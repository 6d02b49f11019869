/**
 * The part of a tenant's log a report is computed from: the prefix of a signed checkpoint,
 * `[0, treeSize)`, without what was recorded after `asOf`. `recordedAt` never decreases along the
 * log, so that is a prefix too, and every entry a report rests on is a leaf of the checkpoint's
 * tree.
 */
export interface LogPrefix {
  tenantId: string;
  treeSize: number;
  asOf: string;
}

export function withinPrefix(prefix: LogPrefix, entry: { sequence: number; recordedAt: string }): boolean {
  return entry.sequence < prefix.treeSize && entry.recordedAt <= prefix.asOf;
}
