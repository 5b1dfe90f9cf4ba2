// linkage.enforcement-status.v1: an enforcing court's full snapshot of one property item.
import * as z from 'zod/mini';
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

/** The body's schema, built on first use (messages.ts says why). */
export const enforcementStatusBody = z.lazy(() => {
  const payment = z.strictObject({
    receiptNo: text(64, 'receipt number'),
    amountFen: fen({ positive: true }),
    payer: z.enum(['SELF', 'RELATIVE', 'OTHER']),
    paidOn: calendarDate,
  });
  const conduct = z.strictObject({
    code: z.enum(CONDUCT_CODES),
    foundOn: calendarDate,
    ceasedOn: z.optional(calendarDate),
    serious: z.optional(z.boolean()),
    detail: z.optional(text(2000, 'conduct detail')),
  });
  return z
    .strictObject({
      judgmentId: text(128, 'judgment case number'),
      itemNo: positiveInt('item number'),
      enforcementCaseId: z.optional(text(128, 'enforcement case number')),
      personId,
      kind: propertyKind,
      dueFen: z.nullable(fen()),
      wholeEstate: z.optional(z.boolean()),
      payments: z.array(payment).check(z.maxLength(1000)),
      jointLiability: z.optional(
        z.strictObject({ groupId: text(64, 'joint liability group'), coObligorsPaidFen: fen() }),
      ),
      instalments: z.optional(
        z.strictObject({
          agreed: z.literal(true, { error: 'must be true when instalments are given' }),
          overdue: z.boolean(),
          nextDueOn: z.optional(calendarDate),
        }),
      ),
      fineExempted: z.optional(z.strictObject({ rulingRef: text(128, 'ruling reference'), on: calendarDate })),
      escrow: z.optional(z.strictObject({ ref: text(128, 'escrow reference'), amountFen: fen(), on: calendarDate })),
      victimWaiver: z.optional(z.strictObject({ ref: text(128, 'waiver reference'), on: calendarDate })),
      assetSearch: z.optional(
        z.strictObject({
          completedOn: calendarDate,
          executableAssetsFound: z.boolean(),
          foundFen: z.optional(fen()),
        }),
      ),
      conduct: z.array(conduct).check(z.maxLength(100)),
      documents: z
        .array(
          z.strictObject({
            type: z.enum(DOCUMENT_TYPES),
            ref: text(128, 'document reference'),
            issuedOn: calendarDate,
          }),
        )
        .check(z.maxLength(200)),
      asOf: instant,
      version: positiveInt('status version'),
      inReplyTo: z.optional(text(128, 'verification request id')),
    })
    .check(
      z.superRefine((body, ctx) => {
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
      }),
    );
});

export type EnforcementStatus = z.infer<typeof enforcementStatusBody>;
export type Conduct = EnforcementStatus['conduct'][number];
