// Faults injected into the AWS SDK clients the handlers use (the module singletons of
// shared/pipeline/runtime.ts), through client middleware, at seeded, configurable rates:
//   - throttling (ProvisionedThroughputExceededException, ThrottlingException, RequestThrottled)
//     and 5xx answers (InternalServerError, ServiceUnavailable), placed under the SDK's own
//     retry middleware as a service would answer. Most are "blips" that fail one attempt (the
//     SDK retries them); a share are "outages" that fail every attempt, so the handler sees them;
//   - replies lost: a write or send reaches the engine and is applied, then the reply is lost
//     (a connection reset), so the SDK sends it again: a conditional write that already
//     happened meets its own condition, a message goes out twice;
//   - partial batch failures: SendMessageBatch entries reported Failed without being sent;
//   - kills: an invocation dies at its first (or second, third) SQS send after a DynamoDB write,
//     or at a DynamoDB write after a send. From then on every call of that invocation fails, as
//     nothing runs in a dead process, and the invocation as a whole fails (handlers/faultable.ts);
//   - poison: a write carrying the poison marker throws every time, like a handler bug.
// No fault touches a delivery where a record is on its 3rd or later receive: the system
// promises to outlast transient faults within maxReceiveCount, and past it the DLQ takes over
// (checked with the poison messages). Counts are of faults actually thrown, not planned.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DynamoDBServiceException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { RequestThrottled, SQSServiceException } from '@aws-sdk/client-sqs';
import { Random } from '../support/random.ts';

export interface FaultSettings {
  readonly seed: number;
  /** Share of the functions' SDK requests answered with throttling or a 5xx (or, writes and sends, a lost reply). */
  readonly requestFaultRate: number;
  /** Of the faulted writes and sends, the share applied whose reply is lost (the rest: throttling, 5xx). */
  readonly replyLostShare: number;
  /** Of those, the share that fails every attempt the SDK makes (the handler sees it). */
  readonly outageShare: number;
  /** Share of invocations killed at a write/send boundary. */
  readonly killRate: number;
  /** Share of SendMessageBatch entries reported failed. */
  readonly batchEntryFailureRate: number;
  /** Deliveries with a record received this many times or more get no faults. */
  readonly cleanFromReceive: number;
  /** Text whose presence in a DynamoDB write makes it throw, every time. */
  readonly poisonMarker: string;
}

export interface FaultCounts {
  /** Failed attempts answered with throttling. */
  throttling: number;
  /** Failed attempts answered with a 5xx. */
  serverErrors: number;
  /** Writes and sends applied whose reply was lost (each then retried by the SDK). */
  repliesLost: number;
  /** Requests with an injected attempt whose error outlasted the SDK's retries and reached the handler. */
  surfaced: number;
  /** Injected failed attempts after which the SDK's own retry succeeded: the handler never saw them. */
  absorbed: number;
  failedBatchEntries: number;
  killsAfterWrite: number;
  killsAfterSend: number;
  /** Writes of poison messages refused (each delivery of a poison message counts once). */
  poisonHits: number;
  /** Writes refused by the long outage (each failed receive of an affected message counts once). */
  longOutageHits: number;
  invocations: number;
  faultableInvocations: number;
}

type Service = 'dynamodb' | 'sqs';
type Boundary = 'after-write' | 'after-send';

/** What one invocation of a handler is doing, as the middleware sees it. */
export interface InvocationState {
  readonly functionName: string;
  readonly faultable: boolean;
  kill: { boundary: Boundary; skip: number } | undefined;
  wrote: boolean;
  sent: boolean;
  dead: boolean;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const SENDS = new Set(['SendMessage', 'SendMessageBatch']);

export class FaultInjector {
  readonly settings: FaultSettings;
  readonly counts: FaultCounts = {
    throttling: 0,
    serverErrors: 0,
    repliesLost: 0,
    surfaced: 0,
    absorbed: 0,
    failedBatchEntries: 0,
    killsAfterWrite: 0,
    killsAfterSend: 0,
    poisonHits: 0,
    longOutageHits: 0,
    invocations: 0,
    faultableInvocations: 0,
  };
  /** Faults are injected only while enabled; poison always bites. */
  enabled = true;
  /**
   * An outage longer than maxReceiveCount receives: while set, every write of `functionName`
   * carrying one of `markers` fails, on every attempt and every receive, so the messages end
   * in their dead-letter queue; they must be recovered by redrive once it is over.
   */
  longOutage: { readonly functionName: string; readonly markers: readonly string[] } | undefined;
  private readonly random: Random;

  constructor(settings: FaultSettings) {
    this.settings = settings;
    this.random = new Random(settings.seed);
  }

