// Counts what the functions write to their logs while a phase is measured: the Powertools
// logger's JSON lines and the metrics' EMF lines, as CloudWatch Logs would ingest them. The
// functions run in this process, so their output passes through process.stdout; counted
// lines are swallowed (the bench prints its own report), every other line passes through.
// Local mode runs overlapping invocations of a function on one module, so one invocation's
// flush can publish another's metrics, and the other then warns that it has none (on stderr).
// On Lambda each would have printed its own EMF document: each such warning counts as one
// document of the phase's mean EMF size (message-cost.ts).

// Not from metrics.ts: importing that here would build the metrics instance before the local
// service sets its namespace.
import { EMPTY_FLUSH_WARNING } from '../../shared/powertools/metric-warnings.ts';
import { POWERTOOLS_ENVIRONMENT } from '../../shared/resources/functions.ts';

const DEPLOYED_NAMESPACE = `"Namespace":"${POWERTOOLS_ENVIRONMENT.POWERTOOLS_METRICS_NAMESPACE}"`;

/**
 * PutLogEvents sizes a batch as its messages plus 26 bytes per event (its API reference); the
 * bench counts events that way, though the price pages do not say ingestion bills the 26 bytes.
 */
export const LOG_EVENT_OVERHEAD_BYTES = 26;

/**
 * What Lambda itself writes per invocation in the text log format: START, END and REPORT (a
 * cold start's REPORT adds an Init Duration). Written here in the shape Lambda prints them, not
 * captured from a deployed function.
 */
const PLATFORM_LINES = [
  'START RequestId: 6f3b1c2e-8d4a-4f6e-9b1a-2c3d4e5f6a7b Version: $LATEST',
  'END RequestId: 6f3b1c2e-8d4a-4f6e-9b1a-2c3d4e5f6a7b',
  'REPORT RequestId: 6f3b1c2e-8d4a-4f6e-9b1a-2c3d4e5f6a7b\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB\t',
];
export const PLATFORM_LOG_EVENTS_PER_INVOCATION = PLATFORM_LINES.length;
export const PLATFORM_LOG_BYTES_PER_INVOCATION = PLATFORM_LINES.reduce(
  (sum, line) => sum + Buffer.byteLength(line, 'utf8') + LOG_EVENT_OVERHEAD_BYTES,
  0,
);

export interface LogVolume {
  /** Logger lines. */
  events: number;
  bytes: number;
  /** EMF metrics documents. */
  metricEvents: number;
  metricBytes: number;
  /** Flushes that found their metrics already published by an overlapping invocation. */
  emptyFlushes: number;
  /**
   * EMF documents without the deployed namespace: the metrics instance was built before the
   * local service set its environment, so the run does not measure the service as deployed.
   */
  undeployedNamespace: number;
}

export const emptyLogVolume = (): LogVolume => ({
  events: 0,
  bytes: 0,
  metricEvents: 0,
  metricBytes: 0,
  emptyFlushes: 0,
  undeployedNamespace: 0,
});

type Write = typeof process.stdout.write;

type LineKind = 'metrics' | 'logger' | 'emptyFlush' | undefined;

/** Which function output a line is, if any. */
function kindOf(line: string): LineKind {
  if (line.startsWith('{') && line.includes('"_aws":{')) return 'metrics';
  if (line.startsWith('{') && line.includes('"service":"linkage"')) return 'logger';
  if (line.startsWith(EMPTY_FLUSH_WARNING)) return 'emptyFlush';
  return undefined;
}

function count(volume: LogVolume, kind: Exclude<LineKind, undefined>, line: string): void {
  const bytes = Buffer.byteLength(line, 'utf8') + LOG_EVENT_OVERHEAD_BYTES;
  if (kind === 'metrics') {
    if (!line.includes(DEPLOYED_NAMESPACE)) volume.undeployedNamespace += 1;
    volume.metricEvents += 1;
    volume.metricBytes += bytes;
  } else if (kind === 'logger') {
    volume.events += 1;
    volume.bytes += bytes;
  } else volume.emptyFlushes += 1;
}

/** Starts counting into whatever `sink` returns at the time of each line; returns the undo. */
export function countFunctionLogs(sink: () => LogVolume | undefined): () => void {
  const undo = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    const passThrough = original.bind(stream) as (chunk: string) => boolean;
    let partial = '';
    const write = (chunk: unknown, ...rest: unknown[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const kind = kindOf(line);
        const volume = sink();
        if (kind === undefined) passThrough(`${line}\n`);
        else if (volume) count(volume, kind, line);
      }
      rest.find((arg): arg is () => void => typeof arg === 'function')?.();
      return true;
    };
    stream.write = write as Write;
    return () => {
      stream.write = original;
      if (partial) passThrough(partial);
    };
  });
  return () => undo.forEach((restore) => restore());
}
