// linkage.reduction-dossier.v1: a prison's commutation or parole proposal.
import * as z from 'zod';
import { propertyKind } from './enforcement-status.ts';
import { calendarDate, fen, instant, institutionId, personId, positiveInt, text } from './primitives.ts';

export const OFFENCE_CATEGORIES = ['OTHER', 'JOB_RELATED', 'FINANCIAL', 'MAFIA', 'CORRUPTION_FORMER_OFFICIAL'] as const;

const dossierItem = z.strictObject({
  itemNo: positiveInt('item number'),
  kind: propertyKind,
  dueFen: fen().nullable(),
});

const judgment = z
  .strictObject({
    judgmentId: text(128, 'judgment case number'),
    enforcingCourtId: institutionId,
    // An empty list is a judgment without property items (Art 1): nothing to review.
    items: z.array(dossierItem).max(100),
  })
  .superRefine((j, ctx) => {
    const seen = new Set<number>();
    j.items.forEach((item, index) => {
      if (seen.has(item.itemNo)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'itemNo'],
          message: `item ${item.itemNo} appears twice`,
        });
      }
      seen.add(item.itemNo);
      if (item.dueFen === null && item.kind !== 'CONFISCATION') {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'dueFen'],
          message: 'may be null only for confiscation of all property',
        });
      }
    });
  });

export const reductionDossierBody = z
  .strictObject({
    applicationId: text(128, 'application id'),
    kind: z.enum(['COMMUTATION', 'PAROLE']),
    basis: z.enum(['ORDINARY', 'MERITORIOUS', 'MAJOR_MERITORIOUS']),
    hearingCourtId: institutionId,
    prisoner: z.strictObject({
      prisonerNo: text(64, 'prisoner number'),
      name: text(100, 'name'),
      personId,
    }),
    offenceCategory: z.enum(OFFENCE_CATEGORIES),
    returnedGainsActively: z.boolean().optional(),
    judgments: z.array(judgment).min(1, { error: 'must list at least one judgment' }).max(50),
    finances: z
      .strictObject({
        accountBalanceFen: fen(),
        monthlySpendFen: z
          .array(fen())
          .min(1, { error: 'must hold 1 to 24 months, oldest first' })
          .max(24, { error: 'must hold 1 to 24 months, oldest first' }),
        quotaMonthlyFen: fen(),
        specialSpendingReason: text(2000, 'special spending reason').optional(),
        spendingViaOthers: z.boolean(),
      })
      .nullable(),
    assetDeclaration: z
      .strictObject({ filedOn: calendarDate, declaredAssetsFen: fen(), refusedOrFalse: z.boolean() })
      .nullable(),
    adverseConsequenceNoticeOn: calendarDate.nullable(),
    thirdPartyAssetStatement: z.strictObject({ ref: text(128, 'statement reference'), on: calendarDate }).nullable(),
    submittedAt: instant,
    version: positiveInt('dossier version'),
  })
  .superRefine((body, ctx) => {
    if (body.offenceCategory !== 'OTHER' && body.returnedGainsActively === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['returnedGainsActively'],
        message: `is required when offenceCategory is ${body.offenceCategory}`,
      });
    }
    const seen = new Set<string>();
    body.judgments.forEach((j, index) => {
      if (seen.has(j.judgmentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['judgments', index, 'judgmentId'],
          message: `judgment ${j.judgmentId} appears twice`,
        });
      }
      seen.add(j.judgmentId);
    });
  });

export type ReductionDossier = z.infer<typeof reductionDossierBody>;
