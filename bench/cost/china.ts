// What a million messages cost in the China regions: the measured usage of each message
// (message-cost.ts) at the CNY prices of prices.ts, part by part. A part whose price is
// unknown is left out of the total and named; a stand-in price is named too.
import { fmt, type Row } from '../report.ts';
import type { MessageCost } from './message-cost.ts';
import { NATIONAL_MESSAGES_PER_YEAR, NATIONAL_VOLUME, type MeasuredMessage } from './national-volume.ts';
import { CHINA_PRICES, type ChinaPrice, type ChinaRegionPrices } from './prices.ts';

const BYTES_PER_GB = 1024 ** 3;

export interface ChinaCost {
  /** CNY per million messages, by part; unknown prices are absent. */
  readonly parts: Readonly<Record<string, number>>;
  readonly total: number;
  /** Parts with no known price (and so not in the total). */
  readonly unpriced: readonly string[];
  /** Parts priced with a borrowed figure. */
  readonly standIns: readonly string[];
}

/** Each billed part of a message: its usage per message and its price per unit of usage. */
function lines(
  cost: MessageCost,
  p: ChinaRegionPrices,
): { part: string; usage: number; price: ChinaPrice; per: number }[] {
  return [
    { part: 'DynamoDB writes', usage: cost.writeUnits, price: p.dynamodbPerMillionWriteUnits, per: 1e6 },
    { part: 'DynamoDB reads', usage: cost.readUnits, price: p.dynamodbPerMillionReadUnits, per: 1e6 },
    { part: 'SQS', usage: cost.sqsStandardRequests, price: p.sqsPerMillionStandardRequests, per: 1e6 },
    { part: 'SQS FIFO', usage: cost.sqsFifoRequests, price: p.sqsPerMillionFifoRequests, per: 1e6 },
    { part: 'Lambda GB-s', usage: cost.lambdaGbSeconds, price: p.lambdaPerGbSecondArm, per: 1 },
    { part: 'Lambda requests', usage: cost.lambdaInvocations, price: p.lambdaPerMillionRequests, per: 1e6 },
    { part: 'KMS', usage: cost.kmsRequestsNoReuse, price: p.kmsPer10kRequests, per: 1e4 },
    { part: 'logs', usage: cost.logBytes / BYTES_PER_GB, price: p.logsPerGbIngested, per: 1 },
  ];
}

export function chinaCost(cost: MessageCost, prices: ChinaRegionPrices): ChinaCost {
  const parts: Record<string, number> = {};
  const unpriced: string[] = [];
  const standIns: string[] = [];
  for (const { part, usage, price, per } of lines(cost, prices)) {
    if (price.cny === null) {
      if (usage > 0) unpriced.push(part);
      continue;
    }
    if (price.standIn) standIns.push(part);
    // Usage per message × 1,000,000 messages ÷ the price's unit.
    parts[part] = ((usage * 1e6) / per) * price.cny;
  }
  const total = Object.values(parts).reduce((sum, v) => sum + v, 0);
  return { parts, total, unpriced, standIns };
}

const yuan = (value: number) => `¥${fmt(value, value < 10 ? 2 : 0)}`;

function usageLine(cost: MessageCost): string {
  return [
    `${fmt(cost.writeUnits, 2)} WRU`,
    `${fmt(cost.readUnits, 2)} RRU`,
    `${fmt(cost.sqsStandardRequests, 2)} SQS + ${fmt(cost.sqsFifoRequests, 2)} FIFO requests`,
    `${fmt(cost.lambdaInvocations, 2)} invocations, ${fmt(cost.lambdaGbSeconds, 3)} GB-s`,
    `≤ ${fmt(cost.kmsRequestsNoReuse, 1)} KMS requests`,
    `${fmt(cost.logBytes / 1024, 2)} KiB of logs`,
  ].join(', ');
}

function caveats(c: ChinaCost): string {
  return [
    c.unpriced.length > 0 ? `not priced: ${c.unpriced.join(', ')}` : '',
    c.standIns.length > 0 ? `stand-in prices: ${c.standIns.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface MeasuredCosts {
  readonly dossier: MessageCost;
  readonly status: MessageCost;
  readonly statusBurst: MessageCost;
}

export function chinaCostRows(costs: MeasuredCosts): Row[] {
  const rows: Row[] = [];
  const kinds: [string, MessageCost][] = [
    ['per million dossiers', costs.dossier],
    ['per million status updates (steady)', costs.status],
  ];
  for (const prices of CHINA_PRICES) {
    for (const [figure, cost] of kinds) {
      const c = chinaCost(cost, prices);
      rows.push({
        section: 'china-cost',
        figure: `${prices.region}: ${figure}`,
        value: `${yuan(c.total)}${c.unpriced.length > 0 ? ' + unpriced parts' : ''}`,
        beside: Object.entries(c.parts)
          .map(([part, value]) => `${part} ${yuan(value)}`)
          .join(', '),
        ratio: `per message: ${usageLine(cost)}${caveats(c) ? `; ${caveats(c)}` : ''}`,
        target: '',
      });
    }
    const measured: Record<MeasuredMessage, ChinaCost> = {
      dossier: chinaCost(costs.dossier, prices),
      status: chinaCost(costs.status, prices),
    };
    const yearly = NATIONAL_VOLUME.reduce((sum, v) => sum + (v.perYear / 1e6) * measured[v.pricedAs].total, 0);
    rows.push({
      section: 'china-cost',
      figure: `${prices.region}: a year at the national volume (messages only)`,
      value: `${yuan(yearly)}${measured.status.unpriced.length > 0 ? ' + unpriced parts' : ''}`,
      beside: NATIONAL_VOLUME.map((v) => `${fmt(v.perYear / 1e6, 1)} M ${v.what} as ${v.pricedAs}`).join(', '),
      ratio: `${yuan(yearly / (NATIONAL_MESSAGES_PER_YEAR / 1e6))} per million messages on average`,
      target: '',
    });
  }
  return rows;
}
