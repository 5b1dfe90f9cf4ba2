// Offence categories (rules R19, R20; contract semantics 7): Art 12 offenders who did not
// actively return gains, and former officials convicted of corruption (SPC-2019 Art 1).
import type { Ability } from '../contract/fulfilment-flag.ts';
import type { EvaluationContext } from './context.ts';
import { finding, type Finding } from './finding.ts';

const CATEGORY_WORDS = {
  JOB_RELATED: 'a job-related offence',
  FINANCIAL: 'an offence against financial order',
  MAFIA: 'a mafia-type organisation offence',
  CORRUPTION_FORMER_OFFICIAL: 'corruption by a former official',
} as const;

export function offenceCategory(ctx: EvaluationContext, ability: Ability): Finding[] {
  const { offenceCategory: category, returnedGainsActively } = ctx.facts.dossier;
  if (category === 'OTHER') return [];
  const findings: Finding[] = [];
  if (returnedGainsActively === false) {
    findings.push(
      finding(
        'PP-CAT-12',
        `Convicted of ${CATEGORY_WORDS[category]} and did not actively return the gains or compensate the losses.`,
      ),
    );
  }
  if (category === 'CORRUPTION_FORMER_OFFICIAL' && ability === 'ABLE') {
    findings.push(
      finding('PP-CORR-2019', 'Former official convicted of corruption who is able to pay and has not paid in full.'),
    );
  }
  return findings;
}
