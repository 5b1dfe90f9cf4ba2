// The console API's query parameters and responses as zod schemas: the handlers validate
// with them, the front end types come from them, and the OpenAPI document is generated from them.
import * as z from 'zod';
import { ABILITIES, ITEM_STATES, MATERIALS } from '../shared/contract/fulfilment-flag.ts';
import { PROPERTY_KINDS } from '../shared/contract/enforcement-status.ts';
import { DECISIONS } from '../shared/contract/reason-codes.ts';
import { RULING_OUTCOMES } from '../shared/contract/ruling.ts';
import { VERIFICATION_REASONS } from '../shared/contract/verification-request.ts';
import { INSTITUTION_KINDS } from '../shared/resources/registry.ts';
import { ROLES } from './auth/principal.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
const limit = z.coerce
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be at least 1' })
  .max(100, { error: 'must be at most 100' })
  .default(20);
const cursor = z.string().max(2000).optional();

export const caseListQuery = z.strictObject({
  decision: z.enum(DECISIONS).optional(),
  prisonId: z.string().max(32).optional(),
  kind: z.enum(['COMMUTATION', 'PAROLE']).optional(),
  from: date.optional(),
  to: date.optional(),
  /** An application id or a prisoner number. */
  q: z.string().trim().min(1).max(128).optional(),
  limit,
  cursor,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const pageQuery = z.strictObject({ limit, cursor });
export const requestListQuery = z.strictObject({ limit, cursor, overdue: z.enum(['true', 'false']).optional() });

/** An institution as the console shows it: `nameZh` in Chinese, `name` in English. */
export const institutionRef = z.object({ id: z.string(), name: z.string(), nameZh: z.string() });

export const me = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  /** SERVICE: the linkage service's own operators (the registry's `service` id), role OPERATOR. */
  /** PROVINCE: a provincial administrator; the institution is the province (id: its code). */
  institution: institutionRef.extend({ kind: z.enum([...INSTITUTION_KINDS, 'SERVICE', 'PROVINCE']) }),
  /** For a procuratorate: the prison it is stationed at. */
  prison: institutionRef.optional(),
  /** For a hearing court: the prisons, to filter its list by. */
  prisons: z.array(institutionRef).optional(),
  /** For a prison: the courts its dossier form may name. */
  hearingCourts: z.array(institutionRef).optional(),
  enforcingCourts: z.array(institutionRef).optional(),
});
export type Me = z.infer<typeof me>;

/** Identity as the role may see it: `masked` says the server blanked part of it. */
export const prisonerView = z.object({
  prisonerNo: z.string(),
  name: z.string(),
  personId: z.string(),
  masked: z.boolean(),
});

const rulingView = z.object({ outcome: z.enum(RULING_OUTCOMES), ruledOn: z.string(), rulingRef: z.string() });

export const caseListRow = z.object({
  applicationId: z.string(),
  kind: z.enum(['COMMUTATION', 'PAROLE']),
  basis: z.enum(['ORDINARY', 'MERITORIOUS', 'MAJOR_MERITORIOUS']),
  prisoner: prisonerView,
  prison: institutionRef,
  submittedAt: z.string(),
  decision: z.enum(DECISIONS).nullable(),
  revision: z.number().nullable(),
  evaluatedAt: z.string().nullable(),
  ruling: rulingView.nullable(),
  /** REVOKE, or a decision other than CLEAR after a grant: the procuratorate's alerts. */
  alert: z.boolean(),
  /** The prison's list only: the Art 5 materials the current flag names as missing. */
  missingMaterials: z.array(z.enum(MATERIALS)).optional(),
});
export const caseList = z.object({ rows: z.array(caseListRow), cursor: z.string().optional() });
export type CaseListRow = z.infer<typeof caseListRow>;

export const requestView = z.object({
  requestId: z.string(),
  applicationId: z.string(),
  judgmentId: z.string(),
  itemNos: z.array(z.number()).nullable(),
  reason: z.enum(VERIFICATION_REASONS),
  requestedAt: z.string(),
  dueBy: z.string(),
  enforcingCourt: institutionRef,
  answered: z.boolean(),
  overdue: z.boolean(),
});
export const requestList = z.object({ rows: z.array(requestView), cursor: z.string().optional() });
export type RequestView = z.infer<typeof requestView>;

