// The deadline sweep owns no clock of the rules: it fires at the engine's nextChangeAt.
// The evaluation and the sweep run here against a real DynamoDB engine (dynalite); only the
// outbound queues are stubbed, to see what is enqueued.
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../../shared/pipeline/environment.ts';
import { REGISTRY } from '../../../shared/pipeline/registry.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { putDossier } from '../../../shared/storage/application-store.ts';
import { putStatus } from '../../../shared/storage/status-store.ts';
import { epochMs } from '../../../shared/time/calendar.ts';
import { dossier, NOW, PERSON_ID, status } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { TEST_ENVIRONMENT, useFunctionEnvironment } from '../../support/function-environment.ts';

useFunctionEnvironment();
// Imported after the environment is set: Powertools reads it when the modules load.
let evaluatePrisoner: typeof import('../../../shared/pipeline/evaluation/evaluate-prisoner.ts').evaluatePrisoner;
let sweepDeadlines: typeof import('../../../shared/pipeline/sweep.ts').sweepDeadlines;
let dynamo: LocalDynamo;
const sqs = new SQSClient({ region: 'us-east-1' });
const queues = mockClient(sqs);

beforeAll(async () => {
  ({ evaluatePrisoner } = await import('../../../shared/pipeline/evaluation/evaluate-prisoner.ts'));
  ({ sweepDeadlines } = await import('../../../shared/pipeline/sweep.ts'));
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

const deps = (now: string) => ({
  db: dynamo.db,
  sqs,
  env: readEnvironment(['cases', 'decisions', 'access'] as const, TEST_ENVIRONMENT),
  registry: REGISTRY,
  clock: () => now,
});

function enqueued(): unknown[] {
  return queues
    .commandCalls(SendMessageBatchCommand)
    .flatMap((c) => c.args[0].input.Entries ?? [])
    .map((e) => JSON.parse(e.MessageBody!));
}

describe('the deadline sweep', () => {
  it('queues the application exactly at the nextChangeAt the engine put on its flag', async () => {
    queues.reset();
    queues.on(SendMessageCommand).resolves({ MessageId: 'm' });
    queues.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    // Materials missing: PENDING through the 28th, MISSING from the 29th (point 16).
    const proposal = dossier({ finances: null });
    const fresh = status();
    const cases = readEnvironment(['cases'] as const, TEST_ENVIRONMENT).tables.cases;
    await putDossier(dynamo.db, cases, proposal, NOW);
    await putStatus(dynamo.db, cases, fresh, NOW);

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
    expect(enqueued()).toEqual([]);
    expect(await sweepDeadlines(deps(NOW), epochMs(expected))).toEqual({ due: 1 });
    expect(enqueued()).toEqual([
      {
        personId: PERSON_ID,
        applicationIds: [proposal.body.applicationId],
        trigger: `deadline:${new Date(epochMs(expected)).toISOString()}`,
      },
    ]);

    // Re-evaluated then, the flag has changed (PP-MAT-MISSING) and the next check moves on.
    const [later] = await evaluatePrisoner(deps(expected), { personId: PERSON_ID, trigger: 'deadline' });
    expect(later).toMatchObject({ decision: 'BLOCK', revision: 2, newRevision: true });
    queues.resetHistory();
    expect(await sweepDeadlines(deps(expected), epochMs(expected))).toEqual({ due: 0 });
  });
});
