// The cost counters against a real engine: the call log sees what the document client sent
// (marshalled) and what dynalite says it consumed; the engine hook adds index writes and
// failed conditional writes as DynamoDB bills them.
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallLog, logCalls } from '../../../bench/pipeline/call-log.ts';
import { countEngineUnits, emptyEngineUnits, type EngineUnits } from '../../../bench/pipeline/engine-capacity.ts';
import { messageCost } from '../../../bench/cost/message-cost.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

let dynamo: LocalDynamo;
let log: CallLog | undefined;
let engine: EngineUnits | undefined;
const cases = testTableName('cases');
const filler = 'x'.repeat(1500); // makes the item 2 KiB: two write units per write

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  logCalls(dynamo.client, 'dynamodb', 'functions', () => log);
  countEngineUnits(() => engine);
});

afterAll(async () => {
  await dynamo.stop();
});

async function measure(run: () => Promise<unknown>): Promise<{ log: CallLog; engine: EngineUnits }> {
  const current = { log: new CallLog(), engine: emptyEngineUnits() };
  log = current.log;
  engine = current.engine;
  try {
    await run().catch(() => undefined);
    return current;
  } finally {
    log = undefined;
    engine = undefined;
  }
}

describe('DynamoDB calls through the document client', () => {
  it('are logged with their marshalled input and the units the engine reports', async () => {
    const { log: calls } = await measure(() =>
      dynamo.db.send(new PutCommand({ TableName: cases, Item: { pk: 'P#1', sk: 'A#1', filler } })),
    );
    expect(calls.records).toHaveLength(1);
    const [put] = calls.records;
    expect(put).toMatchObject({ service: 'dynamodb', caller: 'functions', action: 'PutItem', capacityUnits: 2 });
    expect(put!.input.Item).toMatchObject({ pk: { S: 'P#1' } });
  });

  it('count a failed condition at the size of the item that is there', async () => {
    const { log: calls, engine: units } = await measure(() =>
      dynamo.db.send(
        new PutCommand({
          TableName: cases,
          Item: { pk: 'P#1', sk: 'A#1' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    expect(calls.records[0]).toMatchObject({ action: 'PutItem', error: 'ConditionalCheckFailedException' });
    expect(units.failedConditionalWrites[cases]).toBe(2);
  });

  it('count index writes of the keys-only deadline index as DynamoDB bills them', async () => {
    const put = await measure(() =>
      dynamo.db.send(
        new PutCommand({
          TableName: cases,
          Item: { pk: 'P#2', sk: 'A#2', filler, dueShard: '1', nextCheckAt: '2026-12-01T00:00:00.000Z' },
        }),
      ),
    );
    // The index holds only keys (shared/resources/tables.ts), so its copy is one small unit.
    expect(put.engine.indexWrites).toEqual({ [`${cases}/byDeadline`]: 1 });
    // A change of an attribute the index does not hold does not touch the index.
    const touch = await measure(() =>
      dynamo.db.send(
        new UpdateCommand({
          TableName: cases,
          Key: { pk: 'P#2', sk: 'A#2' },
          UpdateExpression: 'SET sentRevision = :r',
          ExpressionAttributeValues: { ':r': 1 },
        }),
      ),
    );
    expect(touch.engine.indexWrites).toEqual({});
    // A new index key: the old entry is deleted and a new one written.
    const move = await measure(() =>
      dynamo.db.send(
        new UpdateCommand({
          TableName: cases,
          Key: { pk: 'P#2', sk: 'A#2' },
          UpdateExpression: 'SET nextCheckAt = :n',
          ExpressionAttributeValues: { ':n': '2026-12-02T00:00:00.000Z' },
        }),
      ),
    );
    expect(move.engine.indexWrites).toEqual({ [`${cases}/byDeadline`]: 2 });
    const cost = messageCost([{ ...move, messages: 1 }]);
    expect(cost.writeUnits).toBe(2 + 2);
    expect(cost.indexWriteUnits).toBe(2);
    expect(cost.writeUnitsByIndex).toEqual({ 'cases/byDeadline': 2 });
  });

  it("write a request's sent and answered marks to the enforcing court's index only", async () => {
    const request = {
      pk: 'P#3',
      sk: 'V#REQ-3',
      body: { requestId: 'REQ-3' },
      enforcingCourtId: 'FJ-LY-XL',
      prisonId: 'FJ-JY-01',
      dueAt: '2026-12-08T16:00:00.000Z',
      sent: false,
    };
    const put = await measure(() => dynamo.db.send(new PutCommand({ TableName: cases, Item: request })));
    expect(put.engine.indexWrites).toEqual({
      [`${cases}/requestsByEnforcingCourt`]: 1,
      [`${cases}/requestsByPrison`]: 1,
    });
    const answered = await measure(() =>
      dynamo.db.send(
        new UpdateCommand({
          TableName: cases,
          Key: { pk: 'P#3', sk: 'V#REQ-3' },
          UpdateExpression: 'SET sent = :t, answeredAt = :a',
          ExpressionAttributeValues: { ':t': true, ':a': '2026-12-02T01:00:00.000Z' },
        }),
      ),
    );
    // The prison's list shows what never changes; the court's index keeps the marks the
    // assessment counts (shared/resources/tables.ts).
    expect(answered.engine.indexWrites).toEqual({ [`${cases}/requestsByEnforcingCourt`]: 1 });
  });
});