  /** Faults that reached handler code: errors past the SDK's retries, failed batch entries, kills. */
  get reachedHandlers(): number {
    const c = this.counts;
    return c.surfaced + c.failedBatchEntries + c.killsAfterWrite + c.killsAfterSend + c.longOutageHits;
  }

  /** Every fault injected (poison is a property of messages, not a fault of the platform). */
  get total(): number {
    return this.reachedHandlers + this.counts.absorbed;
  }

  beginInvocation(functionName: string, event: unknown): InvocationState {
    this.counts.invocations += 1;
    const records = (event as { Records?: { attributes?: { ApproximateReceiveCount?: string } }[] }).Records ?? [];
    const receives = Math.max(1, ...records.map((r) => Number(r.attributes?.ApproximateReceiveCount ?? 1)));
    const faultable = this.enabled && receives < this.settings.cleanFromReceive;
    if (faultable) this.counts.faultableInvocations += 1;
    const kill =
      faultable && this.random.chance(this.settings.killRate)
        ? {
            boundary: this.random.chance(0.5) ? ('after-write' as const) : ('after-send' as const),
            skip: this.random.int(0, 2),
          }
        : undefined;
    return { functionName, faultable, kill, wrote: false, sent: false, dead: false };
  }

  /** Outermost: poison, kills, partial batches, and counting what surfaced. */
  async aroundCall(
    service: Service,
    action: string,
    input: Record<string, unknown>,
    state: InvocationState | undefined,
    decided: Decided,
    call: (input: Record<string, unknown>) => Promise<{ output: Record<string, unknown> }>,
  ): Promise<{ output: Record<string, unknown> }> {
    const isWrite = service === 'dynamodb' && WRITES.has(action);
    const isSend = service === 'sqs' && SENDS.has(action);
    if (isWrite && JSON.stringify(input).includes(this.settings.poisonMarker)) {
      this.counts.poisonHits += 1;
      throw Object.assign(new Error(`injected handler bug: ${action} of a poison message`), {
        name: 'InjectedHandlerBugError',
      });
    }
    if (!state) return call(input);
    const outage = this.longOutage;
    if (isWrite && outage && state.functionName === outage.functionName) {
      const text = JSON.stringify(input);
      if (outage.markers.some((marker) => text.includes(marker))) {
        this.counts.longOutageHits += 1;
        throw new DynamoDBServiceException({
          name: 'ServiceUnavailable',
          $fault: 'server',
          message: 'injected long outage: the partition stays unavailable past every retry and receive',
          $metadata: { httpStatusCode: 503 },
        });
      }
    }
    if (state.dead) throw killed(state, 'already dead');
    if (
      state.kill &&
      ((state.kill.boundary === 'after-write' && isSend && state.wrote) ||
        (state.kill.boundary === 'after-send' && isWrite && state.sent))
    ) {
      if (state.kill.skip > 0) {
        state.kill.skip -= 1;
      } else {
        state.dead = true;
        if (state.kill.boundary === 'after-write') this.counts.killsAfterWrite += 1;
        else this.counts.killsAfterSend += 1;
        throw killed(state, `${action} after a ${state.kill.boundary === 'after-write' ? 'write' : 'send'}`);
      }
    }
    try {
      const result =
        action === 'SendMessageBatch' && state.faultable && this.enabled
          ? await this.partialBatch(input, call)
          : await call(input);
      if (isWrite) state.wrote = true;
      if (isSend) state.sent = true;
      this.counts.absorbed += decided.injected;
      return result;
    } catch (error) {
      // The request met an injected fault and the handler sees an error: injected itself, or
      // what the retry of an applied write met (its own condition).
      if (decided.injected > 0) this.counts.surfaced += 1;
      throw error;
    }
  }

  /** Sends some entries, reports the others failed: what SQS answers when part of a batch fails. */
  private async partialBatch(
    input: Record<string, unknown>,
    call: (input: Record<string, unknown>) => Promise<{ output: Record<string, unknown> }>,
  ): Promise<{ output: Record<string, unknown> }> {
    const entries = (input.Entries as { Id: string }[] | undefined) ?? [];
    const failing = entries.filter(() => this.random.chance(this.settings.batchEntryFailureRate));
    if (failing.length === 0) return call(input);
    this.counts.failedBatchEntries += failing.length;
    const kept = entries.filter((e) => !failing.includes(e));
    const result =
      kept.length > 0 ? await call({ ...input, Entries: kept }) : { output: { Successful: [], $metadata: {} } };
    const failed = failing.map((e) => ({
      Id: e.Id,
      SenderFault: false,
      Code: 'InternalError',
      Message: 'injected partial batch failure',
    }));
    return {
      ...result,
      output: { ...result.output, Failed: [...((result.output.Failed as unknown[] | undefined) ?? []), ...failed] },
    };
  }

