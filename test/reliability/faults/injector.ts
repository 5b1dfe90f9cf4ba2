// Faults injected into the AWS SDK clients the handlers use (the module singletons of
// shared/pipeline/runtime.ts), through client middleware, at seeded, configurable rates:
//   - throttling (ProvisionedThroughputExceededException, ThrottlingException, RequestThrottled)
//     and 5xx answers (InternalServerError, ServiceUnavailable), placed under the SDK's own
//     retry middleware as a service would answer. Most are "blips" that fail one attempt (the
//     SDK retries them); a share are "outages" that fail every attempt, so the handler sees them;
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
  /** Share of the functions' SDK requests answered with throttling or a 5xx. */
  readonly requestFaultRate: number;
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
  throttling: number;
  serverErrors: number;
  /** Throttling and 5xx that outlasted the SDK's retries and reached the handler. */
  surfaced: number;
  failedBatchEntries: number;
  killsAfterWrite: number;
  killsAfterSend: number;
  /** Writes of poison messages refused (each delivery of a poison message counts once). */
  poisonHits: number;
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
const INJECTED = Symbol.for('linkage.reliability.injected');

export class FaultInjector {
  readonly settings: FaultSettings;
  readonly counts: FaultCounts = {
    throttling: 0,
    serverErrors: 0,
    surfaced: 0,
    failedBatchEntries: 0,
    killsAfterWrite: 0,
    killsAfterSend: 0,
    poisonHits: 0,
    invocations: 0,
    faultableInvocations: 0,
  };
  /** Faults are injected only while enabled; poison always bites. */
  enabled = true;
  private readonly random: Random;

  constructor(settings: FaultSettings) {
    this.settings = settings;
    this.random = new Random(settings.seed);
  }

  /** Every fault injected (poison is a property of messages, not a fault of the platform). */
  get total(): number {
    const c = this.counts;
    return c.throttling + c.serverErrors + c.failedBatchEntries + c.killsAfterWrite + c.killsAfterSend;
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
      return result;
    } catch (error) {
      if ((error as Record<symbol, unknown>)[INJECTED]) this.counts.surfaced += 1;
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

  /** Under the SDK's retries: one attempt of one request. `decided` carries the request's fate across attempts. */
  attempt(service: Service, state: InvocationState | undefined, attempt: number, decided: { fate?: Fate }): void {
    if (!state?.faultable || !this.enabled) return;
    if (attempt === 1) decided.fate = this.drawFate();
    const fate = decided.fate;
    if (!fate || (!fate.outage && attempt > 1)) return;
    if (fate.kind === 'throttling') this.counts.throttling += 1;
    else this.counts.serverErrors += 1;
    throw serviceError(service, fate, this.random);
  }

  private drawFate(): Fate | undefined {
    if (!this.random.chance(this.settings.requestFaultRate)) return undefined;
    return {
      kind: this.random.chance(0.5) ? 'throttling' : 'server',
      outage: this.random.chance(this.settings.outageShare),
    };
  }
}

export interface Fate {
  readonly kind: 'throttling' | 'server';
  readonly outage: boolean;
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
  return Object.assign(error, { [INJECTED]: true });
}

/** Shared through globalThis: the handler wrappers, the middleware and the tests see one registry. */
interface Registry {
  readonly invocations: AsyncLocalStorage<InvocationState>;
  injector: FaultInjector | undefined;
}

const REGISTRY_KEY = Symbol.for('linkage.reliability.faults');

export function faultRegistry(): Registry {
  const store = globalThis as unknown as Record<symbol, Registry | undefined>;
  store[REGISTRY_KEY] ??= { invocations: new AsyncLocalStorage<InvocationState>(), injector: undefined };
  return store[REGISTRY_KEY];
}

/** Makes `injector` the one the middleware consults (undefined: no faults, no poison). */
export function useInjector(injector: FaultInjector | undefined): void {
  faultRegistry().injector = injector;
}
