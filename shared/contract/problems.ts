// Turns raw text into a validated message, or into problems that name the field:
// `{ path: 'body.payments.0.amountFen', message: 'must be a positive whole number of fen' }`.
import * as z from 'zod/mini';
import { MAX_MESSAGE_BYTES } from './messages.ts';

export interface Problem {
  /** Dot-separated path into the document; empty for the document as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One problem per zod issue; an unknown key becomes a problem at that key's own path. */
export function problemsOf(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: joinPath([...path, key]), message: 'is not a v1 field' }));
    }
    return [{ path: joinPath(path), message: issue.message }];
  });
}

/** Validates an already-decoded JSON value against a schema. */
export function validate<T>(schema: z.ZodMiniType<T>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) };
}

/** Decodes JSON text, by default within the contract's message size limit; never throws. */
export function decodeJson(text: string, maxBytes = MAX_MESSAGE_BYTES): ParseResult<unknown> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    return { ok: false, problems: [{ path: '', message: `is ${bytes} bytes; a message may be at most ${maxBytes}` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `is not valid JSON (${why.slice(0, 200)})` }] };
  }
}

/** Decodes and validates one message's raw text. */
export function parseMessageText<T>(schema: z.ZodMiniType<T>, text: string): ParseResult<T> {
  const decoded = decodeJson(text);
  return decoded.ok ? validate(schema, decoded.value) : decoded;
}
