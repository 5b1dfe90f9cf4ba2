// How calls turn into billed units, and which calls count per message.
import { describe, expect, it } from 'vitest';
import { messageCost } from '../../../bench/cost/message-cost.ts';
import { PRICES } from '../../../bench/cost/prices.ts';
import { messagePayloadBytes, sqsBilledRequests, writeUnits } from '../../../bench/cost/units.ts';
import { indexWriteUnits } from '../../../bench/pipeline/engine-capacity.ts';
import { CallLog, type CallRecord } from '../../../bench/pipeline/call-log.ts';
import { emptyEngineUnits } from '../../../bench/pipeline/engine-capacity.ts';

const KIB = 1024;
const body = (bytes: number) => 'a'.repeat(bytes);

describe('SQS billed requests', () => {
  it('counts each 64 KiB chunk of a payload, attributes included', () => {
    expect(sqsBilledRequests('SendMessage', { MessageBody: body(64 * KIB) }, {})).toBe(1);
    expect(sqsBilledRequests('SendMessage', { MessageBody: body(64 * KIB + 1) }, {})).toBe(2);
    const attributes = { schema: { DataType: 'String', StringValue: 'linkage.fulfilment-flag.v1' } };
    expect(messagePayloadBytes('{}', attributes)).toBe(
      2 + 'schema'.length + 'String'.length + 'linkage.fulfilment-flag.v1'.length,
    );
    expect(
      sqsBilledRequests('SendMessage', { MessageBody: body(64 * KIB - 10), MessageAttributes: attributes }, {}),
    ).toBe(2);
  });

  it('bills a batch by its total payload, and a receive by what came back', () => {
    const entries = Array.from({ length: 10 }, () => ({ MessageBody: body(10 * KIB) }));
    expect(sqsBilledRequests('SendMessageBatch', { Entries: entries }, {})).toBe(2);
    expect(sqsBilledRequests('ReceiveMessage', {}, { Messages: [] })).toBe(1);
    expect(sqsBilledRequests('ReceiveMessage', {}, { Messages: [{ Body: body(100 * KIB) }] })).toBe(2);
    expect(sqsBilledRequests('DeleteMessageBatch', { Entries: entries }, {})).toBe(1);
  });
});

describe('DynamoDB write units', () => {
  it('are one per started KiB of item, at least one', () => {
    expect(writeUnits(0)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
  });

  const table = {
    TableName: 't',
    KeySchema: [{ AttributeName: 'pk' }, { AttributeName: 'sk' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byDeadline',
        KeySchema: [{ AttributeName: 'dueShard' }, { AttributeName: 'nextCheckAt' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  };
  // Size: the sum of attribute name and value lengths, as dynalite approximately counts strings.
  const size = (item: Record<string, unknown>) =>
    Object.entries(item).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  const indexed = { pk: 'P#1', sk: 'A#1', dueShard: '1', nextCheckAt: 'n1', big: body(5000) };

  it('of a keys-only index are spent only when the index entry changes', () => {
    expect(indexWriteUnits(table, undefined, indexed, size)).toEqual({ byDeadline: 1 });
    expect(indexWriteUnits(table, indexed, { ...indexed, big: body(6000) }, size)).toEqual({});
    expect(indexWriteUnits(table, indexed, { ...indexed, nextCheckAt: 'n2' }, size)).toEqual({ byDeadline: 2 });
    const { dueShard: _s, nextCheckAt: _n, ...offIndex } = indexed;
    expect(indexWriteUnits(table, indexed, offIndex, size)).toEqual({ byDeadline: 1 });
  });

  it('of an all-attributes index follow the whole item', () => {
    const all = {
      ...table,
      GlobalSecondaryIndexes: [{ ...table.GlobalSecondaryIndexes[0]!, Projection: { ProjectionType: 'ALL' } }],
    };
    expect(indexWriteUnits(all, indexed, { ...indexed, big: body(6000) }, size)).toEqual({ byDeadline: 6 });
  });
});

describe('cost per message', () => {
  const record = (r: Partial<CallRecord> & Pick<CallRecord, 'service' | 'action'>): CallRecord => ({
    caller: 'functions',
    input: {},
    startMs: 0,
    durationMs: 1,
    ...r,
  });

  it("leaves out the local runner's idle receives and quiet checks, and prices the rest", () => {
    const log = new CallLog();
    log.records.push(
      record({ service: 'dynamodb', action: 'PutItem', input: { TableName: 'linkage-local-cases' }, capacityUnits: 3 }),
      record({ service: 'dynamodb', action: 'Query', capacityUnits: 1 }),
      record({
        service: 'sqs',
        action: 'SendMessage',
        input: { QueueUrl: 'http://x/000/linkage-local-evaluate.fifo' },
        billedRequests: 1,
      }),
      record({
        service: 'sqs',
        action: 'SendMessage',
        input: { QueueUrl: 'http://x/000/linkage-local-out-A' },
        billedRequests: 1,
      }),
      record({ service: 'sqs', action: 'ReceiveMessage', caller: 'pollers', received: 0, billedRequests: 1 }),
      record({ service: 'sqs', action: 'GetQueueAttributes', caller: 'pollers', billedRequests: 1 }),
    );
    const engine = { ...emptyEngineUnits(), indexWrites: { 'linkage-local-cases/byDeadline': 1 } };
    const cost = messageCost([{ log, engine, messages: 2 }]);
    expect(cost).toMatchObject({
      readUnits: 0.5,
      writeUnits: 2,
      indexWriteUnits: 0.5,
      sqsFifoRequests: 0.5,
      sqsStandardRequests: 0.5,
      idleReceives: 0.5,
    });
    expect(cost.writeUnitsByTable).toEqual({ cases: 1.5, 'cases (index)': 0.5 });
    expect(cost.writeUnitsByIndex).toEqual({ 'cases/byDeadline': 0.5 });
    expect(cost.usdPerMillion.total).toBeCloseTo(
      0.5 * PRICES.dynamodb.usdPerMillionReadUnits +
        2 * PRICES.dynamodb.usdPerMillionWriteUnits +
        0.5 * PRICES.sqs.usdPerMillionFifoRequests +
        0.5 * PRICES.sqs.usdPerMillionStandardRequests,
    );
  });
});
