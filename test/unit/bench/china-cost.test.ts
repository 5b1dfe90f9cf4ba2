// Lambda, KMS and log usage per message, and how the China prices turn usage into yuan.
import { describe, expect, it } from 'vitest';
import { chinaCost } from '../../../bench/cost/china.ts';
import { messageCost } from '../../../bench/cost/message-cost.ts';
import { CHINA_PRICES, PRICES, type ChinaRegionPrices } from '../../../bench/cost/prices.ts';
import { CallLog } from '../../../bench/pipeline/call-log.ts';
import { emptyEngineUnits } from '../../../bench/pipeline/engine-capacity.ts';
import { PLATFORM_LOG_BYTES_PER_INVOCATION, emptyLogVolume } from '../../../bench/pipeline/log-volume.ts';
import { FUNCTION_MEMORY_MB } from '../../../shared/resources/functions.ts';

const send = (action: string, input: Record<string, unknown> = {}) => ({
  service: 'sqs' as const,
  caller: 'functions' as const,
  action,
  input: { QueueUrl: 'http://x/000/linkage-local-out-A', ...input },
  startMs: 0,
  durationMs: 1,
  billedRequests: 1,
});

describe('usage per message beyond DynamoDB and SQS', () => {
  const log = new CallLog();
  log.records.push(send('SendMessage'), send('SendMessageBatch', { Entries: [{}, {}, {}] }), send('DeleteMessage'));
  const cost = messageCost([
    {
      log,
      engine: emptyEngineUnits(),
      messages: 2,
      handlers: {
        evaluate: { invocations: 2, records: 2, ms: 300 },
        'ingest-status': { invocations: 1, records: 2, ms: 100 },
      },
      logs: { ...emptyLogVolume(), events: 4, bytes: 1000, metricEvents: 2, metricBytes: 600, emptyFlushes: 1 },
    },
  ]);

  it('takes invocations and GB-seconds at the deployed memory from the handlers', () => {
    expect(cost.lambdaInvocations).toBe(1.5);
    expect(cost.lambdaGbSeconds).toBeCloseTo((0.4 / 2) * (FUNCTION_MEMORY_MB / 1024));
  });

  it('bounds KMS by three requests per message sent, and counts no other call', () => {
    expect(cost.kmsRequestsNoReuse).toBe((3 * 4) / 2);
  });

  it("counts each flush that found nothing as one metrics document of the mean size, and Lambda's own lines", () => {
    const functionBytes = 1000 + 600 + 300;
    expect(cost.logBytes).toBeCloseTo((functionBytes + 3 * PLATFORM_LOG_BYTES_PER_INVOCATION) / 2);
    expect(cost.logEvents).toBe((4 + 3 + 3 * 3) / 2);
  });
});

describe('China prices', () => {
  const usage = messageCost([{ log: new CallLog(), engine: emptyEngineUnits(), messages: 1 }]);
  const known = { cny: 2, source: 'test', asOf: '2026-11-30' };
  const prices: ChinaRegionPrices = {
    region: 'cn-northwest-1',
    name: 'test',
    dynamodbPerMillionWriteUnits: known,
    dynamodbPerMillionReadUnits: { cny: null, source: 'not found', asOf: '—' },
    sqsPerMillionStandardRequests: { ...known, standIn: true },
    sqsPerMillionFifoRequests: { cny: null, source: 'not found', asOf: '—' },
    lambdaPerGbSecondArm: { cny: 0.0001, source: 'test', asOf: '—' },
    lambdaPerMillionRequests: known,
    kmsPer10kRequests: { cny: 0.5, source: 'test', asOf: '—' },
    logsPerGbIngested: { cny: 6, source: 'test', asOf: '—' },
  };

  it('prices each part per million messages, and names unpriced parts and stand-ins', () => {
    const c = chinaCost(
      {
        ...usage,
        writeUnits: 10,
        readUnits: 1,
        sqsStandardRequests: 3,
        sqsFifoRequests: 0,
        lambdaGbSeconds: 0.05,
        lambdaInvocations: 2,
        kmsRequestsNoReuse: 6,
        logBytes: 1024 ** 3 / 1e6,
      },
      prices,
    );
    expect(c.parts).toEqual({
      'DynamoDB writes': 20,
      SQS: 6,
      'Lambda GB-s': expect.closeTo(5, 9),
      'Lambda requests': 4,
      KMS: 300,
      logs: expect.closeTo(6, 9),
    });
    expect(c.total).toBeCloseTo(341);
    // Unpriced only where there is usage: no FIFO requests here.
    expect(c.unpriced).toEqual(['DynamoDB reads']);
    expect(c.standIns).toEqual(['SQS']);
  });

  it('every China figure names its source and date, and a stand-in says what it stands in for', () => {
    for (const region of CHINA_PRICES) {
      for (const [item, price] of Object.entries(region)) {
        if (typeof price !== 'object') continue;
        expect(price.source, `${region.region} ${item}`).not.toBe('');
        expect(price.asOf, `${region.region} ${item}`).not.toBe('');
        if (price.standIn) expect(price.note, `${region.region} ${item}`).toBeTruthy();
      }
    }
  });

  it('prices FIFO requests, where no CNY price was found, at the standard price times the us-east-1 ratio', () => {
    const ratio = PRICES.sqs.usdPerMillionFifoRequests / PRICES.sqs.usdPerMillionStandardRequests;
    for (const region of CHINA_PRICES) {
      const fifo = region.sqsPerMillionFifoRequests;
      expect(fifo.standIn, region.region).toBe(true);
      expect(fifo.cny, region.region).toBeCloseTo(region.sqsPerMillionStandardRequests.cny! * ratio, 4);
    }
  });
});
