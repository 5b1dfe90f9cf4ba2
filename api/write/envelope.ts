// Builds the contract message a console user sends: the envelope's sender is the signed-in
// institution (from the token), never anything in the request; the body is checked with the
// same zod schema the ingest function uses, so a form cannot send what the ingest would refuse
// for its shape.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { inboundMessage, type InboundMessage } from '../../shared/contract/messages.ts';
import { problemsOf, type Problem } from '../../shared/contract/problems.ts';
import { SENDING_KINDS, type InstitutionKind } from '../../shared/resources/registry.ts';
import { formatInstant } from '../../shared/time/calendar.ts';
import type { Principal } from '../auth/principal.ts';

export const SENDABLE_SCHEMAS = Object.values(SENDING_KINDS);
export type SendableSchema = (typeof SENDABLE_SCHEMAS)[number];

/** What a request to send says: which message and its body; nothing about who sends it. */
export const submission = z.object({
  schema: z.enum(SENDABLE_SCHEMAS),
  body: z.record(z.string(), z.unknown()),
});
export type Submission = z.infer<typeof submission>;

/** The one schema an institution of this kind may send, or undefined (procuratorates send none). */
export function schemaOfKind(kind: InstitutionKind | 'SERVICE'): SendableSchema | undefined {
  // The service's operators send no messages.
  return (SENDING_KINDS as Partial<Record<InstitutionKind | 'SERVICE', SendableSchema>>)[kind];
}

/** Beijing time: the offset the console stamps its messages with. */
const CHINA_OFFSET_MINUTES = 8 * 60;

export type BuildResult = { ok: true; message: InboundMessage } | { ok: false; problems: Problem[] };

export function buildMessage(principal: Principal, input: Submission, nowMs: number): BuildResult {
  const candidate = {
    schema: input.schema,
    messageId: `console:${randomUUID()}`,
    sentAt: formatInstant(nowMs, CHINA_OFFSET_MINUTES),
    sender: { kind: principal.kind, id: principal.institutionId },
    body: input.body,
  };
  const parsed = inboundMessage.safeParse(candidate);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}
