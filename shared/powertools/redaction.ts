// Keeps prisoners' identities out of log lines. Applied by the logger to every value it
// serialises, so a careless `logger.info('x', { dossier })` still prints no name or id.

/** Keys whose values are personal: never printed, whatever they hold. */
const PERSONAL_KEYS = new Set(['personid', 'name', 'prisoner', 'prisonerno']);

/** An 18-character resident identity number (17 digits, then a digit or X) inside any text. */
const IDENTITY_NUMBER = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/g;

export const REDACTED = '[redacted]';

/** A JSON replacer: hides personal keys and masks identity numbers inside strings. */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (PERSONAL_KEYS.has(key.toLowerCase())) return REDACTED;
  if (typeof value === 'string') return value.replace(IDENTITY_NUMBER, REDACTED);
  // An error's class name (ThrottlingException, ServiceUnavailable...) tells a throttle from a
  // bug; it goes out as `errorName`, since every `name` key is treated as a person's name.
  if (value instanceof Error) {
    return {
      errorName: value.name,
      message: value.message,
      ...(value.stack ? { stack: value.stack } : {}),
      ...(value.cause === undefined ? {} : { cause: value.cause }),
    };
  }
  return value;
}
