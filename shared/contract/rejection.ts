// linkage.rejection.v1: sent back to the sender of a message the service could not accept.
import * as z from 'zod';
import { instant } from './primitives.ts';

export const rejectionBody = z.strictObject({
  rejectedMessageId: z.string().optional(),
  schema: z.string().optional(),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).min(1),
  receivedAt: instant,
  quarantineRef: z.string().min(1),
});

export type Rejection = z.infer<typeof rejectionBody>;