  /**
   * Under the SDK's retries: one attempt of one request. `decided` carries the request's fate
   * across attempts; `send` passes the attempt on to the engine.
   */
  async attempt(
    service: Service,
    action: string,
    state: InvocationState | undefined,
    attempt: number,
    decided: Decided,
    send: () => Promise<{ output: Record<string, unknown> }>,
  ): Promise<{ output: Record<string, unknown> }> {
    if (!state?.faultable || !this.enabled) return send();
    const changes = (service === 'dynamodb' && WRITES.has(action)) || (service === 'sqs' && SENDS.has(action));
    if (attempt === 1) decided.fate = this.drawFate(changes);
    const fate = decided.fate;
    if (!fate || (!fate.outage && attempt > 1)) return send();
    decided.injected += 1;
    if (fate.kind === 'reply-lost') {
      await send();
      this.counts.repliesLost += 1;
      throw replyLost();
    }
    if (fate.kind === 'throttling') this.counts.throttling += 1;
    else this.counts.serverErrors += 1;
    throw serviceError(service, fate, this.random);
  }

  private drawFate(changes: boolean): Fate | undefined {
    if (!this.random.chance(this.settings.requestFaultRate)) return undefined;
    // A lost reply is lost once: the SDK's retry gets its answer.
    if (changes && this.random.chance(this.settings.replyLostShare)) return { kind: 'reply-lost', outage: false };
    return {
      kind: this.random.chance(0.5) ? 'throttling' : 'server',
      outage: this.random.chance(this.settings.outageShare),
    };
  }
}

export interface Fate {
  readonly kind: 'throttling' | 'server' | 'reply-lost';
  readonly outage: boolean;
}

/** One request's fate across the SDK's attempts, and how many of its attempts were injected failures. */
export interface Decided {
  fate?: Fate;
  injected: number;
}

/** What a connection reset after the request went out looks like to the SDK: a transient network error. */
function replyLost(): Error {
  return Object.assign(new Error('injected: the reply was lost after the request was applied'), {
    name: 'TimeoutError',
    code: 'ECONNRESET',
    $metadata: {},
  });
}

function killed(state: InvocationState, what: string): Error {
  return Object.assign(new Error(`injected kill of ${state.functionName}: ${what}`), { name: 'InjectedKillError' });
}

/** An error shaped exactly as the SDK deserialises the service's answer, so its retry logic classifies it. */
function serviceError(service: Service, fate: Fate, random: Random): Error {
  const message = `injected ${fate.kind === 'throttling' ? 'throttling' : 'server error'}`;
  let error: Error;
  if (service === 'dynamodb') {
    if (fate.kind === 'throttling') {
      error = random.chance(0.5)
        ? new ProvisionedThroughputExceededException({ message, $metadata: { httpStatusCode: 400 } })
        : new ThrottlingException({ message, $metadata: { httpStatusCode: 400 } });
    } else {
      error = random.chance(0.5)
        ? new InternalServerError({ message, $metadata: { httpStatusCode: 500 } })
        : new DynamoDBServiceException({
            name: 'ServiceUnavailable',
            $fault: 'server',
            message,
            $metadata: { httpStatusCode: 503 },
          });
    }
  } else if (fate.kind === 'throttling') {
    error = new RequestThrottled({ message, $metadata: { httpStatusCode: 400 } });
  } else {
    error = new SQSServiceException({
      name: random.chance(0.5) ? 'InternalError' : 'ServiceUnavailable',
      $fault: 'server',
      message,
      $metadata: { httpStatusCode: random.chance(0.5) ? 500 : 503 },
    });
  }
  return error;
}

/** Shared through globalThis: the handler wrappers, the middleware and the tests see one registry. */
interface Registry {
  readonly invocations: AsyncLocalStorage<InvocationState>;
  injector: FaultInjector | undefined;
  /** Sabotage tests only: a defect planted in what a handler is given (handlers/faultable.ts). */
  planted: ((functionName: string, event: unknown) => unknown) | undefined;
}

const REGISTRY_KEY = Symbol.for('linkage.reliability.faults');

export function faultRegistry(): Registry {
  const store = globalThis as unknown as Record<symbol, Registry | undefined>;
  store[REGISTRY_KEY] ??= {
    invocations: new AsyncLocalStorage<InvocationState>(),
    injector: undefined,
    planted: undefined,
  };
  return store[REGISTRY_KEY];
}

/** Makes `injector` the one the middleware consults (undefined: no faults, no poison). */
export function useInjector(injector: FaultInjector | undefined): void {
  faultRegistry().injector = injector;
}
