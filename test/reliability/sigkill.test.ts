// A real crash: the local service runs in a child process (support/service-process.ts) and is
// killed with SIGKILL while a handler is in the middle of a batch, with messages on the queues
// and others received but unfinished; then the service starts again from the same data folder
// and ports (in this process) and must finish the work: the fault run's invariants hold.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { endpointsOf } from '../../local/environment.ts';
import { destroyClients, localClients } from '../../local/clients.ts';
import { REGISTRY } from '../../local/registry.ts';
import { recordFigures } from './support/figures.ts';
import { checkFaultRun } from './support/invariants.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { buildFaultWorkload, type Send } from './support/workload.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('sigkill');
const SERVICE_PROCESS = new URL('./support/service-process.ts', import.meta.url).pathname;
/** Kill during the invocation that begins after this many have begun. */
const KILL_AT_BEGIN = 5;

let child: ChildProcess | undefined;
let service: ReliabilityService | undefined;

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await service?.stop();
});

interface Event {
  readonly ready?: { dynamodbPort: number; sqsPort: number };
  readonly begin?: string;
  readonly end?: string;
  readonly records?: number;
}

describe('SIGKILL of the process running the local service', () => {
  it(
    'mid-batch, then a restart from its data folder: nothing lost, the engine decides',
    async () => {
      const started = Date.now();
      const workload = buildFaultWorkload(
        scaled(60),
        0,
        random.fork('workload'),
        serviceInstant(Date.now()).slice(0, 10),
      );
      const dataDir = mkdtempSync(join(tmpdir(), 'linkage-sigkill-'));
      child = spawn(process.execPath, [SERVICE_PROCESS, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const events: Event[] = [];
      const waiters: { test: (e: Event) => boolean; resolve: (e: Event) => void }[] = [];
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let event: Event;
        try {
          event = JSON.parse(line) as Event;
        } catch {
          return;
        }
        events.push(event);
        for (const w of waiters.filter((w) => w.test(event))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      });
      const next = (test: (e: Event) => boolean, timeoutMs: number) =>
        new Promise<Event>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`no such event from the service process in ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
        });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child!.on('exit', (_code, signal) => resolve(signal)),
      );

      const { ready } = await next((e) => e.ready !== undefined, 120_000);
      const ports = ready!;
      const endpoints = endpointsOf({
        dynamodbEndpoint: `http://127.0.0.1:${ports.dynamodbPort}`,
        sqsEndpoint: `http://127.0.0.1:${ports.sqsPort}`,
        queueUrlBase: `http://127.0.0.1:${ports.sqsPort}/000000000000`,
        dynamodbPort: ports.dynamodbPort,
        sqsPort: ports.sqsPort,
        stop: async () => undefined,
      });
      const clients = localClients(endpoints);
      await sendInBatches(clients.sqs, endpoints.queueUrlBase, endpoints.stage, workload.sends);

      // Mid-batch: an invocation with records has begun and not ended.
      let begun = 0;
      await next((e) => e.begin !== undefined && (e.records ?? 0) > 0 && ++begun >= KILL_AT_BEGIN, 300_000);
      child.kill('SIGKILL');
      const signal = await exited;
      destroyClients(clients);
      const inFlight = events.filter((e) => e.begin).length - events.filter((e) => e.end).length;

      // Restart from the data folder, on the same ports; what the dead process held comes back.
      service = await ReliabilityService.start({ logLevel: 'SILENT', dataDir, ...ports });
      await service.settle(scaled(600_000));
      await service.sendAll(workload.rulingSends);
      await service.settle(scaled(300_000));
      await service.current.runner.sweep();
      await service.settle(120_000);
      const report = checkFaultRun(
        workload,
        { ...(await service.finalState()), now: serviceInstant(Date.now()) },
        REGISTRY,
      );
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'sigkill',
        {
          faultsReachedHandlers: 1,
          messages: workload.sends.length + workload.rulingSends.length,
          lost: report.lost,
          engineMismatches: report.engineMismatches,
        },
        [
          `${workload.cases.length} applications, ${workload.sends.length + workload.rulingSends.length} messages; the service process was killed (${signal}) during invocation ${begun} with ${inFlight} invocation(s) unfinished, ${events.filter((e) => e.end).length} finished; restarted from its data folder in ${seconds.toFixed(0)} s overall`,
          `after the restart: ${service.invocations.length} invocations, ${service.invocations.reduce((s, i) => s + i.failed, 0)} failed records; lost ${report.lost}, pipeline vs engine mismatches ${report.engineMismatches}`,
          ...[...report.violations].map(([name, d]) => `VIOLATED ${name} (${d.length}): ${d.slice(0, 5).join(' | ')}`),
        ],
        seconds,
      );

      expect(signal).toBe('SIGKILL');
      expect(inFlight, 'killed in the middle of a batch').toBeGreaterThan(0);
      expect(Object.fromEntries(report.violations)).toEqual({});
      expect(report.lost).toBe(0);
      expect(report.engineMismatches).toBe(0);
    },
    scaled(1_200_000),
  );
});

async function sendInBatches(
  sqs: ReturnType<typeof localClients>['sqs'],
  queueUrlBase: string,
  stage: string,
  sends: readonly Send[],
): Promise<void> {
  const byInstitution = new Map<string, string[]>();
  for (const s of sends) byInstitution.set(s.institutionId, [...(byInstitution.get(s.institutionId) ?? []), s.text]);
  for (const [institutionId, texts] of byInstitution) {
    for (let start = 0; start < texts.length; start += 10) {
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: `${queueUrlBase}/${inboundQueue(stage, institutionId).name}`,
          Entries: texts.slice(start, start + 10).map((text, i) => ({ Id: String(i), MessageBody: text })),
        }),
      );
      if ((result.Failed ?? []).length > 0) throw new Error(`SQS refused ${result.Failed!.length} workload messages`);
    }
  }
}
