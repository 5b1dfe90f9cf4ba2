// AWS SDK middleware that logs every DynamoDB and SQS call a client makes: its kind, its
// input as sent (DynamoDB inputs already marshalled, so a raw replay can send them as they
// are), how long it took, what DynamoDB says it consumed and what SQS bills for it. The
// handlers' clients are the module singletons of shared/pipeline/runtime.ts, so the bench
// instruments exactly the clients the handlers use.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { sqsBilledRequests } from '../cost/units.ts';

export type Service = 'dynamodb' | 'sqs';
/** Who made the call: the functions, the local event-source runner (Lambda's pollers on AWS), or the sending institutions. */
export type Caller = 'functions' | 'pollers' | 'institutions';

export interface CallRecord {
  readonly service: Service;
  readonly caller: Caller;
  /** The API action, e.g. PutItem, SendMessageBatch. */
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** performance.now() at the start, and the duration, in milliseconds. */
  readonly startMs: number;
  readonly durationMs: number;
  /** ReceiveMessage: how many messages came back. */
  readonly received?: number;
  /** DynamoDB: capacity units the engine reported (absent when the call failed). */
  readonly capacityUnits?: number;
  /** SQS: requests as billed (each 64 KiB chunk of payload is one). */
  readonly billedRequests?: number;
  /** The error's name when the call failed (e.g. ConditionalCheckFailedException). */
  readonly error?: string;
}

/** The calls of one measured phase. */
export class CallLog {
  readonly records: CallRecord[] = [];
}

/** Where records go: the phase under way, or nowhere between phases. */
export type LogSink = () => CallLog | undefined;

const CAPACITY_ACTIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
]);
const instrumented = new WeakSet<object>();

type AnyClient = DynamoDBClient | SQSClient;
type Args = { input: Record<string, unknown> };
type Next = (args: Args) => Promise<{ output: Record<string, unknown> }>;
type Context = { commandName?: string };

/** Adds the logging middleware to a client once; later calls only change nothing. */
export function logCalls(client: AnyClient, service: Service, caller: Caller, sink: LogSink): void {
  if (instrumented.has(client)) return;
  instrumented.add(client);
  const stack = client.middlewareStack as unknown as {
    add(middleware: (next: Next, context: Context) => Next, options: Record<string, unknown>): void;
  };
  if (service === 'dynamodb') {
    // Asked before serialisation, so the engine reports what each call consumed.
    stack.add(
      (next, context) => async (args) => {
        const action = actionOf(context);
        if (sink() && CAPACITY_ACTIONS.has(action) && args.input.ReturnConsumedCapacity === undefined) {
          return next({ ...args, input: { ...args.input, ReturnConsumedCapacity: 'TOTAL' } });
        }
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'benchAskConsumedCapacity' },
    );
  }
  // At the build step the input is serialised as sent (the document client has marshalled it).
  stack.add(
    (next, context) => async (args) => {
      const log = sink();
      if (!log) return next(args);
      const action = actionOf(context);
      const startMs = performance.now();
      const base = { service, caller, action, input: args.input, startMs };
      try {
        const result = await next(args);
        const output = result.output;
        log.records.push({
          ...base,
          durationMs: performance.now() - startMs,
          ...(action === 'ReceiveMessage'
            ? { received: ((output.Messages as unknown[] | undefined) ?? []).length }
            : {}),
          ...(service === 'dynamodb' ? capacityOf(output) : {}),
          ...(service === 'sqs' ? { billedRequests: sqsBilledRequests(action, args.input, output) } : {}),
        });
        return result;
      } catch (error) {
        log.records.push({
          ...base,
          durationMs: performance.now() - startMs,
          error: (error as { name?: string }).name ?? 'Error',
          ...(service === 'sqs' ? { billedRequests: 1 } : {}),
        });
        throw error;
      }
    },
    { step: 'build', priority: 'high', name: 'benchCallLog' },
  );
}

function actionOf(context: Context): string {
  return (context.commandName ?? 'Unknown').replace(/Command$/, '');
}

function capacityOf(output: Record<string, unknown>): { capacityUnits?: number } {
  const consumed = output.ConsumedCapacity as { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  if (consumed === undefined) return {};
  const list = Array.isArray(consumed) ? consumed : [consumed];
  return { capacityUnits: list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) };
}
