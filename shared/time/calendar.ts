// Calendar arithmetic for the contract's two time shapes:
//   date    `YYYY-MM-DD`                         (a calendar day, no zone)
//   instant `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` (a moment, always with an offset)
// Dates are kept as strings: for four-digit years, string order is day order.
// China has no daylight saving, so "+N calendar days" in an offset is N × 24 hours.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface ParsedInstant {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** The offset the instant was written in, in minutes east of UTC. */
  readonly offsetMinutes: number;
}

// By arithmetic, not through Date (the engine asks thousands of times a second). Date.UTC reads
// years 0-99 as 1900-1999, and so does this, so every answer stays as it was.
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year >= 0 && year <= 99 ? year + 1900 : year;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Explains why `text` is not a real `YYYY-MM-DD` date, or returns undefined when it is one. */
export function dateProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'must be a date written YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return `${text} is not a real calendar date`;
  return undefined;
}

/** Explains why `text` is not an ISO-8601 instant with an offset, or returns undefined. */
export function instantProblem(text: string): string | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return 'must be an ISO-8601 instant with an offset, e.g. 2026-11-20T10:00:00+08:00';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return `${text.slice(0, 10)} is not a real calendar date`;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) {
    return `${text.slice(11, 19)} is not a real time of day`;
  }
  if (match[9] !== undefined && (Number(match[10]) > 14 || Number(match[11]) > 59)) {
    return `offset ${match[8]} is out of range`;
  }
  return undefined;
}

// The engine re-reads the same few instants many times per evaluation (and the what-if and
// next-change runs repeat them): parsed instants are remembered, up to a bound.
const PARSED = new Map<string, ParsedInstant>();
const PARSED_LIMIT = 50_000;

/** Parses an instant already checked by `instantProblem`. */
export function parseInstant(text: string): ParsedInstant {
  const known = PARSED.get(text);
  if (known) return known;
  const parsed = parseInstantText(text);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, parsed);
  return parsed;
}

function parseInstantText(text: string): ParsedInstant {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) throw new RangeError(`not an instant: ${text}`);
  const fraction = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  const wallMs = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
    Number(match[6] ?? 0),
    fraction,
  );
  const sign = match[9] === '-' ? -1 : 1;
  const offsetMinutes = match[9] ? sign * (Number(match[10]) * 60 + Number(match[11])) : 0;
  return { epochMs: wallMs - offsetMinutes * MS_PER_MINUTE, offsetMinutes };
}

export function epochMs(instant: string): number {
  return parseInstant(instant).epochMs;
}

function pad(value: number, width = 2): string {
  if (width === 2 && value >= 10 && value < 100) return String(value);
  return String(value).padStart(width, '0');
}

function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Writes a moment as an instant in the given offset, to the second. */
export function formatInstant(epoch: number, offsetMinutes: number): string {
  const wallMs = epoch + offsetMinutes * MS_PER_MINUTE;
  const day = Math.floor(wallMs / MS_PER_DAY);
  // Years 0000-9999 by arithmetic; anything else as toISOString writes it (or rejects it).
  if (!(day >= FIRST_FOUR_DIGIT_DAY && day <= LAST_FOUR_DIGIT_DAY)) {
    return `${new Date(wallMs).toISOString().slice(0, 19)}${formatOffset(offsetMinutes)}`;
  }
  const second = Math.floor((wallMs - day * MS_PER_DAY) / 1_000);
  const time = `${pad(Math.floor(second / 3_600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
  return `${dateOfDayNumber(day)}T${time}${formatOffset(offsetMinutes)}`;
}

/** Day numbers of 0000-01-01 and 9999-12-31. */
const FIRST_FOUR_DIGIT_DAY = -719_528;
const LAST_FOUR_DIGIT_DAY = 2_932_896;

/** The calendar day a moment falls on, seen from the given offset. */
export function localDate(epoch: number, offsetMinutes: number): string {
  return dateOfDayNumber(Math.floor((epoch + offsetMinutes * MS_PER_MINUTE) / MS_PER_DAY));
}

/** The calendar day of an instant in its own offset. */
export function dateOf(instant: string): string {
  return instant.slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

// Day numbers (days since 1970-01-01) by plain arithmetic, as in H. Hinnant's
// days_from_civil / civil_from_days: the engine does this thousands of times a second, and
// going through Date and ISO strings cost it a tenth of its time.
function dayNumberOf(date: string): number {
  const year = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) <= 2 ? 1 : 0);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dateOfDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted + (shifted < 10 ? 3 : -9);
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Calendar months; a day past the end of the target month is clamped to its last day. */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(targetDay)}`;
}

/** The same wall-clock time `days` calendar days later, in the instant's own offset. */
export function addDaysToInstant(instant: string, days: number): string {
  const { epochMs: epoch, offsetMinutes } = parseInstant(instant);
  return formatInstant(epoch + days * MS_PER_DAY, offsetMinutes);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The moment a calendar day begins (00:00:00) in the given offset. */
export function startOfDay(date: string, offsetMinutes: number): number {
  return dayNumberOf(date) * MS_PER_DAY - offsetMinutes * MS_PER_MINUTE;
}

/** The last second of a calendar day (23:59:59) in the given offset, as an instant. */
export function endOfDayInstant(date: string, offsetMinutes: number): string {
  return formatInstant(startOfDay(date, offsetMinutes) + MS_PER_DAY - 1_000, offsetMinutes);
}
