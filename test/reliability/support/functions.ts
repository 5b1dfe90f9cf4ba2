// The functions of local mode (same triggers, queues and batch sizes), loaded through the
// fault-injecting wrappers in test/reliability/handlers/, with shorter timeouts: a Lambda
// timeout also bounds how long a killed invocation's idempotency record stays "in progress",
// and the suite's redeliveries come after that (see failedVisibilitySeconds). They leave room
// for the SDK's backoff under injected throttling (a batch took up to 5.5 s here) on a busy
// machine; the deployed 30 s / 60 s would make each redelivery wait half a minute.
import { LOCAL_FUNCTIONS, type LocalFunction } from '../../../local/functions.ts';
import type { FunctionName } from '../../../shared/resources/functions.ts';

export const TEST_TIMEOUT_SECONDS: Readonly<Record<FunctionName, number>> = {
  'ingest-status': 15,
  'ingest-dossier': 15,
  'ingest-ruling': 15,
  evaluate: 30,
  'sweep-deadlines': 30,
  'reconcile-assessment': 60,
};

/** Failed records come back after this, past every in-progress idempotency record of the failed try. */
export const FAILED_VISIBILITY_SECONDS = 16;

export function reliabilityFunctions(): LocalFunction[] {
  return LOCAL_FUNCTIONS.map((fn) => ({
    ...fn,
    module: new URL(`../handlers/${fn.name}.ts`, import.meta.url),
    timeoutSeconds: TEST_TIMEOUT_SECONDS[fn.name],
  }));
}
