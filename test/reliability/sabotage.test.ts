// Each headline figure of the summary line must be able to turn non-zero. Here a defect is
// planted for each, the way a bug would be, and the same checks the suite runs must count it:
//   lost        every write of one status item "succeeds" without writing, and one prison never
//               gets one application's flags although the sends "succeed";
//   mismatches  the evaluate function does not see one prisoner's statuses (its reads drop them),
//               so its flags differ from the engine's on the workload's final facts, while
//               everything sent is stored (nothing is lost);
//   crashes     the quarantine write fails for the first hostile texts (they fail their record);
//   spoofs      the authenticator trusts the envelope: a message is taken as coming from the
//               institution it names, not from the owner of the queue it arrived on.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { fingerprintOf } from '../../shared/pipeline/evaluation/fingerprint.ts';
import { dynamoClient, sqsClient } from '../../shared/pipeline/runtime.ts';
import { inboundQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { findInstitution, isSender } from '../../shared/resources/registry.ts';
import { evaluate } from '../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../shared/rules/policy.ts';
import { statusKey } from '../../shared/storage/keys.ts';
import { REGISTRY } from '../../local/registry.ts';
import { hostileInput } from '../builders/hostile.ts';
import { faultRegistry } from './faults/injector.ts';
import { recordFigures } from './support/figures.ts';
import { hostileRun } from './support/hostile-run.ts';
import { checkFaultRun } from './support/invariants.ts';
import { Oracle } from './support/oracle.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings } from './support/settings.ts';
import { spoofRun, spoofs } from './support/spoof-run.ts';
import { buildFaultWorkload } from './support/workload.ts';

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
interface Stack {
  add(mw: (next: Next, context: { commandName?: string }) => Next, options: Record<string, unknown>): void;
  remove(name: string): boolean;
}
const dynamoStack = dynamoClient.middlewareStack as unknown as Stack;
const sqsStack = sqsClient.middlewareStack as unknown as Stack;
const SABOTAGE = { step: 'initialize', priority: 'low', name: 'reliabilitySabotage' } as const;

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('sabotage');
let service: ReliabilityService | undefined;

// One service for the file: the handler modules keep the clients of the first service they meet.
beforeAll(async () => {
  service = await ReliabilityService.start({ logLevel: 'SILENT' });
});

afterEach(() => {
  dynamoStack.remove('reliabilitySabotage');
  sqsStack.remove('reliabilitySabotage');
  faultRegistry().planted = undefined;
});

afterAll(async () => {
  await service?.stop();
});

/** A marshalled or plain attribute's string. */
const str = (value: unknown) => (typeof value === 'string' ? value : (value as { S?: string } | undefined)?.S);

describe('the checks count planted defects', () => {
  it('a lossy pipeline raises lost; a pipeline that misreads facts raises pipeline vs engine mismatches', async () => {
    const workload = buildFaultWorkload(30, 0, random.fork('workload'), serviceInstant(Date.now()).slice(0, 10));
    const now = serviceInstant(Date.now());
    const victim = workload.cases.find((c) => c.statuses.length > 0)!.statuses.at(-1)!;
    const lostItem = statusKey(victim.body.personId, victim.body.judgmentId, victim.body.itemNo);
    const unlucky =
      workload.cases.find(
        (c) => c.rulings.length === 0 && c.prisonId === 'FJ-P02' && c.personId !== victim.body.personId,
      ) ?? workload.cases[0]!;
    const unluckyQueue = (stage: string) => outboundQueue(stage, unlucky.prisonId).name;
    // A prisoner whose decision depends on the statuses: without them the engine decides otherwise.
    const oracle = new Oracle(workload.cases, new Map());
    const misread = workload.cases.find(
      (c) =>
        c.personId !== victim.body.personId &&
        c.personId !== unlucky.personId &&
        c.statuses.length > 0 &&
        fingerprintOf(oracle.decide(c, now, true).flag) !==
          fingerprintOf(evaluate({ ...oracle.facts(c, true), statuses: [] }, DEFAULT_POLICY, now).flag),
    )!;
    expect(misread, 'the workload has a prisoner whose statuses matter').toBeDefined();

    const svc = service!;
    dynamoStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        // Marshalled or not, the item's key is in the request as these two strings.
        const text = JSON.stringify(args.input.Item ?? null);
        if (
          /^Put/.test(command) &&
          text.includes(JSON.stringify(lostItem.pk)) &&
          text.includes(JSON.stringify(lostItem.sk))
        )
          return { output: { $metadata: {} } };
        const result = await next(args);
        if (/^Query/.test(command) && Array.isArray(result.output.Items)) {
          const items = result.output.Items as Record<string, unknown>[];
          result.output.Items = items.filter(
            (item) => !(str(item.pk) === `P#${misread.personId}` && str(item.sk)?.startsWith('S#')),
          );
        }
        return result;
      },
      SABOTAGE,
    );
    sqsStack.add(
      (next, context) => async (args) => {
        const body = String(args.input.MessageBody ?? '');
        if (
          context.commandName === 'SendMessageCommand' &&
          String(args.input.QueueUrl).endsWith(`/${unluckyQueue(svc.stage)}`) &&
          body.includes(`"applicationId":"${unlucky.applicationId}"`) &&
          body.includes('fulfilment-flag')
        ) {
          const md5 = createHash('md5').update(body).digest('hex');
          return { output: { $metadata: {}, MessageId: 'sabotaged', MD5OfMessageBody: md5 } };
        }
        return next(args);
      },
      SABOTAGE,
    );

    await svc.sendAll(workload.sends);
    await svc.settle(300_000);
    await svc.sendAll(workload.rulingSends);
    await svc.settle(300_000);
    const report = checkFaultRun(workload, { ...(await svc.finalState()), now: serviceInstant(Date.now()) }, REGISTRY);
    const mismatched = report.violations.get('pipeline vs engine') ?? [];
    recordFigures(
      'sabotage-pipeline',
      {},
      [
        `planted: a status write that writes nothing, a prison's flags of one application never sent, one prisoner's statuses unseen by evaluate; counted: lost ${report.lost}, pipeline vs engine mismatches ${report.engineMismatches}; broken: ${[...report.violations.keys()].join('; ')}`,
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
    expect(report.engineMismatches).toBeGreaterThanOrEqual(1);
    expect(mismatched.some((v) => v.startsWith(`${misread.applicationId}:`))).toBe(true);
    // The misread prisoner lost nothing: what was sent is stored, only the decision is wrong.
    const lostLines = [...report.violations].filter(([name]) => name.startsWith('stored')).flatMap(([, v]) => v);
    expect(lostLines.some((line) => line.includes(misread.applicationId))).toBe(false);
  });

  it('a handler that fails on hostile input raises crashes', async () => {
    let failing = 3;
    dynamoStack.add(
      (next, context) => async (args) => {
        if (
          /^Put/.test(context.commandName ?? '') &&
          String(args.input.TableName).endsWith('-quarantine') &&
          failing > 0
        ) {
          failing -= 1;
          throw Object.assign(new Error('planted bug: quarantine write failed'), { name: 'PlantedBugError' });
        }
        return next(args);
      },
      SABOTAGE,
    );
    const inputs = fc.sample(hostileInput, { numRuns: 30, seed: random.int(0, 2 ** 31 - 1) });
    const run = await hostileRun(service!, inputs, random.fork('hostile'), 120_000);
    recordFigures(
      'sabotage-crashes',
      {},
      [`planted: 3 failing quarantine writes; counted: crashes ${run.crashes} (${run.failedRecords} failed records)`],
      0,
    );
    expect(run.crashes).toBeGreaterThan(0);
    expect(run.failedRecords).toBeGreaterThanOrEqual(1);
  });

  it('an authenticator that trusts the envelope lets spoofs through', async () => {
    const stage = service!.stage;
    // The defect: each record is handled as if it came from the queue of the sender it names.
    faultRegistry().planted = (_functionName, event) => {
      const records = (event as { Records?: { body: string; eventSourceARN: string }[] }).Records;
      if (!records) return event;
      return {
        Records: records.map((r) => {
          try {
            const claimed = (JSON.parse(r.body) as { sender?: { id?: string } }).sender?.id ?? '';
            const institution = findInstitution(REGISTRY, claimed);
            if (!institution || !isSender(institution)) return r;
            const arn = r.eventSourceARN.split(':');
            arn[arn.length - 1] = inboundQueue(stage, claimed).name;
            return { ...r, eventSourceARN: arn.join(':') };
          } catch {
            return r;
          }
        }),
      };
    };
    const sent = spoofs(40, random.fork('spoofs'));
    const run = await spoofRun(service!, sent, 120_000);
    recordFigures(
      'sabotage-spoofs',
      {},
      [
        `planted: an authenticator that trusts sender.id; counted: spoofs rejected ${run.spoofsRejected}/${sent.length} (${run.rejected} rejections naming the sender, tables changed: ${run.changed.length > 0})`,
      ],
      0,
    );
    expect(run.spoofsRejected).toBeLessThan(sent.length);
    expect(run.problems.length).toBeGreaterThan(0);
  });
});
