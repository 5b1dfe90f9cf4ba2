// linkage.enforcement-status.v1: an enforcing court's full snapshot of one property item.
import * as z from 'zod';
import { calendarDate, fen, instant, personId, positiveInt, text } from './primitives.ts';

export const PROPERTY_KINDS = [
  'FINE',
  'CONFISCATION',
  'RECOVERY',
  'RESTITUTION',
  'CIVIL_INCIDENTAL',
  'CIVIL_SEPARATE',
] as const;
export const propertyKind = z.enum(PROPERTY_KINDS);
export type PropertyKind = z.infer<typeof propertyKind>;

export const CIVIL_KINDS: readonly PropertyKind[] = ['CIVIL_INCIDENTAL', 'CIVIL_SEPARATE'];

export const CONDUCT_CODES = [
  'HIDES_PROCEEDS_WHEREABOUTS',
  'CONCEALS_OR_TRANSFERS_ASSETS',
  'OBSTRUCTS_ENFORCEMENT',
  'FALSE_DECLARATION',
] as const;
export type ConductCode = (typeof CONDUCT_CODES)[number];

export const DOCUMENT_TYPES = [
  'CLOSURE_NOTICE',
  'PAYMENT_RECEIPT',
  'EXECUTION_STATEMENT',
  'ENFORCEMENT_RULING',
] as const;

const payment = z.strictObject({
  receiptNo: text(64, 'receipt number'),
  amountFen: fen({ positive: true }),
  payer: z.enum(['SELF', 'RELATIVE', 'OTHER']),
  paidOn: calendarDate,
});

const conduct = z.strictObject({
  code: z.enum(CONDUCT_CODES),
  foundOn: calendarDate,
  ceasedOn: calendarDate.optional(),
  serious: z.boolean().optional(),
  detail: text(2000, 'conduct detail').optional(),
});
export type Conduct = z.infer<typeof conduct>;

export const enforcementStatusBody = z
  .strictObject({
    judgmentId: text(128, 'judgment case number'),
    itemNo: positiveInt('item number'),
    enforcementCaseId: text(128, 'enforcement case number').optional(),
    personId,
    kind: propertyKind,
    dueFen: fen().nullable(),
    wholeEstate: z.boolean().optional(),
    payments: z.array(payment).max(1000),
    jointLiability: z.strictObject({ groupId: text(64, 'joint liability group'), coObligorsPaidFen: fen() }).optional(),
    instalments: z
      .strictObject({
        agreed: z.literal(true, { error: 'must be true when instalments are given' }),
        overdue: z.boolean(),
        nextDueOn: calendarDate.optional(),
      })
      .optional(),
    fineExempted: z.strictObject({ rulingRef: text(128, 'ruling reference'), on: calendarDate }).optional(),
    escrow: z.strictObject({ ref: text(128, 'escrow reference'), amountFen: fen(), on: calendarDate }).optional(),
    victimWaiver: z.strictObject({ ref: text(128, 'waiver reference'), on: calendarDate }).optional(),
    assetSearch: z
      .strictObject({
        completedOn: calendarDate,
        executableAssetsFound: z.boolean(),
        foundFen: fen().optional(),
      })
      .optional(),
    conduct: z.array(conduct).max(100),
    documents: z
      .array(
        z.strictObject({
          type: z.enum(DOCUMENT_TYPES),
          ref: text(128, 'document reference'),
          issuedOn: calendarDate,
        }),
      )
      .max(200),
    asOf: instant,
    version: positiveInt('status version'),
    inReplyTo: text(128, 'verification request id').optional(),
  })
  .superRefine((body, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    if (body.dueFen === null && body.wholeEstate !== true) {
      problem(['dueFen'], 'may be null only for confiscation of the whole estate (wholeEstate: true)');
    }
    if (body.wholeEstate === true && body.kind !== 'CONFISCATION') {
      problem(['wholeEstate'], 'applies only to CONFISCATION');
    }
    const paid = body.payments.reduce((sum, p) => sum + p.amountFen, 0);
    const lodged = body.escrow?.amountFen ?? 0;
    if (body.dueFen !== null && paid + lodged > body.dueFen) {
      problem(['payments'], `payments plus escrow (${paid + lodged} fen) exceed dueFen (${body.dueFen} fen)`);
    }
    const seen = new Set<string>();
    body.payments.forEach((p, index) => {
      if (seen.has(p.receiptNo)) {
        problem(['payments', index, 'receiptNo'], `receipt number ${p.receiptNo} appears twice in this item`);
      }
      seen.add(p.receiptNo);
    });
    if (body.fineExempted && body.kind !== 'FINE') problem(['fineExempted'], 'applies only to FINE');
    if (body.escrow && !CIVIL_KINDS.includes(body.kind)) {
      problem(['escrow'], 'applies only to CIVIL_INCIDENTAL and CIVIL_SEPARATE');
    }
    if (body.victimWaiver && !CIVIL_KINDS.includes(body.kind)) {
      problem(['victimWaiver'], 'applies only to CIVIL_INCIDENTAL and CIVIL_SEPARATE');
    }
    body.conduct.forEach((c, index) => {
      if (c.ceasedOn !== undefined && c.ceasedOn < c.foundOn) {
        problem(['conduct', index, 'ceasedOn'], `must not be before foundOn (${c.foundOn})`);
      }
    });
  });

export type EnforcementStatus = z.infer<typeof enforcementStatusBody>;
