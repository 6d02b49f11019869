/** "Later" compares `time`, then `sequence` (RULES.md "Inputs"); normalized timestamps compare as strings. */

export interface Stamped {
  time: string;
  sequence: number;
}

export function byTimeThenSequence(a: Stamped, b: Stamped): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.sequence - b.sequence;
}

export function isLaterThan(a: Stamped, b: Stamped): boolean {
  return byTimeThenSequence(a, b) > 0;
}
