// Installs the fault injector on an AWS SDK client as two middlewares: one around the whole
// call (poison, kills, partial batches), one under the SDK's retry middleware, where each
// attempt meets the service (throttling, 5xx, a reply lost after the request was applied). Installed once per client; both consult the
// registry at call time, so a run can change or remove the injector.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { faultRegistry, type Decided } from './injector.ts';

type Args = { input: Record<string, unknown>; request?: { headers?: Record<string, string> } };
type Result = { output: Record<string, unknown> };
type Next = (args: Args) => Promise<Result>;
type Context = { commandName?: string };
interface Stack {
  identify(): string[];
  add(middleware: (next: Next, context: Context) => Next, options: Record<string, unknown>): void;
  addRelativeTo(middleware: (next: Next, context: Context) => Next, options: Record<string, unknown>): void;
}

/** Document client commands carry their own names; the API action is what matters. */
const DOCUMENT_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Get: 'GetItem',
  BatchWrite: 'BatchWriteItem',
  BatchGet: 'BatchGetItem',
  TransactWrite: 'TransactWriteItems',
};

function actionOf(context: Context): string {
  const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
  return DOCUMENT_ACTIONS[name] ?? name;
}

/** `amz-sdk-request: attempt=2; max=3`, set by the retry middleware on every attempt. */
function attemptOf(args: Args): number {
  const header = args.request?.headers?.['amz-sdk-request'] ?? '';
  return Number(/attempt=(\d+)/.exec(header)?.[1] ?? 1);
}

export function installFaultMiddleware(client: DynamoDBClient | SQSClient, service: 'dynamodb' | 'sqs'): void {
  const stack = client.middlewareStack as unknown as Stack;
  if (stack.identify().some((name) => name.startsWith('reliabilityFaults'))) return;
  // One per command call, shared by both middlewares (they see the same context object).
  const fates = new WeakMap<Context, Decided>();
  const decidedFor = (context: Context): Decided => {
    let decided = fates.get(context);
    if (!decided) fates.set(context, (decided = { injected: 0 }));
    return decided;
  };
  stack.add(
    (next, context) => async (args) => {
      const { injector, invocations } = faultRegistry();
      if (!injector) return next(args);
      return injector.aroundCall(
        service,
        actionOf(context),
        args.input,
        invocations.getStore(),
        decidedFor(context),
        (input) => next({ ...args, input }),
      );
    },
    { step: 'initialize', priority: 'high', name: 'reliabilityFaultsAroundCall' },
  );
  stack.addRelativeTo(
    (next, context) => async (args) => {
      const { injector, invocations } = faultRegistry();
      if (!injector) return next(args);
      return injector.attempt(
        service,
        actionOf(context),
        invocations.getStore(),
        attemptOf(args),
        decidedFor(context),
        () => next(args),
      );
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'reliabilityFaultsAttempt' },
  );
}
