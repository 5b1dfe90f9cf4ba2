// Building blocks shared by every v1 message schema. Each carries the error text an
// institution's integrator sees in a rejection, so the wording names what is expected.
// zod/mini: the same schemas as zod's full build, a fifth of the bytes in every function
// bundle (docs/capacity.md). Its checks are functions (`z.minLength`), not methods.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { dateProblem, instantProblem } from '../time/calendar.ts';

// zod/mini loads no locale: its default error texts (an enum's options, a wrong type) are the
// English ones of zod's full build, as integrators see them in rejections.
z.config(en());

/** Characters no identifier or text field may hold: control, surrogate, line/paragraph
 *  separators and bidirectional overrides (they make a case number read differently). */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** A bounded string with no control characters; `what` names it in errors. */
export function text(maxLength: number, what = 'text') {
  return z.string({ error: `must be a string (${what})` }).check(
    z.minLength(1, { error: `must not be empty (${what})` }),
    z.maxLength(maxLength, { error: `must be at most ${maxLength} characters (${what})` }),
    z.refine((value) => !FORBIDDEN_CHARACTERS.test(value), {
      error: `must not contain control or direction-override characters (${what})`,
    }),
    z.refine((value) => value.trim() === value, {
      error: `must not start or end with white space (${what})`,
    }),
  );
}

/** Money: a whole number of fen, never a float, never past 2^53. */
export function fen(options: { positive?: boolean } = {}) {
  const whole = z.int({ error: 'must be a whole number of fen (1 yuan = 100 fen)' });
  const bounded = options.positive
    ? whole.check(z.gte(1, { error: 'must be a positive whole number of fen' }))
    : whole.check(z.gte(0, { error: 'must be a whole number of fen, zero or more' }));
  return bounded.register(z.globalRegistry, { description: 'integer number of fen (1 yuan = 100 fen)' });
}

export function positiveInt(what: string) {
  return z.int({ error: `must be a whole number (${what})` }).check(z.gte(1, { error: `must be 1 or more (${what})` }));
}

export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .check((ctx) => {
    const problem = dateProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .register(z.globalRegistry, { format: 'date', description: 'YYYY-MM-DD; must be a real calendar date' });

export const instant = z
  .string({ error: 'must be an ISO-8601 instant with an offset' })
  .check((ctx) => {
    const problem = instantProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .register(z.globalRegistry, {
    format: 'date-time',
    description: 'ISO-8601 instant with an offset, e.g. 2026-11-20T10:00:00+08:00',
  });

export const INSTITUTION_ID_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
export const institutionId = z.string({ error: 'must be an institution code' }).check(
  z.regex(INSTITUTION_ID_PATTERN, {
    error: 'must be an institution code: 2-32 of A-Z, 0-9 and -, not starting with -',
  }),
);

export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
export const messageId = z
  .string({ error: 'must be a message id' })
  .check(z.regex(MESSAGE_ID_PATTERN, { error: 'must be 1-64 characters of A-Z a-z 0-9 . _ : -' }));

// GB 11643-1999: 17 digits, then a check digit over them with these weights, mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character for the first 17 digits of an identity number. */
export function identityCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

/** Explains what is wrong with a resident identity number, or returns undefined. */
export function personIdProblem(value: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) {
    return 'must be an 18-character resident identity number: 17 digits, then a digit or X';
  }
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (dateProblem(birth)) return `birth date ${value.slice(6, 14)} is not a real date`;
  const expected = identityCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) return `check digit is ${expected}, not ${value[17]}`;
  return undefined;
}

export const personId = z
  .string({ error: 'must be a resident identity number' })
  .check((ctx) => {
    const problem = personIdProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .register(z.globalRegistry, {
    description: '18-character resident identity number (GB 11643); the check digit must be valid',
  });

/** Key of one property item across the contract: `<judgmentId>#<itemNo>`. */
export function itemKey(judgmentId: string, itemNo: number): string {
  return `${judgmentId}#${itemNo}`;
}
