// The deployment at national scale: synthesize generated registries (generators/registry.ts)
// and report synth time, stacks, resources per institution and the fullest template against
// CloudFormation's limits, beside the ceiling of the single-stack design this replaced.
import { generateRegistry } from '../../generators/registry.ts';
import { fmt, type Row } from '../report.ts';
import { CLOUDFORMATION_LIMITS, LIMIT_MARGIN, measureSynth, type SynthMeasure } from './synth-scale.ts';

/**
 * Before the institution stacks, everything lived in one stateful stack: 417 resources with
 * 43 institutions, 53 failed synthesis with 509 > 500 (docs/capacity.md §7, measured 27 Nov
 * 2026 by synthesizing generated registries): a ceiling of 52 institutions.
 */
export const SINGLE_STACK_CEILING = 52;

export function benchCapacity(sizes: readonly number[], progress: (line: string) => void): SynthMeasure[] {
  return sizes.map((size) => {
    progress(`capacity: synthesizing a registry of ${fmt(size)} institutions ...`);
    return measureSynth(generateRegistry(size));
  });
}

export function capacityRows(measures: readonly SynthMeasure[]): Row[] {
  return measures.map((m) => {
    const institutionStacks = m.templates.filter((t) => t.stack.includes('-Institutions-'));
    const largest = Math.max(...m.templates.map((t) => t.resources));
    const biggestBytes = Math.max(...m.templates.map((t) => t.bytes));
    return {
      section: 'capacity',
      figure: `synth, ${fmt(m.institutions)} institutions (offline, no bundling)`,
      value: `${fmt(m.synthMs / 1000, 1)} s, ${fmt(m.stacks)} stacks, ${fmt(m.totalResources)} resources`,
      beside: `${fmt(institutionStacks.reduce((s, t) => s + t.resources, 0) / m.institutions, 2)} resources per institution; fullest template ${largest} resources, ${fmt(biggestBytes / 1024)} KB; single-stack ceiling ${SINGLE_STACK_CEILING} institutions`,
      ratio: `${fmt(m.institutions / SINGLE_STACK_CEILING, 1)} × the old ceiling; fullest at ${fmt(m.worstShare * 100)}% of a limit`,
      target: `every template ≤ ${LIMIT_MARGIN * 100}% of ${CLOUDFORMATION_LIMITS.resources} resources, 1 MB, ${CLOUDFORMATION_LIMITS.outputs} outputs`,
      met: m.worstShare <= LIMIT_MARGIN,
    };
  });
}
