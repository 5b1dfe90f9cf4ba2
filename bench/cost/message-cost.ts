// From the calls of a phase to what one message costs: DynamoDB read and write units (as
// the engine reported them, plus index writes and failed conditional writes), SQS requests
// as billed, Lambda invocations and GB-seconds, KMS requests, log bytes, and the us-east-1
// price of a million such messages (china.ts prices the same usage in the China regions).
import { FUNCTION_MEMORY_MB } from '../../shared/resources/functions.ts';
import type { CallLog, Caller } from '../pipeline/call-log.ts';
import type { EngineUnits } from '../pipeline/engine-capacity.ts';
import {
  PLATFORM_LOG_BYTES_PER_INVOCATION,
  PLATFORM_LOG_EVENTS_PER_INVOCATION,
  type LogVolume,
} from '../pipeline/log-volume.ts';
import type { HandlerTime } from '../pipeline/round.ts';
import { PRICES } from './prices.ts';

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
/** Calls of the local runner that Lambda's event source does not make: the bench's quiet checks and idle polls. */
const NOT_PER_MESSAGE = (action: string, received: number | undefined) =>
  action === 'GetQueueAttributes' || (action === 'ReceiveMessage' && !received);

export interface MessageCost {
  readonly messages: number;
  /** Per message. */
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Part of writeUnits: writes to global secondary indexes, and failed conditional writes. */
  readonly indexWriteUnits: number;
  readonly failedConditionWriteUnits: number;
  readonly writeUnitsByTable: Readonly<Record<string, number>>;
  /** The index writes of `writeUnitsByTable`, by `<table>/<index>`. */
  readonly writeUnitsByIndex: Readonly<Record<string, number>>;
  readonly sqsStandardRequests: number;
  readonly sqsFifoRequests: number;
  readonly sqsRequestsByCaller: Readonly<Record<string, number>>;
  /** Calls per message by `service.Action`. */
  readonly calls: Readonly<Record<string, number>>;
  /** Idle receives of the local pollers per message (not billed per message on AWS; left out above). */
  readonly idleReceives: number;
  /** Handler invocations that carried records, and their GB-seconds at the deployed memory. */
  readonly lambdaInvocations: number;
  readonly lambdaGbSeconds: number;
  /**
   * KMS requests of the encrypted queues when no data key is reused: SQS's estimate of KMS use
   * per queue is (billing period ÷ reuse period) × (2 × senders + receivers), so a message
   * alone in its 5-minute reuse period (the quiet institution queues) costs up to 3. An upper
   * bound. DynamoDB's own KMS calls for its table keys are not modelled: no figure for them.
   */
  readonly kmsRequestsNoReuse: number;
  /** Log events and bytes as CloudWatch Logs ingests them: the functions' lines and Lambda's own three per invocation. */
  readonly logEvents: number;
  readonly logBytes: number;
  readonly usdPerMillion: {
    readonly dynamodbRead: number;
    readonly dynamodbWrite: number;
    readonly sqs: number;
    readonly total: number;
  };
}

/** `linkage-local-cases` → `cases`. */
const tableOf = (name: unknown) => String(name ?? '?').replace(/^linkage-[^-]+-/, '');

export interface PhaseUsage {
  readonly log: CallLog;
  readonly engine: EngineUnits;
  readonly messages: number;
  readonly handlers?: Readonly<Record<string, HandlerTime>>;
  readonly logs?: LogVolume;
}

/** SQS messages a call sends (SendMessage, each SendMessageBatch entry). */
function sqsMessagesSent(action: string, input: Readonly<Record<string, unknown>>): number {
  if (action === 'SendMessage') return 1;
  if (action === 'SendMessageBatch') return (input.Entries as unknown[] | undefined)?.length ?? 0;
  return 0;
}
const KMS_REQUESTS_PER_LONE_MESSAGE = 3;

