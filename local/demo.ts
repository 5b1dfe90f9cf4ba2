// `npm run demo`: the whole service on a fresh, temporary data folder, driven through a
// realistic scenario (local/demo/scenario.ts, then local/demo/console-story.ts). Prints who
// got what, with revisions, creates one console user per institution and prints how to sign in;
// exits 0 when every expectation holds, 1 otherwise. `npm run demo -- --serve` keeps the
// service and its web console running on the demo's data until Ctrl-C.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { formatRemedies } from '../shared/operations/remedy-format.ts';
import { table } from './console.ts';
import { checkRun, storyOutcomes, type Check } from './demo/checks.ts';
import { runScenario } from './demo/run-scenario.ts';
import { startLocalService, type LocalService } from './service.ts';
import type { Invocation } from './runner.ts';
import { BLOCK_THEN_CLEAR, createDemoUsers, playConsoleStory } from './demo/console-story.ts';
import { ensureConsoleBuilt, startConsoleServer, type ConsoleServer } from './console-server.ts';
import { writeEndpointsFile } from './endpoints-file.ts';
import { queueUrl } from '../shared/queues/queue-urls.ts';

const serveAfter = process.argv.includes('--serve');
let consoleServer: ConsoleServer | undefined;

const started = Date.now();
// A fixed folder when asked (the browser tests read its endpoints.json), wiped first: the demo
// always starts from nothing.
const dataDir = freshDataDir(process.env.LINKAGE_DEMO_DATA_DIR);
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

  const consoleDecisions = await playConsoleStory(service, out);
  const checks: Check[] = [
    ...checkRun(run, service.registry),
    {
      name: `${BLOCK_THEN_CLEAR} went BLOCK, then CLEAR`,
      ok: consoleDecisions.join(' ') === 'BLOCK CLEAR',
      ...(consoleDecisions.join(' ') === 'BLOCK CLEAR' ? {} : { detail: `revisions: ${consoleDecisions.join(', ')}` }),
    },
    await nothingFailed(service),
  ];
  out('\nChecks:');
  for (const check of checks)
    out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}${check.detail ? `\n        ${check.detail}` : ''}`);
  ok = checks.every((c) => c.ok);
  out(`\n${ok ? 'Demo passed' : 'Demo FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const users = await createDemoUsers(dataDir, service.registry);
  out('\nConsole users (one per institution; password = "demo-" + username):');
  for (const line of table(
    ['username', 'password', 'institution', 'kind', 'role'],
    users.map((u) => [u.username, u.password, u.institutionId, u.kind, u.role]),
  ))
    out(line);
  if (serveAfter && ok) {
    ensureConsoleBuilt(out);
    consoleServer = await startConsoleServer({
      dataDir,
      stage: service.endpoints.stage,
      dynamodb: service.clients.dynamodb,
      queues: { sqs: service.clients.sqs, queueUrlBase: service.endpoints.queueUrlBase },
      registry: service.registry,
      port: Number(process.env.LINKAGE_CONSOLE_PORT ?? 0),
    });
    writeEndpointsFile(dataDir, {
      ...service.endpoints,
      pid: process.pid,
      startedAt: new Date().toISOString(),
      consoleUrl: consoleServer.url,
    });
    out(`\nconsole url: ${consoleServer.url}/`);
    out('Sign in there as any user above (e.g. fj-ly-zy / demo-fj-ly-zy, the hearing court). Ctrl-C stops.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await consoleServer.stop();
  } else {
    out('\nTo sign in to the web console with these users: npm run demo -- --serve');
  }
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
        QueueUrl: queueUrl(service.endpoints, queue.definition.dlqName),
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

function freshDataDir(fixed: string | undefined): string {
  if (!fixed) return mkdtempSync(join(tmpdir(), 'linkage-demo-'));
  rmSync(fixed, { recursive: true, force: true });
  mkdirSync(fixed, { recursive: true });
  return fixed;
}
