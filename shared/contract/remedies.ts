// Contract v1.1 point 12: what would change the decision. One remedy answers one reason that
// is not CLEAR; this table says which action and which party answer each reason, and which
// fields the remedy must carry. The engine builds remedies from it and the flag schema checks
// them against it, so the two cannot drift apart.
import * as z from 'zod/mini';
import { MATERIALS } from './materials.ts';
import { calendarDate, fen } from './primitives.ts';
import { REASON_CODES, type ReasonCode } from './reason-codes.ts';

export const REMEDY_ACTIONS = [
  'PAY',
  'CEASE_CONDUCT',
  'WAIT',
  'SUPPLY_MATERIALS',
  'SEND_STATUS',
  'COMPLETE_ASSET_SEARCH',
  'RECONCILE_ITEMS',
  'JUDGE',
] as const;
export type RemedyAction = (typeof REMEDY_ACTIONS)[number];

export const REMEDY_PARTIES = ['PRISONER', 'PRISON', 'ENFORCING_COURT', 'HEARING_COURT'] as const;
export type RemedyParty = (typeof REMEDY_PARTIES)[number];

interface RemedyRule {
  readonly action: RemedyAction;
  /** Who acts; SUPPLY_MATERIALS may also fall to the enforcing court (point 12). */
  readonly parties: readonly RemedyParty[];
}

const pay: RemedyRule = { action: 'PAY', parties: ['PRISONER'] };
const judge: RemedyRule = { action: 'JUDGE', parties: ['HEARING_COURT'] };
const sendStatus: RemedyRule = { action: 'SEND_STATUS', parties: ['ENFORCING_COURT'] };
const supply: RemedyRule = { action: 'SUPPLY_MATERIALS', parties: ['PRISON', 'ENFORCING_COURT'] };

/** The reasons that can be answered, and how (point 12's table). CLEAR-only codes have none. */
export const REMEDY_RULES: Partial<Record<ReasonCode, RemedyRule>> = {
  'PP-ABLE-UNPAID': pay,
  'PP-REFUSE-6.2': pay,
  'PP-CORR-2019': pay,
  'PP-CAT-12': pay,
  'PP-POST-ENFORCE': pay,
  'PP-REFUSE-6.1': { action: 'CEASE_CONDUCT', parties: ['PRISONER'] },
  'PP-COOLOFF-6M': { action: 'WAIT', parties: ['PRISONER'] },
  'PP-MAT-PENDING': supply,
  'PP-MAT-MISSING': supply,
  'PP-STATUS-MISSING': sendStatus,
  'PP-STATUS-STALE': sendStatus,
  'PP-COURT-OVERDUE': sendStatus,
  'PP-ABLE-CHECK': { action: 'COMPLETE_ASSET_SEARCH', parties: ['ENFORCING_COURT'] },
  'PP-ITEMS-MISMATCH': { action: 'RECONCILE_ITEMS', parties: ['PRISON'] },
  'PP-SPEND-NEAR': judge,
  'PP-AMBIG-6.3': judge,
  'PP-TEMPORAL': judge,
  'PP-MAJOR-MERIT': judge,
  'PP-REVOKE': judge,
};

/** Fields each action must carry (point 12, last column). */
const REQUIRED_FIELDS: Record<RemedyAction, readonly ('amountFen' | 'items' | 'materials')[]> = {
  PAY: ['amountFen', 'items'],
  CEASE_CONDUCT: [],
  WAIT: [],
  SUPPLY_MATERIALS: ['materials'],
  SEND_STATUS: ['items'],
  COMPLETE_ASSET_SEARCH: ['items'],
  RECONCILE_ITEMS: ['items'],
  JUDGE: [],
};

/** A remedy's schema, built on first use (messages.ts says why). */
export const remedy = z.lazy(() =>
  z
    .strictObject({
      code: z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]),
      action: z.enum(REMEDY_ACTIONS),
      party: z.enum(REMEDY_PARTIES),
      amountFen: z.optional(fen()),
      items: z.optional(z.array(z.string())),
      materials: z.optional(z.array(z.enum(MATERIALS)).check(z.minLength(1))),
      until: z.optional(calendarDate),
      detail: z.string().check(z.minLength(1, { error: 'must be a sentence for a person' })),
    })
    .check((ctx) => {
      const value = ctx.value;
      const rule = REMEDY_RULES[value.code];
      if (!rule) {
        ctx.issues.push({
          code: 'custom',
          path: ['code'],
          message: `${value.code} is never a remedy's reason: it is a CLEAR outcome`,
          input: value.code,
        });
        return;
      }
      if (value.action !== rule.action) {
        ctx.issues.push({
          code: 'custom',
          path: ['action'],
          message: `must be ${rule.action} for ${value.code}`,
          input: value.action,
        });
      }
      if (!rule.parties.includes(value.party)) {
        ctx.issues.push({
          code: 'custom',
          path: ['party'],
          message: `must be ${rule.parties.join(' or ')} for ${value.code}`,
          input: value.party,
        });
      }
      for (const field of REQUIRED_FIELDS[value.action]) {
        if (value[field] === undefined) {
          ctx.issues.push({
            code: 'custom',
            path: [field],
            message: `is required for a ${value.action} remedy`,
            input: undefined,
          });
        }
      }
    }),
);

export type Remedy = z.infer<typeof remedy>;
