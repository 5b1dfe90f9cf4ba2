// linkage.verification-request.v1: the service's letter (核实函) to an enforcing court, Art 13(2).
import * as z from 'zod/mini';
import { instant, positiveInt, text } from './primitives.ts';

export const VERIFICATION_REASONS = ['STATUS_MISSING', 'STATUS_STALE', 'MATERIALS_MISSING'] as const;
export type VerificationReason = (typeof VERIFICATION_REASONS)[number];

/** The body's schema, built on first use (messages.ts says why). */
export const verificationRequestBody = z.lazy(() =>
  z.strictObject({
    requestId: text(128, 'request id'),
    applicationId: text(128, 'application id'),
    judgmentId: text(128, 'judgment case number'),
    itemNos: z.optional(z.array(positiveInt('item number')).check(z.minLength(1), z.maxLength(100))),
    reason: z.enum(VERIFICATION_REASONS),
    requestedAt: instant,
    dueBy: instant,
  }),
);

export type VerificationRequest = z.infer<typeof verificationRequestBody>;
