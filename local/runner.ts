// The local stand-in for Lambda's event sources. For every queue a function consumes, a
// poller gathers batches like the SQS event source and invokes the handler module with a
// real SQSEvent and Context; only records not listed in batchItemFailures are deleted, so
// failures come back after the visibility timeout and, after maxReceiveCount receives, the
// queue's redrive moves them to its DLQ. Each queue has as many pollers as its mapping's
// maximum concurrency, so a function runs as many batches at once as it would deployed (a
// FIFO queue still hands one message group to one batch at a time). The handlers are written
// for that: no per-invocation state at module level. Scheduled runs go one at a time, on timers.
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { QueueDefinition } from '../shared/resources/queues.ts';
import type { Registry } from '../shared/resources/registry.ts';
import { functionName, type FunctionName } from '../shared/resources/functions.ts';
import { LOCAL_FUNCTIONS, type LocalFunction, type QueueTrigger } from './functions.ts';
import {
  describeError,
  failedRecords,
  importHandler,
  invokeHandler,
  type Handler,
  type InvocationOutcome,
} from './invoke.ts';
import { lambdaContext, queueArnOf, scheduledEvent, sqsRecord } from './lambda-event.ts';
import { receiveBatch } from './receive-batch.ts';
import { Serial } from './serial.ts';
import { queuesEmpty, settleBatch } from './settle.ts';
import { queueUrl } from '../shared/queues/queue-urls.ts';

export interface Invocation {
  readonly functionName: string;
  /** The queue the batch came from; absent for scheduled runs. */
  readonly queueName?: string;
  readonly records: number;
  readonly failed: number;
  readonly durationMs: number;
  /** Set when the handler threw, timed out or answered with an unusable response. */
  readonly error?: string;
}

export interface RunnerOptions {
  readonly sqs: SQSClient;
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
  readonly registry: Registry;
  readonly queueUrlBase: string;
  readonly functions?: readonly LocalFunction[];
  /** How often the sweeper runs; null runs it only through `sweep()`. */
  readonly sweepIntervalMs?: number | null;
  /** Long-poll wait of each receive (Lambda's pollers use 20 s). */
  readonly waitTimeSeconds?: number;
  /** Overrides the functions' batching window on standard queues (seconds). */
  readonly batchingWindowSeconds?: number;
  /** Tests only: make failed records visible again after this many seconds instead of the queue's timeout. */
  readonly failedVisibilitySeconds?: number;
  readonly onInvocation?: (invocation: Invocation) => void;
}

interface LoadedFunction {
  readonly definition: LocalFunction;
  readonly handler: Handler;
  readonly serial: Serial;
}

export class EventSourceRunner {
  private readonly options: RunnerOptions;
  private readonly loaded: LoadedFunction[];
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly consumedQueues: QueueDefinition[] = [];
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly nightlyTimers: NodeJS.Timeout[] = [];
  private running = 0;
  /** Batches received and not yet settled (deleted or made visible again). */
  private delivering = 0;

  private constructor(options: RunnerOptions, loaded: LoadedFunction[]) {
    this.options = options;
    this.loaded = loaded;
  }

  /** Imports the handler modules (their environment must already be set) and starts polling. */
  static async start(options: RunnerOptions): Promise<EventSourceRunner> {
    const loaded: LoadedFunction[] = [];
    for (const definition of options.functions ?? LOCAL_FUNCTIONS) {
      loaded.push({ definition, handler: await importHandler(definition, options.stage), serial: new Serial() });
    }
    const runner = new EventSourceRunner(options, loaded);
    runner.startPollers();
    runner.startSweeper();
    runner.startNightly();
    return runner;
  }

  private startPollers(): void {
    const { stage, registry } = this.options;
    for (const fn of this.loaded) {
      const trigger = fn.definition.trigger;
      if (trigger.kind !== 'sqs') continue;
      for (const queue of trigger.queues(stage, registry)) {
        this.consumedQueues.push(queue);
        for (let poller = 0; poller < trigger.maxConcurrency; poller++) this.loops.push(this.poll(fn, trigger, queue));
      }
    }
  }

  private startSweeper(): void {
    const interval = this.options.sweepIntervalMs;
    if (interval === null || interval === undefined) return;
    this.sweepTimer = setInterval(() => {
      // A sweep still waiting or running makes another pointless.
      const sweeper = this.sweeper();
      if (sweeper && sweeper.serial.pending === 0) void this.sweep();
    }, interval);
  }

  private sweeper(): LoadedFunction | undefined {
    return this.loaded.find((fn) => fn.definition.trigger.kind === 'schedule');
  }

  /** Nightly functions run at their UTC time of day, as their deployed rule would run them. */
  private startNightly(): void {
    if (this.options.sweepIntervalMs === null || this.options.sweepIntervalMs === undefined) return;
    for (const fn of this.loaded) {
      const trigger = fn.definition.trigger;
      if (trigger.kind !== 'nightly') continue;
      const now = new Date();
      const next = Date.UTC(
        now.getUTCFullYear(),
        now.getUTCMonth(),
        now.getUTCDate(),
        trigger.utc.hour,
        trigger.utc.minute,
      );
      const day = 24 * 3600 * 1000;
      const wait = next > now.getTime() ? next - now.getTime() : next + day - now.getTime();
      const first = setTimeout(() => {
        void this.runScheduled(fn);
        this.nightlyTimers.push(setInterval(() => void this.runScheduled(fn), day));
      }, wait);
      this.nightlyTimers.push(first);
    }
  }

