// The case file `linkage evaluate` reads: { now, policy?, messages }. Message problems are
// reported with the message's index first, e.g. `1.body.personId`.
import * as z from 'zod/mini';
import { policyOverrides, type PolicyOverrides } from './policy.ts';
import { anyMessage, type AnyMessage } from './messages.ts';
import { instant } from './primitives.ts';
import { problemsOf, type ParseResult, type Problem } from './problems.ts';

export const caseFileSchema = z.strictObject({
  now: instant,
  policy: z.optional(policyOverrides),
  messages: z
    .array(z.unknown())
    .check(z.minLength(1, { error: 'must hold at least the dossier' }), z.maxLength(10_000)),
});

/** Messages a case may hold: the inputs of an evaluation, not its outputs. */
const CASE_INPUTS = new Set([
  'linkage.reduction-dossier.v1',
  'linkage.enforcement-status.v1',
  'linkage.ruling.v1',
  'linkage.verification-request.v1',
]);

export interface CaseFile {
  readonly now: string;
  readonly policy?: PolicyOverrides;
  readonly messages: readonly AnyMessage[];
}

export function parseCaseFile(value: unknown): ParseResult<CaseFile> {
  const shape = caseFileSchema.safeParse(value);
  if (!shape.success) {
    // Still report each message's own problems when the messages array itself is readable.
    const messageProblems = Array.isArray((value as { messages?: unknown })?.messages)
      ? parseMessages((value as { messages: unknown[] }).messages).problems
      : [];
    return { ok: false, problems: [...problemsOf(shape.error), ...messageProblems] };
  }
  const { messages, problems } = parseMessages(shape.data.messages);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { now: shape.data.now, ...(shape.data.policy ? { policy: shape.data.policy } : {}), messages },
  };
}

function parseMessages(raw: readonly unknown[]): { messages: AnyMessage[]; problems: Problem[] } {
  const messages: AnyMessage[] = [];
  const problems: Problem[] = [];
  raw.forEach((message, index) => {
    const result = anyMessage.safeParse(message);
    if (!result.success) {
      problems.push(...problemsOf(result.error, [index]));
    } else if (!CASE_INPUTS.has(result.data.schema)) {
      problems.push({
        path: `${index}.schema`,
        message: `${result.data.schema} is an output of the service, not an input to an evaluation`,
      });
    } else {
      messages.push(result.data);
    }
  });
  return { messages, problems };
}
