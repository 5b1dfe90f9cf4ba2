// The table rows of each section: every figure beside what it is judged against, with the
// issue's targets (reported, never asserted).
import { REASON_CODES } from '../shared/contract/reason-codes.ts';
import type { ColdStartResult } from './cold-start/bench.ts';
import type { MessageCost } from './cost/message-cost.ts';
import { CHINA_PRICES, PRICES, type ChinaPrice } from './cost/prices.ts';
import type { EngineResult } from './engine.ts';
import type { PipelineResult, Throughput } from './pipeline/bench.ts';
import { PACED_SHARE_OF_MAX } from './pipeline/round.ts';
import { fmt, type Row } from './report.ts';

export const TARGETS = {
  evaluationsPerSecond: 50_000,
  pipelineShareOfRaw: 0.8,
  freshnessP99Ms: 250,
  /** Cold start, against the SDK floor bundled the same way. */
  bundleTimesFloor: 1.5,
  importTimesFloor: 1.3,
  writeUnitsPerStatus: 6,
} as const;

export function engineRows(engine: EngineResult): Row[] {
  return [
    {
      section: 'engine',
      figure: 'evaluations per second (one core)',
      value: fmt(engine.evaluationsPerSecond),
      beside: `${fmt(engine.validationsPerSecond)} cases parsed and validated per second`,
      ratio: `${fmt(engine.ratio, 2)} × validation`,
      target: `≥ ${fmt(TARGETS.evaluationsPerSecond)}/s and ≥ 1 × validation`,
      met: engine.evaluationsPerSecond >= TARGETS.evaluationsPerSecond && engine.ratio >= 1,
    },
    {
      section: 'engine',
      figure: 'corpus',
      value: `${fmt(engine.cases)} cases, ${fmt(engine.messages)} messages`,
      beside: Object.entries(engine.decisions)
        .map(([d, n]) => `${d} ${fmt(n)}`)
        .join(', '),
      ratio: `${engine.reasonCodes} of ${REASON_CODES.length} reason codes`,
      target: '≥ 100,000 cases, all outcomes',
    },
  ];
}

function throughputRow(figure: string, t: Throughput, target: boolean): Row {
  const workers = [...new Set(t.rounds.map((r) => r.workers))].join('/');
  return {
    section: 'pipeline',
    figure,
    value: `${fmt(t.pipelinePerSecond, 1)}/s`,
    beside: `raw engine limit ${fmt(t.rawPerSecond, 1)}/s (same calls, no logic, ${workers} in flight)`,
    ratio: `${fmt(t.ratio * 100)}% of raw`,
    target: target ? `≥ ${fmt(TARGETS.pipelineShareOfRaw * 100)}% of raw` : '',
    ...(target ? { met: t.ratio >= TARGETS.pipelineShareOfRaw } : {}),
  };
}

export function pipelineRows(p: PipelineResult): Row[] {
  const { freshness } = p;
  return [
    throughputRow(`dossiers (${fmt(p.settings.dossiers)}, ${p.settings.rounds} round(s))`, p.dossiers, false),
    throughputRow(`status updates (${fmt(p.settings.statuses)})`, p.statuses, false),
    throughputRow('messages, dossiers and statuses together', p.combined, true),
    {
      section: 'pipeline',
      figure: `freshness: status sent → revised flag at the hearing court`,
      value: `p50 ${fmt(freshness.p50Ms)} ms, p99 ${fmt(freshness.p99Ms)} ms`,
      beside: `${fmt(freshness.samples)} statuses at ${fmt(freshness.offeredPerSecond, 1)}/s (${fmt(PACED_SHARE_OF_MAX * 100)}% of the max ${fmt(p.statuses.pipelinePerSecond, 1)}/s); max ${fmt(freshness.maxMs)} ms; inbound batching window ${fmt(p.inboundBatchingWindowSeconds, 1)} s`,
      ratio: `p99 ${fmt(freshness.p99Ms / TARGETS.freshnessP99Ms, 2)} × ${fmt(TARGETS.freshnessP99Ms)} ms`,
      target: `p99 < ${fmt(TARGETS.freshnessP99Ms)} ms`,
      met: freshness.p99Ms < TARGETS.freshnessP99Ms,
    },
  ];
}