  /** Runs a nightly function once (e.g. reconcile-assessment), as its schedule would. */
  async runNightly(name: FunctionName): Promise<Invocation> {
    const fn = this.loaded.find((f) => f.definition.name === name && f.definition.trigger.kind === 'nightly');
    if (!fn) throw new Error(`no nightly function ${name} is loaded`);
    return this.runScheduled(fn);
  }

  /** Runs the deadline sweeper once, as its schedule would. */
  async sweep(): Promise<Invocation> {
    const fn = this.sweeper();
    if (!fn) throw new Error('no scheduled function is loaded');
    return this.runScheduled(fn);
  }

  private async runScheduled(fn: LoadedFunction): Promise<Invocation> {
    const { region, accountId, stage } = this.options;
    const name = functionName(stage, fn.definition.name);
    const event = scheduledEvent({ region, accountId, ruleName: `${name}-schedule` });
    return fn.serial.run(async () => {
      const outcome = await this.invoke(fn, event);
      const invocation: Invocation = {
        functionName: name,
        records: 0,
        failed: 0,
        durationMs: outcome.durationMs,
        ...(outcome.error ? { error: outcome.error } : {}),
      };
      this.options.onInvocation?.(invocation);
      return invocation;
    });
  }

  private async poll(fn: LoadedFunction, trigger: QueueTrigger, queue: QueueDefinition): Promise<void> {
    const { sqs, queueUrlBase, region, accountId } = this.options;
    const url = queueUrl({ queueUrlBase }, queue.name);
    const queueArn = queueArnOf(region, accountId, queue.name);
    const settings = {
      queueUrl: url,
      batchSize: trigger.batchSize,
      batchingWindowSeconds: queue.fifo ? 0 : (this.options.batchingWindowSeconds ?? trigger.batchingWindowSeconds),
      fifo: queue.fifo,
      waitTimeSeconds: this.options.waitTimeSeconds ?? 20,
    };
    const trouble = (what: string, error: unknown) =>
      this.options.onInvocation?.({
        functionName: functionName(this.options.stage, fn.definition.name),
        queueName: queue.name,
        records: 0,
        failed: 0,
        durationMs: 0,
        error: `${what}: ${describeError(error)}`,
      });
    while (!this.abort.signal.aborted) {
      try {
        const messages = await receiveBatch(sqs, settings, this.abort.signal);
        if (messages.length === 0) continue;
        // Once received, a batch is always handed to the function, even during shutdown.
        await this.deliver(fn, queue, url, queueArn, messages);
      } catch (error) {
        if (this.abort.signal.aborted) return;
        // The engine is unreachable or refused a call: the messages come back by themselves.
        trouble('queue call failed', error);
        await delay(1000);
      }
    }
  }

  private async deliver(
    fn: LoadedFunction,
    queue: QueueDefinition,
    queueUrl: string,
    queueArn: string,
    messages: Message[],
  ): Promise<void> {
    this.delivering += 1;
    try {
      await this.deliverBatch(fn, queue, queueUrl, queueArn, messages);
    } finally {
      this.delivering -= 1;
    }
  }

  private async deliverBatch(
    fn: LoadedFunction,
    queue: QueueDefinition,
    queueUrl: string,
    queueArn: string,
    messages: Message[],
  ): Promise<void> {
    const event: SQSEvent = { Records: messages.map((m) => sqsRecord(m, queueArn, this.options.region)) };
    const outcome = await this.invoke(fn, event);
    const verdict =
      outcome.error !== undefined
        ? { failedIds: new Set(messages.map((m) => m.MessageId!)), error: outcome.error }
        : failedRecords(outcome.response, messages);
    const failed = messages.filter((m) => verdict.failedIds.has(m.MessageId!));
    const done = messages.filter((m) => !verdict.failedIds.has(m.MessageId!));
    await settleBatch(this.options.sqs, queueUrl, done, failed, this.options.failedVisibilitySeconds);
    this.options.onInvocation?.({
      functionName: functionName(this.options.stage, fn.definition.name),
      queueName: queue.name,
      records: messages.length,
      failed: failed.length,
      durationMs: outcome.durationMs,
      ...(verdict.error !== undefined ? { error: verdict.error } : {}),
    });
  }

  private async invoke(fn: LoadedFunction, event: unknown): Promise<InvocationOutcome> {
    const { region, accountId, stage } = this.options;
    const { name, timeoutSeconds } = fn.definition;
    const context = lambdaContext({ functionName: functionName(stage, name), timeoutSeconds, region, accountId });
    this.running += 1;
    try {
      return await invokeHandler(fn.handler, event, context, timeoutSeconds);
    } finally {
      this.running -= 1;
    }
  }

  /** Resolves once no handler runs and no consumed queue holds a message, twice in a row. */
  async waitUntilQuiet(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (quietChecks < 2) {
      if (Date.now() > deadline) throw new Error(`the service did not become quiet within ${timeoutMs} ms`);
      await delay(150);
      quietChecks =
        this.running === 0 &&
        this.delivering === 0 &&
        this.loaded.every((fn) => fn.serial.pending === 0) &&
        (await queuesEmpty(
          this.options.sqs,
          this.consumedQueues.map((q) => queueUrl(this.options, q.name)),
        ))
          ? quietChecks + 1
          : 0;
    }
  }

  /** Stops polling, lets batches already received finish, stops the sweeper. */
  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    for (const timer of this.nightlyTimers) clearTimeout(timer);
    this.abort.abort();
    await Promise.allSettled(this.loops);
    await Promise.allSettled(this.loaded.map((fn) => fn.serial.run(async () => undefined)));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
