// The functions' logger never prints a prisoner's name or identity number, however they
// reach it: under a personal key, inside an object, or inside some text.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDACTED, redactPersonalData } from '../../../shared/powertools/redaction.ts';
import { PERSON_ID, dossier } from '../../../generators/case.ts';
import { useFunctionEnvironment } from '../../support/function-environment.ts';

useFunctionEnvironment({ POWERTOOLS_LOG_LEVEL: 'INFO' });
let logger: typeof import('../../../shared/powertools/logger.ts').logger;

beforeAll(async () => {
  ({ logger } = await import('../../../shared/powertools/logger.ts'));
});
afterEach(() => vi.restoreAllMocks());

function printed(log: () => void): string {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
  log();
  return lines.join('');
}

describe('log redaction', () => {
  it('hides personal keys and identity numbers in any text, keeps the rest', () => {
    const body = dossier().body;
    const line = printed(() =>
      logger.info(`evaluating ${PERSON_ID}`, {
        applicationId: body.applicationId,
        dossier: body,
        personId: PERSON_ID,
        note: `id:${PERSON_ID}.`,
      }),
    );
    expect(line).toContain(body.applicationId);
    expect(line).not.toContain(PERSON_ID);
    expect(line).not.toContain(body.prisoner.name);
    expect(line).not.toContain(body.prisoner.prisonerNo);
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry.message).toBe(`evaluating ${REDACTED}`);
    expect(entry.personId).toBe(REDACTED);
    expect((entry.dossier as { prisoner: unknown }).prisoner).toBe(REDACTED);
    expect(entry.note).toBe(`id:${REDACTED}.`);
  });

  it.each(['ConditionalCheckFailedException', 'RequestThrottled', 'ServiceUnavailable'])(
    'keeps the class name of a logged error (%s), and masks identity numbers in its message',
    (name) => {
      const error = new Error(`no status for ${PERSON_ID}`);
      error.name = name;
      const entry = JSON.parse(printed(() => logger.error('failed', { error }))) as {
        error: { errorName: string; message: string; stack: string };
      };
      expect(entry.error.errorName).toBe(name);
      expect(entry.error.message).toBe(`no status for ${REDACTED}`);
      expect(entry.error.stack).not.toContain(PERSON_ID);
    },
  );

  it('leaves numbers that are not identity numbers alone', () => {
    expect(redactPersonalData('sequence', '18849496460467696128')).toBe('18849496460467696128');
    expect(redactPersonalData('amount', 5_000_000)).toBe(5_000_000);
    expect(redactPersonalData('name', '张某')).toBe(REDACTED);
    expect(redactPersonalData('text', `x${PERSON_ID.slice(0, 17)}-`)).toBe(`x${PERSON_ID.slice(0, 17)}-`);
    expect(redactPersonalData('text', `${PERSON_ID}7`)).toBe(`${PERSON_ID}7`);
  });
});