export function coldStartRows(c: ColdStartResult): Row[] {
  const rows: Row[] = [];
  const references = `floor ${fmt(c.floor.bytes / 1024)} KB, empty handler ${fmt(c.empty.bytes / 1024, 1)} KB`;
  for (const f of c.functions) {
    const bundleRatio = f.bytes / c.floor.bytes;
    const importRatio = f.importMs / c.floor.importMs;
    rows.push({
      section: 'cold start',
      figure: `${f.name}: bundle`,
      value: `${fmt(f.bytes / 1024)} KB`,
      beside: `${references}; largest: ${f.largest
        .slice(0, 3)
        .map((l) => `${l.name} ${fmt(l.bytes / 1024)} KB`)
        .join(', ')}`,
      ratio: `${fmt(bundleRatio, 2)} × floor`,
      target: `≤ ${TARGETS.bundleTimesFloor} × floor`,
      met: bundleRatio <= TARGETS.bundleTimesFloor,
    });
    rows.push({
      section: 'cold start',
      figure: `${f.name}: import (fresh Node 24 process)`,
      value: `${fmt(f.importMs, 1)} ms (process ready at ${fmt(f.processMs)} ms)`,
      beside: `floor ${fmt(c.floor.importMs, 1)} ms (ready at ${fmt(c.floor.processMs)} ms), empty handler ${fmt(c.empty.importMs, 1)} ms; median of ${c.samples}`,
      ratio: `${fmt(importRatio, 2)} × floor`,
      target: `≤ ${TARGETS.importTimesFloor} × floor`,
      met: importRatio <= TARGETS.importTimesFloor,
    });
    if (f.firstCallMs !== undefined && c.floor.firstCallMs !== undefined)
      rows.push({
        section: 'cold start',
        figure: `${f.name}: first invocation (its first event)`,
        value: `${fmt(f.firstCallMs, 1)} ms`,
        beside: `floor's first call (one DynamoDB read, one SQS send) ${fmt(c.floor.firstCallMs, 1)} ms`,
        ratio: `${fmt(f.firstCallMs / c.floor.firstCallMs, 2)} × floor`,
        target: '',
      });
  }
  return rows;
}

function costRow(figure: string, cost: MessageCost, writeTarget: boolean): Row {
  return {
    section: 'cost',
    figure,
    value: `${fmt(cost.readUnits, 2)} RRU, ${fmt(cost.writeUnits, 2)} WRU (index ${fmt(cost.indexWriteUnits, 2)}), ${fmt(cost.sqsStandardRequests, 2)} SQS + ${fmt(cost.sqsFifoRequests, 2)} FIFO requests`,
    beside: `DynamoDB $${fmt(cost.usdPerMillion.dynamodbRead + cost.usdPerMillion.dynamodbWrite, 2)} + SQS $${fmt(cost.usdPerMillion.sqs, 2)} per million`,
    ratio: `$${fmt(cost.usdPerMillion.total, 2)} per million`,
    target: writeTarget ? `≤ ${TARGETS.writeUnitsPerStatus} WRU per status` : '',
    ...(writeTarget ? { met: cost.writeUnits <= TARGETS.writeUnitsPerStatus } : {}),
  };
}

export function costRows(p: PipelineResult): Row[] {
  return [
    costRow('per dossier', p.cost.dossier, false),
    costRow('per status update (steady, paced phase)', p.cost.status, true),
    costRow('per status update (burst, as fast as possible)', p.cost.statusBurst, false),
  ];
}

export function priceNote(): string {
  const { dynamodb, sqs } = PRICES;
  const china = CHINA_PRICES.flatMap((region) => [
    `${region.region} (${region.name}), CNY:`,
    ...Object.entries(region)
      .filter((entry): entry is [string, ChinaPrice] => typeof entry[1] === 'object')
      .map(
        ([item, p]) =>
          `  ${item}: ${p.cny === null ? 'unknown' : `¥${p.cny}`}${p.standIn ? ' (stand-in)' : ''}, ${p.source}, ${p.asOf}${p.note ? ` (${p.note})` : ''}`,
      ),
  ]);
  return [
    `Prices (${PRICES.currency}, ${PRICES.region}, as of ${PRICES.asOf}): DynamoDB on-demand $${dynamodb.usdPerMillionWriteUnits} per million write units, $${dynamodb.usdPerMillionReadUnits} per million read units; SQS $${sqs.usdPerMillionStandardRequests} per million standard and $${sqs.usdPerMillionFifoRequests} per million FIFO requests.`,
    `Source: ${PRICES.source} ${PRICES.note}`,
    ...china,
  ].join('\n');
}
