// linkage.fulfilment-flag.v1: the service's finding on one application, sent to the hearing
// court and copied to the prison and the procuratorate.
import * as z from 'zod/mini';
import { propertyKind } from './enforcement-status.ts';
import { MATERIALS } from './materials.ts';
import { calendarDate, fen, instant, positiveInt, text } from './primitives.ts';
import { DECISIONS, REASON_CODES, type ReasonCode } from './reason-codes.ts';
import { remedy } from './remedies.ts';
import { RULING_OUTCOMES } from './ruling.ts';

export const ITEM_STATES = ['SATISFIED', 'NOT_AFFECTING', 'UNSATISFIED', 'UNKNOWN'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ABILITIES = ['ABLE', 'UNABLE', 'UNDETERMINED', 'NOT_APPLICABLE'] as const;
export type Ability = (typeof ABILITIES)[number];

export { MATERIALS, type Material } from './materials.ts';

/**
 * The body's object schema, built anew on each call: the console's stored-flag schema
 * extends it (shared/storage/case-views.ts). Everyone else uses `fulfilmentFlagBody`.
 */
export function fulfilmentFlagObject() {
  const reason = z.strictObject({
    code: z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]),
    /** Optional v1 addition: the outcome this reason carried after any major-merit downgrade. */
    outcome: z.optional(z.enum(DECISIONS)),
    basis: z.string(),
    detail: z.string(),
    items: z.optional(z.array(z.string())),
  });

  const flagItem = z.strictObject({
    judgmentId: z.string(),
    itemNo: positiveInt('item number'),
    kind: propertyKind,
    dueFen: z.nullable(fen()),
    paidFen: fen(),
    outstandingFen: fen(),
    state: z.enum(ITEM_STATES),
    asOf: z.nullable(instant),
    version: z.nullable(positiveInt('status version')),
  });
  return z.strictObject({
    applicationId: z.string(),
    revision: positiveInt('revision'),
    decision: z.enum(DECISIONS),
    ability: z.enum(ABILITIES),
    reasons: z.array(reason),
    items: z.array(flagItem),
    outstandingFen: fen(),
    missingMaterials: z.array(z.enum(MATERIALS)),
    /** v1.1 point 12: what would change the decision, one entry per reason that is not CLEAR. */
    remedies: z.optional(z.array(remedy)),
    /** v1.1 point 13: the first day the decision could be CLEAR if everyone did their part today. */
    earliestClearOn: z.optional(z.nullable(calendarDate)),
    /** v1.1 point 14: when the same facts, with no new message, give a different flag. */
    nextChangeAt: z.optional(z.nullable(instant)),
    policy: z.strictObject({
      id: z.string(),
      version: z.string(),
      /** Optional v1 addition: thresholds a case file overrode for this evaluation. */
      overrides: z.optional(z.record(z.string(), z.unknown())),
    }),
    evaluatedAt: instant,
    inputs: z.strictObject({
      dossierVersion: positiveInt('dossier version'),
      statuses: z.record(z.string(), positiveInt('status version')),
    }),
    /** Optional v1 addition: the ruling on the application, once there is one. */
    ruling: z.optional(
      z.strictObject({ outcome: z.enum(RULING_OUTCOMES), ruledOn: calendarDate, rulingRef: text(128) }),
    ),
  });
}

/** The body's schema, built on first use (messages.ts says why). */
export const fulfilmentFlagBody = z.lazy(fulfilmentFlagObject);

export type FulfilmentFlag = z.infer<typeof fulfilmentFlagBody>;
export type Reason = FulfilmentFlag['reasons'][number];
export type FlagItem = FulfilmentFlag['items'][number];