export function messageCost(parts: readonly PhaseUsage[]): MessageCost {
  let messages = 0;
  let readUnits = 0;
  let writeUnits = 0;
  let indexWriteUnits = 0;
  let failedConditionWriteUnits = 0;
  let sqsStandard = 0;
  let sqsFifo = 0;
  let idleReceives = 0;
  let invocations = 0;
  let handlerMs = 0;
  let kmsRequests = 0;
  let logEvents = 0;
  let logBytes = 0;
  const byTable: Record<string, number> = {};
  const byIndex: Record<string, number> = {};
  const byCaller: Record<Caller | string, number> = {};
  const calls: Record<string, number> = {};
  const addTable = (table: string, units: number) => (byTable[table] = (byTable[table] ?? 0) + units);

  for (const { log, engine, messages: count, handlers, logs } of parts) {
    messages += count;
    for (const time of Object.values(handlers ?? {})) {
      invocations += time.invocations;
      handlerMs += time.ms;
      logEvents += PLATFORM_LOG_EVENTS_PER_INVOCATION * time.invocations;
      logBytes += PLATFORM_LOG_BYTES_PER_INVOCATION * time.invocations;
    }
    if (logs) {
      const metricDocuments = logs.metricEvents + logs.emptyFlushes;
      const meanMetricBytes = logs.metricEvents === 0 ? 0 : logs.metricBytes / logs.metricEvents;
      logEvents += logs.events + metricDocuments;
      logBytes += logs.bytes + logs.metricBytes + logs.emptyFlushes * meanMetricBytes;
    }
    for (const record of log.records) {
      if (NOT_PER_MESSAGE(record.action, record.received)) {
        if (record.action === 'ReceiveMessage') idleReceives += 1;
        continue;
      }
      const key = `${record.service}.${record.action}`;
      calls[key] = (calls[key] ?? 0) + 1;
      if (record.service === 'sqs')
        kmsRequests += KMS_REQUESTS_PER_LONE_MESSAGE * sqsMessagesSent(record.action, record.input);
      if (record.service === 'dynamodb') {
        const units = record.capacityUnits ?? 0;
        if (READS.has(record.action)) readUnits += units;
        if (WRITES.has(record.action)) {
          writeUnits += units;
          addTable(tableOf(record.input.TableName), units);
        }
      } else {
        const billed = record.billedRequests ?? 1;
        if (String(record.input.QueueUrl ?? '').endsWith('.fifo')) sqsFifo += billed;
        else sqsStandard += billed;
        byCaller[record.caller] = (byCaller[record.caller] ?? 0) + billed;
      }
    }
    for (const [key, units] of Object.entries(engine.indexWrites)) {
      const [table = key, indexName = ''] = key.split('/');
      indexWriteUnits += units;
      addTable(`${tableOf(table)} (index)`, units);
      byIndex[`${tableOf(table)}/${indexName}`] = (byIndex[`${tableOf(table)}/${indexName}`] ?? 0) + units;
    }
    for (const [table, units] of Object.entries(engine.failedConditionalWrites)) {
      failedConditionWriteUnits += units;
      addTable(`${tableOf(table)} (failed condition)`, units);
    }
  }
  writeUnits += indexWriteUnits + failedConditionWriteUnits;
  const per = (n: number) => (messages === 0 ? 0 : n / messages);
  const perMessage = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, per(v)]));
  const dynamodbRead = per(readUnits) * PRICES.dynamodb.usdPerMillionReadUnits;
  const dynamodbWrite = per(writeUnits) * PRICES.dynamodb.usdPerMillionWriteUnits;
  const sqs =
    per(sqsStandard) * PRICES.sqs.usdPerMillionStandardRequests + per(sqsFifo) * PRICES.sqs.usdPerMillionFifoRequests;
  return {
    messages,
    readUnits: per(readUnits),
    writeUnits: per(writeUnits),
    indexWriteUnits: per(indexWriteUnits),
    failedConditionWriteUnits: per(failedConditionWriteUnits),
    writeUnitsByTable: perMessage(byTable),
    writeUnitsByIndex: perMessage(byIndex),
    sqsStandardRequests: per(sqsStandard),
    sqsFifoRequests: per(sqsFifo),
    sqsRequestsByCaller: perMessage(byCaller),
    calls: perMessage(calls),
    idleReceives: per(idleReceives),
    lambdaInvocations: per(invocations),
    // Lambda bills each invocation's duration rounded up to the millisecond: the runner's are whole.
    lambdaGbSeconds: per(handlerMs / 1000) * (FUNCTION_MEMORY_MB / 1024),
    kmsRequestsNoReuse: per(kmsRequests),
    logEvents: per(logEvents),
    logBytes: per(logBytes),
    usdPerMillion: { dynamodbRead, dynamodbWrite, sqs, total: dynamodbRead + dynamodbWrite + sqs },
  };
}