export const rejectionView = z.object({
  /** The quarantine reference: GET /api/rejection?ref= gives the original text. */
  ref: z.string(),
  receivedAt: z.string(),
  reason: z.string(),
  messageId: z.string().nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export const rejectionList = z.object({ rows: z.array(rejectionView), cursor: z.string().optional() });

export const accessView = z.object({
  viewedAt: z.string(),
  username: z.string(),
  userRole: z.string(),
  institution: institutionRef,
  applicationId: z.string(),
  what: z.enum(['case', 'print']),
});
export const accessList = z.object({ rows: z.array(accessView), cursor: z.string().optional() });

const remedyView = z.object({
  code: z.string(),
  action: z.string(),
  party: z.string(),
  amountFen: z.number().optional(),
  items: z.array(z.string()).optional(),
  materials: z.array(z.string()).optional(),
  until: z.string().optional(),
  detail: z.string(),
});

export const itemView = z.object({
  judgmentId: z.string(),
  itemNo: z.number(),
  kind: z.enum(PROPERTY_KINDS),
  dueFen: z.number().nullable(),
  paidFen: z.number(),
  outstandingFen: z.number(),
  state: z.enum(ITEM_STATES),
  asOf: z.string().nullable(),
  enforcingCourt: institutionRef,
});

const reasonView = z.object({
  code: z.string(),
  outcome: z.enum(DECISIONS).optional(),
  basis: z.string(),
  detail: z.string(),
  items: z.array(z.string()).optional(),
});

export const flagView = z.object({
  revision: z.number(),
  decision: z.enum(DECISIONS),
  ability: z.enum(ABILITIES),
  reasons: z.array(reasonView),
  items: z.array(itemView),
  outstandingFen: z.number(),
  missingMaterials: z.array(z.enum(MATERIALS)),
  evaluatedAt: z.string(),
  policy: z.object({ id: z.string(), version: z.string() }),
  /** Contract v1.1: present once the engine sends them. */
  remedies: z.array(remedyView).optional(),
  earliestClearOn: z.string().nullable().optional(),
  nextChangeAt: z.string().nullable().optional(),
});

export const changeView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('decision'), from: z.enum(DECISIONS), to: z.enum(DECISIONS) }),
  z.object({ type: z.literal('reasonAdded'), code: z.string() }),
  z.object({ type: z.literal('reasonRemoved'), code: z.string() }),
  z.object({
    type: z.literal('item'),
    item: z.string(),
    field: z.enum(['paidFen', 'outstandingFen', 'state']),
    from: z.union([z.string(), z.number(), z.null()]),
    to: z.union([z.string(), z.number(), z.null()]),
  }),
  z.object({ type: z.literal('materials'), from: z.array(z.string()), to: z.array(z.string()) }),
  z.object({ type: z.literal('dossierVersion'), from: z.number(), to: z.number() }),
  z.object({ type: z.literal('statusVersion'), item: z.string(), from: z.number().nullable(), to: z.number() }),
  z.object({ type: z.literal('ruling'), outcome: z.enum(RULING_OUTCOMES) }),
]);
export type ChangeView = z.infer<typeof changeView>;

export const triggerView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), schema: z.string(), senderId: z.string(), messageId: z.string() }),
  z.object({ kind: z.literal('deadline'), at: z.string() }),
  z.object({ kind: z.literal('other'), text: z.string() }),
]);

export const revisionView = z.object({
  revision: z.number(),
  decision: z.enum(DECISIONS),
  evaluatedAt: z.string(),
  recordedAt: z.string(),
  trigger: triggerView,
  changes: z.array(changeView),
});

export const caseDetail = z.object({
  applicationId: z.string(),
  kind: z.enum(['COMMUTATION', 'PAROLE']),
  basis: z.enum(['ORDINARY', 'MERITORIOUS', 'MAJOR_MERITORIOUS']),
  prisoner: prisonerView,
  prison: institutionRef,
  hearingCourt: institutionRef,
  submittedAt: z.string(),
  firstSubmittedAt: z.string(),
  dossierVersion: z.number(),
  current: flagView.nullable(),
  requests: z.array(requestView),
  rulings: z.array(rulingView),
  history: z.array(revisionView),
  viewedAt: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const problemBody = z.object({
  error: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
