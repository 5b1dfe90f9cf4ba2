// The local service in a process of its own, for the SIGKILL test (sigkill.test.ts): the
// embedded engines on a data folder and the real handlers (through the reliability wrappers,
// with no faults), started by `node service-process.ts DATA_DIR`. It prints one JSON line per
// event on stdout: {ready: {dynamodbPort, sqsPort}} once it polls, {begin: fn, records} when an
// invocation starts and {end: fn, records, failed} when it ends, so the parent can kill it in
// the middle of a batch.
import { SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { startLocalService } from '../../../local/service.ts';
import { faultRegistry } from '../faults/injector.ts';
import { FAILED_VISIBILITY_SECONDS, reliabilityFunctions } from './functions.ts';

/** Messages a killed process held come back after this, past every in-progress idempotency record. */
export const KILLED_VISIBILITY_SECONDS = 35;

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: node service-process.ts DATA_DIR');
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

faultRegistry().planted = (functionName, event) => {
  say({ begin: functionName, records: (event as { Records?: unknown[] }).Records?.length ?? 0 });
  return event;
};
const service = await startLocalService({
  dataDir,
  logLevel: 'SILENT',
  runner: {
    functions: reliabilityFunctions(),
    sweepIntervalMs: null,
    waitTimeSeconds: 1,
    failedVisibilitySeconds: FAILED_VISIBILITY_SECONDS,
    onInvocation: (i) => say({ end: i.functionName, records: i.records, failed: i.failed }),
  },
});
// What this process receives and never finishes comes back after KILLED_VISIBILITY_SECONDS
// instead of the deployed 3-6 minutes (a test's patience, not a resource definition).
for (const queue of service.provisioned.queues) {
  if (queue.definition.role === 'outbound') continue;
  await service.clients.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queue.url,
      Attributes: { VisibilityTimeout: String(KILLED_VISIBILITY_SECONDS) },
    }),
  );
}
say({ ready: { dynamodbPort: service.engines!.dynamodbPort, sqsPort: service.engines!.sqsPort } });
process.on('SIGTERM', () => void service.stop().then(() => process.exit(0)));
