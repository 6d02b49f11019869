/**
 * Instants travel as ledger timestamps (`YYYY-MM-DDTHH:MM:SS.sssZ`, API.md "Conventions") and are
 * compared as epoch milliseconds inside the engine. Normalized timestamps also order correctly as
 * strings, which lets hot filters skip parsing.
 */

export const MS_PER_DAY = 86_400_000;

export function toEpochMs(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${timestamp}`);
  return ms;
}

export function toTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Any accepted timestamp in the ledger's normalized form. */
export function normalizedTimestamp(timestamp: string): string {
  return toTimestamp(toEpochMs(timestamp));
}

/** The UTC calendar day of an instant, as explanations state it. */
export function utcDay(epochMs: number): string {
  return toTimestamp(epochMs).slice(0, 10);
}
