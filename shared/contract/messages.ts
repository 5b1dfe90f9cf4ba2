// The v1 envelope around every message, and the union of all message schemas.
import * as z from 'zod/mini';
import { enforcementStatusBody } from './enforcement-status.ts';
import { fulfilmentFlagBody } from './fulfilment-flag.ts';
import { instant, institutionId, messageId } from './primitives.ts';
import { reductionDossierBody } from './reduction-dossier.ts';
import { rejectionBody } from './rejection.ts';
import { rulingBody } from './ruling.ts';
import { verificationRequestBody } from './verification-request.ts';

export const SENDER_KINDS = ['PRISON', 'ENFORCING_COURT', 'HEARING_COURT', 'PROCURATORATE', 'SERVICE'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const SCHEMA_NAMES = {
  enforcementStatus: 'linkage.enforcement-status.v1',
  reductionDossier: 'linkage.reduction-dossier.v1',
  ruling: 'linkage.ruling.v1',
  fulfilmentFlag: 'linkage.fulfilment-flag.v1',
  verificationRequest: 'linkage.verification-request.v1',
  rejection: 'linkage.rejection.v1',
} as const;
export type SchemaName = (typeof SCHEMA_NAMES)[keyof typeof SCHEMA_NAMES];

/** Who may send each schema: the envelope's sender.kind must match. */
export const SENDER_KIND_OF: Record<SchemaName, SenderKind> = {
  'linkage.enforcement-status.v1': 'ENFORCING_COURT',
  'linkage.reduction-dossier.v1': 'PRISON',
  'linkage.ruling.v1': 'HEARING_COURT',
  'linkage.fulfilment-flag.v1': 'SERVICE',
  'linkage.verification-request.v1': 'SERVICE',
  'linkage.rejection.v1': 'SERVICE',
};

/**
 * The envelope around one body. Like the bodies, it is built on first use (`z.lazy`): building
 * every message schema took most of a function's import time beyond the SDK floor's, and
 * each ingest function parses one schema (docs/capacity.md §8).
 */
function envelope<const Name extends SchemaName, Body extends z.ZodMiniType>(schema: Name, body: Body) {
  const expectedKind = SENDER_KIND_OF[schema];
  return z.lazy(() =>
    z.strictObject({
      schema: z.literal(schema),
      messageId,
      sentAt: instant,
      sender: z.strictObject({
        kind: z
          .enum(SENDER_KINDS)
          .check(z.refine((kind) => kind === expectedKind, { error: `must be ${expectedKind} for ${schema}` })),
        id: institutionId,
      }),
      body,
    }),
  );
}

export const enforcementStatusMessage = envelope(SCHEMA_NAMES.enforcementStatus, enforcementStatusBody);
export const reductionDossierMessage = envelope(SCHEMA_NAMES.reductionDossier, reductionDossierBody);
export const rulingMessage = envelope(SCHEMA_NAMES.ruling, rulingBody);
export const fulfilmentFlagMessage = envelope(SCHEMA_NAMES.fulfilmentFlag, fulfilmentFlagBody);
export const verificationRequestMessage = envelope(SCHEMA_NAMES.verificationRequest, verificationRequestBody);
export const rejectionMessage = envelope(SCHEMA_NAMES.rejection, rejectionBody);

const unionError = {
  error: `must be one of ${Object.values(SCHEMA_NAMES).join(', ')}`,
};

/** Messages institutions send to the service, by schema name (the function catalogue says who sends which). */
export const INBOUND_SCHEMAS = {
  [SCHEMA_NAMES.enforcementStatus]: enforcementStatusMessage,
  [SCHEMA_NAMES.reductionDossier]: reductionDossierMessage,
  [SCHEMA_NAMES.ruling]: rulingMessage,
} as const;
export type InboundSchemaName = keyof typeof INBOUND_SCHEMAS;
export type InboundMessageOf<S extends InboundSchemaName> = z.infer<(typeof INBOUND_SCHEMAS)[S]>;

/** Messages institutions send to the service. */
export const inboundMessage = z.discriminatedUnion(
  'schema',
  [enforcementStatusMessage, reductionDossierMessage, rulingMessage],
  unionError,
);

/** Every v1 message, in either direction (a case file may hold the service's own requests). */
export const anyMessage = z.discriminatedUnion(
  'schema',
  [
    enforcementStatusMessage,
    reductionDossierMessage,
    rulingMessage,
    fulfilmentFlagMessage,
    verificationRequestMessage,
    rejectionMessage,
  ],
  unionError,
);

export type EnforcementStatusMessage = z.infer<typeof enforcementStatusMessage>;
export type ReductionDossierMessage = z.infer<typeof reductionDossierMessage>;
export type RulingMessage = z.infer<typeof rulingMessage>;
export type FulfilmentFlagMessage = z.infer<typeof fulfilmentFlagMessage>;
export type VerificationRequestMessage = z.infer<typeof verificationRequestMessage>;
export type RejectionMessage = z.infer<typeof rejectionMessage>;
export type InboundMessage = z.infer<typeof inboundMessage>;
export type AnyMessage = z.infer<typeof anyMessage>;

/** Every message is one JSON document of at most 256 KiB. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
