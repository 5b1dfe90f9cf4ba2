// The empty-flush warning is dropped only where metrics are off (local mode), nowhere else.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '../../../shared/powertools/metrics.ts';

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
afterEach(() => {
  vi.unstubAllEnvs();
  warn.mockClear();
});

describe('the metrics flush of an invocation that counted nothing', () => {
  it('says nothing where metrics are off', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    metrics.publishStoredMetrics();
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('No application metrics to publish'));
  });
  it('still warns where metrics are on', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    metrics.publishStoredMetrics();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('No application metrics to publish'));
  });
});
