// The fault run's invariants must be able to fail. Here the handlers' clients are sabotaged
// so the pipeline silently loses things, the way a bug would: every write of one status item
// "succeeds" without writing, and one prison never gets one application's flags although the
// sends "succeed". The checker must count the losses and name the invariants they break.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { dynamoClient, sqsClient } from '../../shared/pipeline/runtime.ts';
import { outboundQueue } from '../../shared/resources/queues.ts';
import { statusKey } from '../../shared/storage/keys.ts';
import { REGISTRY } from '../../local/registry.ts';
import { recordFigures } from './support/figures.ts';
import { checkFaultRun } from './support/invariants.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings } from './support/settings.ts';
import { buildFaultWorkload, type FaultWorkload } from './support/workload.ts';

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
interface Stack {
  add(mw: (next: Next, context: { commandName?: string }) => Next, options: Record<string, unknown>): void;
  remove(name: string): boolean;
}

const settings = reliabilitySettings();
let service: ReliabilityService | undefined;
let workload: FaultWorkload;

beforeAll(async () => {
  workload = buildFaultWorkload(
    30,
    0,
    new Random(settings.seed).fork('checker'),
    serviceInstant(Date.now()).slice(0, 10),
  );
  service = await ReliabilityService.start({ logLevel: 'SILENT' });
});

afterAll(async () => {
  (dynamoClient.middlewareStack as unknown as Stack).remove('reliabilitySabotage');
  (sqsClient.middlewareStack as unknown as Stack).remove('reliabilitySabotage');
  await service?.stop();
});

describe('the fault-run checker', () => {
  it('counts what a lossy pipeline loses', async () => {
    const svc = service!;
    const victim = workload.cases.find((c) => c.statuses.length > 0)!.statuses.at(-1)!;
    const lostItem = statusKey(victim.body.personId, victim.body.judgmentId, victim.body.itemNo);
    const unlucky = workload.cases.find((c) => c.rulings.length === 0 && c.prisonId === 'FJ-P02') ?? workload.cases[0]!;
    const unluckyQueue = outboundQueue(svc.stage, unlucky.prisonId).name;

    (dynamoClient.middlewareStack as unknown as Stack).add(
      (next, context) => async (args) => {
        // Marshalled or not, the item's key is in the request as these two strings.
        const text = JSON.stringify(args.input.Item ?? null);
        if (
          /^Put/.test(context.commandName ?? '') &&
          text.includes(JSON.stringify(lostItem.pk)) &&
          text.includes(JSON.stringify(lostItem.sk))
        )
          return { output: { $metadata: {} } };
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'reliabilitySabotage' },
    );
    (sqsClient.middlewareStack as unknown as Stack).add(
      (next, context) => async (args) => {
        const body = String(args.input.MessageBody ?? '');
        if (
          context.commandName === 'SendMessageCommand' &&
          String(args.input.QueueUrl).endsWith(`/${unluckyQueue}`) &&
          body.includes(`"applicationId":"${unlucky.applicationId}"`) &&
          body.includes('fulfilment-flag')
        ) {
          return {
            output: {
              $metadata: {},
              MessageId: 'sabotaged',
              MD5OfMessageBody: createHash('md5').update(body).digest('hex'),
            },
          };
        }
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'reliabilitySabotage' },
    );

    await svc.sendAll(workload.sends);
    await svc.settle(300_000);
    const report = checkFaultRun(
      workload,
      {
        ...(await svc.finalState()),
        now: serviceInstant(Date.now()),
      },
      REGISTRY,
    );
    recordFigures(
      'checker',
      {},
      [
        `a sabotaged pipeline: lost ${report.lost}, wrong final decisions ${report.wrongFinalDecisions}, broken: ${[...report.violations.keys()].join('; ')}`,
      ],
      0,
    );

    expect(report.lost).toBeGreaterThanOrEqual(2);
    expect([...report.violations.keys()]).toEqual(
      expect.arrayContaining(['stored: status version', 'revisions: missing at a recipient']),
    );
    expect(
      report.violations
        .get('revisions: missing at a recipient')!
        .every((v) => v.startsWith(`${unlucky.prisonId} lacks ${unlucky.applicationId}`)),
    ).toBe(true);
  });
});
