// `npm run demo`: the whole service on a fresh, temporary data folder, driven through a
// realistic scenario (local/demo/scenario.ts). Prints who got what, with revisions, and
// exits 0 when every expectation holds, 1 otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { formatRemedies } from '../cli/remedy-format.ts';
import { table } from './console.ts';
import { checkRun, storyOutcomes, type Check } from './demo/checks.ts';
import { runScenario } from './demo/run-scenario.ts';
import { startLocalService, type LocalService } from './service.ts';
import type { Invocation } from './runner.ts';

const started = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'linkage-demo-'));
const failures: Invocation[] = [];
let service: LocalService | undefined;
let ok = false;
try {
  service = await startLocalService({
    dataDir,
    logLevel: process.env.LINKAGE_LOG_LEVEL ?? 'ERROR',
    runner: { sweepIntervalMs: null, onInvocation: (i) => void (i.error ? failures.push(i) : undefined) },
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `Property-penalty linkage demo: dynalite ${service.endpoints.dynamodbEndpoint}, fauxqs ${service.endpoints.sqsEndpoint}, data ${dataDir}\n`,
  );
  const run = await runScenario(service, out);

  out('\nWhat the hearing court (FJ-LY-ZY) received:');
  const rows = storyOutcomes(run).flatMap(({ story, flags }) =>
    (flags.length > 0 ? flags : [undefined]).map((flag, i) => [
      i === 0 ? story.applicationId : '',
      i === 0 ? story.prisoner.prisonerNo : '',
      i === 0 ? story.title : '',
      flag ? `r${flag.revision}` : '-',
      flag?.decision ?? 'nothing',
      flag ? flag.reasons.map((r) => r.code).join(' ') : '',
    ]),
  );
  for (const line of table(['application', 'prisoner no.', 'story', 'rev', 'decision', 'reasons'], rows)) out(line);

  const cooloff = storyOutcomes(run).find((o) => o.story.key === 'cooloff')!;
  out(`\nWhat ${cooloff.story.applicationId} was told on the way from BLOCK to CLEAR:`);
  for (const flag of cooloff.flags) {
    out(`  r${flag.revision} ${flag.decision}, evaluated ${flag.evaluatedAt}:`);
    for (const line of formatRemedies(flag)) out(`  ${line}`);
  }

  const checks: Check[] = [...checkRun(run, service.registry), await nothingFailed(service)];
  out('\nChecks:');
  for (const check of checks)
    out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}${check.detail ? `\n        ${check.detail}` : ''}`);
  ok = checks.every((c) => c.ok);
  out(`\n${ok ? 'Demo passed' : 'Demo FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  process.stderr.write(`Demo FAILED: ${(error as Error).stack ?? String(error)}\n`);
} finally {
  await service?.stop();
  if (ok) rmSync(dataDir, { recursive: true, force: true });
  else process.stderr.write(`The data folder is kept for inspection: ${dataDir}\n`);
}
process.exit(ok ? 0 : 1);

/** No handler failed, and no dead-letter queue holds a message. */
async function nothingFailed(service: LocalService): Promise<Check> {
  const dead: string[] = [];
  for (const queue of service.provisioned.queues) {
    const { Attributes = {} } = await service.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${service.endpoints.queueUrlBase}/${queue.definition.dlqName}`,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    if (Number(Attributes.ApproximateNumberOfMessages ?? 0) > 0) dead.push(queue.definition.dlqName);
  }
  const problems = [...failures.map((f) => `${f.functionName}: ${f.error}`), ...dead.map((q) => `${q} holds messages`)];
  return {
    name: 'no handler failed and every dead-letter queue is empty',
    ok: problems.length === 0,
    ...(problems.length ? { detail: problems.join('\n        ') } : {}),
  };
}
