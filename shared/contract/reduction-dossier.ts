// linkage.reduction-dossier.v1: a prison's commutation or parole proposal.
import * as z from 'zod/mini';
import { propertyKind } from './enforcement-status.ts';
import { calendarDate, fen, instant, institutionId, personId, positiveInt, text } from './primitives.ts';

export const OFFENCE_CATEGORIES = ['OTHER', 'JOB_RELATED', 'FINANCIAL', 'MAFIA', 'CORRUPTION_FORMER_OFFICIAL'] as const;

export const applicationKind = z.enum(['COMMUTATION', 'PAROLE']);
export const applicationBasis = z.enum(['ORDINARY', 'MERITORIOUS', 'MAJOR_MERITORIOUS']);

/** The body's schema, built on first use (messages.ts says why). */
export const reductionDossierBody = z.lazy(() => {
  const dossierItem = z.strictObject({
    itemNo: positiveInt('item number'),
    kind: propertyKind,
    dueFen: z.nullable(fen()),
  });

  const judgment = z
    .strictObject({
      judgmentId: text(128, 'judgment case number'),
      enforcingCourtId: institutionId,
      // An empty list is a judgment without property items (Art 1): nothing to review.
      items: z.array(dossierItem).check(z.maxLength(100)),
    })
    .check(
      z.superRefine((j, ctx) => {
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
      }),
    );
  return z
    .strictObject({
      applicationId: text(128, 'application id'),
      kind: applicationKind,
      basis: applicationBasis,
      hearingCourtId: institutionId,
      prisoner: z.strictObject({
        prisonerNo: text(64, 'prisoner number'),
        name: text(100, 'name'),
        personId,
      }),
      offenceCategory: z.enum(OFFENCE_CATEGORIES),
      returnedGainsActively: z.optional(z.boolean()),
      judgments: z.array(judgment).check(z.minLength(1, { error: 'must list at least one judgment' }), z.maxLength(50)),
      finances: z.nullable(
        z.strictObject({
          accountBalanceFen: fen(),
          monthlySpendFen: z
            .array(fen())
            .check(
              z.minLength(1, { error: 'must hold 1 to 24 months, oldest first' }),
              z.maxLength(24, { error: 'must hold 1 to 24 months, oldest first' }),
            ),
          quotaMonthlyFen: fen(),
          specialSpendingReason: z.optional(text(2000, 'special spending reason')),
          spendingViaOthers: z.boolean(),
        }),
      ),
      assetDeclaration: z.nullable(
        z.strictObject({ filedOn: calendarDate, declaredAssetsFen: fen(), refusedOrFalse: z.boolean() }),
      ),
      adverseConsequenceNoticeOn: z.nullable(calendarDate),
      thirdPartyAssetStatement: z.nullable(z.strictObject({ ref: text(128, 'statement reference'), on: calendarDate })),
      submittedAt: instant,
      version: positiveInt('dossier version'),
    })
    .check(
      z.superRefine((body, ctx) => {
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
      }),
    );
});

export type ReductionDossier = z.infer<typeof reductionDossierBody>;
