// linkage.rejection.v1: sent back to the sender of a message the service could not accept.
import * as z from 'zod/mini';
import { instant } from './primitives.ts';

/** The body's schema, built on first use (messages.ts says why). */
export const rejectionBody = z.lazy(() =>
  z.strictObject({
    rejectedMessageId: z.optional(z.string()),
    schema: z.optional(z.string()),
    errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).check(z.minLength(1)),
    receivedAt: instant,
    quarantineRef: z.string().check(z.minLength(1)),
  }),
);

export type Rejection = z.infer<typeof rejectionBody>;
