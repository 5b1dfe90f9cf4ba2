// What each reliability test file measured, left as JSON in the results folder, and the one
// summary line test/reliability/run.ts prints from all of them at the end of a run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reliabilitySettings } from './settings.ts';

export interface Figures {
  /** Faults that reached handler code: errors past the SDK's retries, failed batch entries, kills, restarts. */
  readonly faultsReachedHandlers?: number;
  /** Injected failed attempts (throttling, 5xx, lost replies) the SDK's own retries absorbed. */
  readonly faultsAbsorbed?: number;
  /** Inbound messages sent through the queues by the fault run. */
  readonly messages?: number;
  /** Messages that reached a dead-letter queue in an outage and were recovered by the redrive tool. */
  readonly redriven?: number;
  /** Effects of accepted messages missing at the end (statuses, dossiers, rulings, flags, requests). */
  readonly lost?: number;
  /** Applications whose last flag or stored decision differs from the engine's on the same final facts. */
  readonly engineMismatches?: number;
  readonly fuzzInputs?: number;
  /** Hostile inputs that failed a handler, hung, changed state or went unanswered. */
  readonly crashes?: number;
  readonly spoofsRejected?: number;
  readonly spoofsSent?: number;
}

export interface PartFigures {
  readonly part: string;
  readonly figures: Figures;
  readonly details: readonly string[];
  readonly seconds: number;
}

/** Leaves this part's figures for the summary, and prints its detail lines. */
export function recordFigures(part: string, figures: Figures, details: readonly string[], seconds: number): void {
  for (const line of details) console.log(`reliability ${part}: ${line}`);
  const dir = reliabilitySettings().resultsDir;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const record: PartFigures = { part, figures, details, seconds };
  writeFileSync(join(dir, `${part}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

export function readFigures(dir: string): PartFigures[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as PartFigures);
}

export function totalOf(parts: readonly PartFigures[]): Required<Figures> {
  const sum = (key: keyof Figures) => parts.reduce((total, part) => total + (part.figures[key] ?? 0), 0);
  return {
    faultsReachedHandlers: sum('faultsReachedHandlers'),
    faultsAbsorbed: sum('faultsAbsorbed'),
    messages: sum('messages'),
    redriven: sum('redriven'),
    lost: sum('lost'),
    engineMismatches: sum('engineMismatches'),
    fuzzInputs: sum('fuzzInputs'),
    crashes: sum('crashes'),
    spoofsRejected: sum('spoofsRejected'),
    spoofsSent: sum('spoofsSent'),
  };
}

/**
 * `faults 900 (reached handlers 300, absorbed by SDK retries 600), messages 1500, redriven 20, lost 0,
 *  pipeline vs engine mismatches 0, fuzz inputs 2500, crashes 0, spoofs rejected 300/300`
 */
export function summaryLine(total: Required<Figures>): string {
  return [
    `faults ${total.faultsReachedHandlers + total.faultsAbsorbed} (reached handlers ${total.faultsReachedHandlers}, absorbed by SDK retries ${total.faultsAbsorbed})`,
    `messages ${total.messages}`,
    `redriven ${total.redriven}`,
    `lost ${total.lost}`,
    `pipeline vs engine mismatches ${total.engineMismatches}`,
    `fuzz inputs ${total.fuzzInputs}`,
    `crashes ${total.crashes}`,
    `spoofs rejected ${total.spoofsRejected}/${total.spoofsSent}`,
  ].join(', ');
}
