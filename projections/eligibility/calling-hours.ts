/**
 * Step 8 (RULES.md "Order of evaluation"): calling hours in the customer's local time, half-open
 * `[opens, closes)`. Whether an instant is inside is read from that instant's own wall clock, which
 * is never ambiguous; the edges are found by probing both readings of a repeated local time and
 * the zone's offset transitions, so DST days come out right whichever way the clocks move.
 */

import {
  addLocalDays,
  instantAtSteadyOffset,
  instantOfLocalTime,
  localDateTimeOf,
  localTimeOfDayMs,
  offsetTransitionWithin,
  steadyOffsetOn,
  weekdayOf,
  type LocalDate,
  type LocalDateTime,
} from '../time/zoned-time';
import type { EvaluationContext } from './decision';
import type { RuleId } from './rule-table';

interface DailyHours {
  /** Minutes after local midnight. */
  opens: number;
  closes: number;
}

export interface CallingHours {
  rule: RuleId;
  /** Indexed by weekday, 0 = Sunday. */
  byWeekday: readonly DailyHours[];
  description: string;
}

const hours = (opens: string, closes: string): DailyHours => {
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  return { opens: minutes(opens), closes: minutes(closes) };
};

const CRTC_WEEKDAY = hours('09:00', '21:30');
const CRTC_WEEKEND = hours('10:00', '18:00');
const CANADA: CallingHours = {
  rule: 'crtc.hours',
  byWeekday: [CRTC_WEEKEND, CRTC_WEEKDAY, CRTC_WEEKDAY, CRTC_WEEKDAY, CRTC_WEEKDAY, CRTC_WEEKDAY, CRTC_WEEKEND],
  description: '09:00–21:30 Monday to Friday and 10:00–18:00 at weekends',
};

const everyDay = (rule: RuleId, daily: DailyHours, description: string): CallingHours => ({ rule, byWeekday: Array.from({ length: 7 }, () => daily), description });
const FEDERAL = everyDay('tcpa.hours', hours('08:00', '21:00'), '08:00–21:00');
const STATE_HOURS: Readonly<Record<string, CallingHours>> = {
  FL: everyDay('tcpa.hours.fl', hours('08:00', '20:00'), '08:00–20:00 (Florida)'),
  OK: everyDay('tcpa.hours.ok', hours('08:00', '20:00'), '08:00–20:00 (Oklahoma)'),
  MD: everyDay('tcpa.hours.md', hours('08:00', '20:00'), '08:00–20:00 (Maryland)'),
  WA: everyDay('tcpa.hours.wa', hours('08:00', '20:00'), '08:00–20:00 (Washington)'),
};

/** US voice and sms, Canadian voice; nothing else has calling hours. */
export function callingHoursFor(context: Pick<EvaluationContext, 'regime' | 'channel' | 'view'>): CallingHours | undefined {
  if (context.regime === 'canada' && context.channel === 'voice') return CANADA;
  if (context.regime === 'united-states' && (context.channel === 'voice' || context.channel === 'sms')) {
    return STATE_HOURS[context.view.jurisdiction.region ?? ''] ?? FEDERAL;
  }
  return undefined;
}

function hoursOn(callingHours: CallingHours, date: LocalDate): DailyHours {
  return callingHours.byWeekday[weekdayOf(date)];
}

function isWithin(local: LocalDateTime, callingHours: CallingHours): boolean {
  const { opens, closes } = hoursOn(callingHours, local);
  const timeOfDay = localTimeOfDayMs(local);
  return opens * 60_000 <= timeOfDay && timeOfDay < closes * 60_000;
}

export function isWithinCallingHours(epochMs: number, timeZone: string, callingHours: CallingHours): boolean {
  return isWithin(localDateTimeOf(epochMs, timeZone), callingHours);
}

/** Every day has calling hours, so the status flips within two local days; a week is ample. */
const DAYS_SEARCHED = 8;

/** The first instant after `after` at which being inside calling hours changes. */
export function nextCallingHoursChange(after: number, timeZone: string, callingHours: CallingHours): number {
  const localNow = localDateTimeOf(after, timeZone);
  const insideNow = isWithin(localNow, callingHours);
  const firstDay = { year: localNow.year, month: localNow.month, day: localNow.day };
  for (let offset = 0; offset < DAYS_SEARCHED; offset++) {
    const day = addLocalDays(firstDay, offset);
    const candidates = edgeCandidates(day, timeZone, callingHours)
      .filter((instant) => instant > after)
      .sort((a, b) => a - b);
    const change = candidates.find((instant) => isWithinCallingHours(instant, timeZone, callingHours) !== insideNow);
    if (change !== undefined) return change;
  }
  throw new Error(`Calling hours never change in ${timeZone}`);
}

function edgeCandidates(day: LocalDate, timeZone: string, callingHours: CallingHours): number[] {
  const { opens, closes } = hoursOn(callingHours, day);
  const wallTimes = [opens, closes].map((minutes) => ({ ...day, hour: Math.floor(minutes / 60), minute: minutes % 60 }));
  const steadyOffset = steadyOffsetOn(day, timeZone);
  if (steadyOffset !== null) return wallTimes.map((wall) => instantAtSteadyOffset(wall, steadyOffset));
  const edges = wallTimes.flatMap((wall) => [instantOfLocalTime(wall, timeZone, 'earlier'), instantOfLocalTime(wall, timeZone, 'later')]);
  const transition = offsetTransitionWithin(instantOfLocalTime(day, timeZone), instantOfLocalTime(addLocalDays(day, 1), timeZone), timeZone);
  return transition === null ? edges : [...edges, transition];
}
