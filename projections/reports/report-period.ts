/** API.md "Timelines and reports": `from` (inclusive) and `to` (exclusive) filter on `time`; either may be open. */

export interface ReportPeriod {
  from: string | null;
  to: string | null;
}

export const WHOLE_HISTORY: ReportPeriod = { from: null, to: null };

/** Timestamps are normalized (`YYYY-MM-DDTHH:MM:SS.sssZ`), so they compare as strings. */
export function inPeriod(time: string, period: ReportPeriod): boolean {
  return (period.from === null || time >= period.from) && (period.to === null || time < period.to);
}
