// The deadline sweep owns no clock of the rules: it fires at the engine's nextChangeAt.
// The evaluation and the sweep run here on the embedded engines (dynalite, fauxqs); what is
// enqueued is read back from the evaluate queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../../shared/pipeline/environment.ts';
import { REGISTRY } from '../../../shared/pipeline/registry.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { putDossier } from '../../../shared/storage/application-store.ts';
import { putStatus } from '../../../shared/storage/status-store.ts';
import { epochMs } from '../../../shared/time/calendar.ts';
import { dossier, NOW, PERSON_ID, status } from '../../../generators/case.ts';
import { TEST_ENVIRONMENT, useFunctionEnvironment } from '../../support/function-environment.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';

useFunctionEnvironment();
// Imported after the environment is set: Powertools reads it when the modules load.
let evaluatePrisoner: typeof import('../../../shared/pipeline/evaluation/evaluate-prisoner.ts').evaluatePrisoner;
let sweepDeadlines: typeof import('../../../shared/pipeline/sweep.ts').sweepDeadlines;
let aws: TestAws;
let sqs: typeof import('../../../shared/pipeline/runtime.ts').sqsClient;

beforeAll(async () => {
  ({ evaluatePrisoner } = await import('../../../shared/pipeline/evaluation/evaluate-prisoner.ts'));
  ({ sweepDeadlines } = await import('../../../shared/pipeline/sweep.ts'));
  aws = await startTestAws();
  ({ sqsClient: sqs } = await import('../../../shared/pipeline/runtime.ts'));
}, 30_000);
afterAll(async () => {
  await aws.stop();
});

const deps = (now: string) => ({
  db: aws.db,
  sqs,
  env: readEnvironment(['cases', 'decisions', 'access', 'assessment'] as const, {
    ...TEST_ENVIRONMENT,
    ...process.env,
  }),
  registry: REGISTRY,
  clock: () => now,
});

async function enqueued(): Promise<unknown[]> {
  return (await aws.received('linkage-test-evaluate.fifo')).map((m) => m.body);
}

describe('the deadline sweep', () => {
  it('queues the application exactly at the nextChangeAt the engine put on its flag', async () => {
    // Materials missing: PENDING through the 28th, MISSING from the 29th (point 16).
    const proposal = dossier({ finances: null });
    const fresh = status();
    const cases = readEnvironment(['cases'] as const, TEST_ENVIRONMENT).tables.cases;
    await putDossier(aws.db, cases, proposal, NOW);
    await putStatus(aws.db, cases, fresh, NOW);

    const expected = evaluate(
      {
        dossier: proposal.body,
        firstSubmittedAt: proposal.body.submittedAt,
        statuses: [{ body: fresh.body, senderId: 'FJ-LY-XL', sentAt: fresh.sentAt }],
        rulings: [],
        requests: [],
      },
      DEFAULT_POLICY,
      NOW,
    ).flag.nextChangeAt!;
    expect(expected).toBe('2026-11-29T00:00:00+08:00');

    const [result] = await evaluatePrisoner(deps(NOW), { personId: PERSON_ID, trigger: 'test' });
    expect(result).toMatchObject({ decision: 'FLAG', revision: 1 });

    // A second before the engine's instant nothing is due; at it, the application is queued.
    expect(await sweepDeadlines(deps(NOW), epochMs(expected) - 1_000)).toEqual({ due: 0 });
    expect(await enqueued()).toEqual([]);
    expect(await sweepDeadlines(deps(NOW), epochMs(expected))).toEqual({ due: 1 });
    expect(await enqueued()).toEqual([
      {
        personId: PERSON_ID,
        applicationIds: [proposal.body.applicationId],
        trigger: `deadline:${new Date(epochMs(expected)).toISOString()}`,
      },
    ]);

    // Re-evaluated then, the flag has changed (PP-MAT-MISSING) and the next check moves on.
    const [later] = await evaluatePrisoner(deps(expected), { personId: PERSON_ID, trigger: 'deadline' });
    expect(later).toMatchObject({ decision: 'BLOCK', revision: 2, newRevision: true });
    expect(await sweepDeadlines(deps(expected), epochMs(expected))).toEqual({ due: 0 });
    expect(await enqueued()).toEqual([]);
  });
});
