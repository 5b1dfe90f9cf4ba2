// The bench's count of what the functions log: their lines are counted and kept off the
// terminal; every other line still reaches it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countFunctionLogs, emptyLogVolume, LOG_EVENT_OVERHEAD_BYTES } from '../../../bench/pipeline/log-volume.ts';

describe('counting function logs', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('counts logger, metrics and empty-flush lines into the phase under way (and metrics without the deployed namespace), and passes the rest on', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const volume = emptyLogVolume();
    let phase: typeof volume | undefined = volume;
    stop = countFunctionLogs(() => phase);
    const logger = '{"level":"INFO","message":"message accepted","service":"linkage"}';
    const metrics = '{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"Linkage"}]},"RecordsReceived":1}';
    // What an instance built before the service set POWERTOOLS_METRICS_NAMESPACE prints.
    const undeployed = metrics.replace('Linkage', 'default_namespace');
    process.stdout.write(`${logger}\n${metrics}\n${undeployed}\nbench progress\n`);
    process.stderr.write('No application metrics to publish. The cold-start metric may be published\n');
    phase = undefined;
    process.stdout.write(`${logger}\n`);
    stop();
    stop = undefined;
    spy.mockRestore();

    expect(volume).toEqual({
      events: 1,
      bytes: logger.length + LOG_EVENT_OVERHEAD_BYTES,
      metricEvents: 2,
      metricBytes: metrics.length + undeployed.length + 2 * LOG_EVENT_OVERHEAD_BYTES,
      emptyFlushes: 1,
      undeployedNamespace: 1,
    });
    expect(written).toEqual(['bench progress\n']);
  });
});
