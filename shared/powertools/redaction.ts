// Keeps prisoners' identities out of log lines. Applied by the logger to every value it
// serialises, so a careless `logger.info('x', { dossier })` still prints no name or id.

/** Keys whose values are personal: never printed, whatever they hold. */
const PERSONAL_KEYS = new Set(['personid', 'name', 'prisoner', 'prisonerno']);

/** An 18-character resident identity number (17 digits, then a digit or X) inside any text. */
const IDENTITY_NUMBER = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Error class names (`name` of a logged error) are not personal and help diagnosis. */
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9]*(Error|Exception)$/;

export const REDACTED = '[redacted]';

/** A JSON replacer: hides personal keys and masks identity numbers inside strings. */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (PERSONAL_KEYS.has(key.toLowerCase())) {
    return key === 'name' && typeof value === 'string' && ERROR_NAME.test(value) ? value : REDACTED;
  }
  if (typeof value === 'string') return value.replace(IDENTITY_NUMBER, REDACTED);
  return value;
}
