// linkage.fulfilment-flag.v1: the service's finding on one application, sent to the hearing
// court and copied to the prison and the procuratorate.
import * as z from 'zod';
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

const reason = z.strictObject({
  code: z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]),
  /** Optional v1 addition: the outcome this reason carried after any major-merit downgrade. */
  outcome: z.enum(DECISIONS).optional(),
  basis: z.string(),
  detail: z.string(),
  items: z.array(z.string()).optional(),
});
export type Reason = z.infer<typeof reason>;

const flagItem = z.strictObject({
  judgmentId: z.string(),
  itemNo: positiveInt('item number'),
  kind: propertyKind,
  dueFen: fen().nullable(),
  paidFen: fen(),
  outstandingFen: fen(),
  state: z.enum(ITEM_STATES),
  asOf: instant.nullable(),
  version: positiveInt('status version').nullable(),
});
export type FlagItem = z.infer<typeof flagItem>;

export const fulfilmentFlagBody = z.strictObject({
  applicationId: z.string(),
  revision: positiveInt('revision'),
  decision: z.enum(DECISIONS),
  ability: z.enum(ABILITIES),
  reasons: z.array(reason),
  items: z.array(flagItem),
  outstandingFen: fen(),
  missingMaterials: z.array(z.enum(MATERIALS)),
  /** v1.1 point 12: what would change the decision, one entry per reason that is not CLEAR. */
  remedies: z.array(remedy).optional(),
  /** v1.1 point 13: the first day the decision could be CLEAR if everyone did their part today. */
  earliestClearOn: calendarDate.nullable().optional(),
  /** v1.1 point 14: when the same facts, with no new message, give a different flag. */
  nextChangeAt: instant.nullable().optional(),
  policy: z.strictObject({
    id: z.string(),
    version: z.string(),
    /** Optional v1 addition: thresholds a case file overrode for this evaluation. */
    overrides: z.record(z.string(), z.unknown()).optional(),
  }),
  evaluatedAt: instant,
  inputs: z.strictObject({
    dossierVersion: positiveInt('dossier version'),
    statuses: z.record(z.string(), positiveInt('status version')),
  }),
  /** Optional v1 addition: the ruling on the application, once there is one. */
  ruling: z.strictObject({ outcome: z.enum(RULING_OUTCOMES), ruledOn: calendarDate, rulingRef: text(128) }).optional(),
});

export type FulfilmentFlag = z.infer<typeof fulfilmentFlagBody>;
