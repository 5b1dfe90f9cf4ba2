// "Now" as the service writes it: an instant in China Standard Time (UTC+8, no daylight
// saving), to the second. Injected into the use cases so tests can fix it.
//
// Local mode can move the service's clock forward (LINKAGE_CLOCK_SHIFT_MS, read on every
// call), so the demo and the integration tests can let a day or a cool-off pass and watch the
// deadline sweep act on it. No deployment sets it: the stacks never pass the variable.
import { epochMs, formatInstant } from '../time/calendar.ts';

export type Clock = () => string;

export const SERVICE_OFFSET_MINUTES = 8 * 60;

export const CLOCK_SHIFT_VARIABLE = 'LINKAGE_CLOCK_SHIFT_MS';

export function clockShiftMs(): number {
  const raw = process.env[CLOCK_SHIFT_VARIABLE];
  if (raw === undefined || raw === '') return 0;
  const shift = Number(raw);
  if (!Number.isSafeInteger(shift)) throw new Error(`${CLOCK_SHIFT_VARIABLE} must be a whole number of milliseconds`);
  return shift;
}

export const systemClock: Clock = () => formatInstant(Date.now() + clockShiftMs(), SERVICE_OFFSET_MINUTES);

/** An instant from epoch milliseconds in the service's offset. */
export function serviceInstant(epochMs: number): string {
  return formatInstant(epochMs, SERVICE_OFFSET_MINUTES);
}

/** The clock's "now" in epoch milliseconds. */
export function nowMsOf(clock: Clock): number {
  return epochMs(clock());
}
