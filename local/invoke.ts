// Invoking one handler module the way Lambda does: load it under its function's name, call
// it with an event and a Context, stop waiting at the function's timeout, and read a partial
// batch response the way the SQS event source reads it.
import type { Message } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { functionName } from '../shared/resources/functions.ts';
import type { LocalFunction } from './functions.ts';

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface InvocationOutcome {
  readonly response?: unknown;
  /** Set when the handler threw or timed out. */
  readonly error?: string;
  readonly durationMs: number;
}

/** Imports a handler module; its environment must already be set. */
export async function importHandler(definition: LocalFunction, stage: string): Promise<Handler> {
  // Set per module while it loads, as each deployed function has its own name.
  process.env.AWS_LAMBDA_FUNCTION_NAME = functionName(stage, definition.name);
  try {
    const module = (await import(definition.module.href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') {
      throw new Error(`${definition.module.pathname} does not export a handler function`);
    }
    return module.handler as Handler;
  } finally {
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  }
}

export async function invokeHandler(
  handler: Handler,
  event: unknown,
  context: Context,
  timeoutSeconds: number,
): Promise<InvocationOutcome> {
  const started = Date.now();
  try {
    const work = handler(event, context);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutSeconds * 1000)),
    );
    const first = await Promise.race([work.then((response) => ({ response })), timedOut]).finally(() =>
      clearTimeout(timer),
    );
    if (first === 'timeout') {
      // Lambda would stop the function here; in-process it runs on, so wait for it before
      // the module may be invoked again, and treat the whole batch as failed.
      await work.catch(() => undefined);
      return { error: `timed out after ${timeoutSeconds} s`, durationMs: Date.now() - started };
    }
    return { response: first.response, durationMs: Date.now() - started };
  } catch (error) {
    return { error: describeError(error), durationMs: Date.now() - started };
  }
}

/** The failed message ids of a partial batch response; a malformed response fails the whole batch. */
export function failedRecords(
  response: unknown,
  messages: readonly Message[],
): { failedIds: Set<string>; error?: string } {
  const all = new Set(messages.map((m) => m.MessageId!));
  const failures = (response as Partial<SQSBatchResponse> | null | undefined)?.batchItemFailures;
  if (failures === undefined) return { failedIds: new Set() };
  if (!Array.isArray(failures)) return { failedIds: all, error: 'batchItemFailures is not a list' };
  const failedIds = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    // Lambda treats an empty or unknown identifier as a failure of the whole batch.
    if (typeof id !== 'string' || !all.has(id)) {
      return { failedIds: all, error: `batchItemFailures names ${JSON.stringify(id)}, which is not in the batch` };
    }
    failedIds.add(id);
  }
  return { failedIds };
}

/** Error text for the console, with anything shaped like an identity number masked. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\d{17}[\dXx]/g, '[personId]').slice(0, 300);
}
