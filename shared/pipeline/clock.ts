// "Now" as the service writes it: an instant in China Standard Time (UTC+8, no daylight
// saving), to the second. Injected into the use cases so tests can fix it.
import { formatInstant } from '../time/calendar.ts';

export type Clock = () => string;

export const SERVICE_OFFSET_MINUTES = 8 * 60;

export const systemClock: Clock = () => formatInstant(Date.now(), SERVICE_OFFSET_MINUTES);

/** An instant from epoch milliseconds in the service's offset. */
export function serviceInstant(epochMs: number): string {
  return formatInstant(epochMs, SERVICE_OFFSET_MINUTES);
}
