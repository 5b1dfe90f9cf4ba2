// National scale: generated registries synthesized offline, every template within 80% of
// CloudFormation's limits (resources, size, outputs) and every key policy within 80% of KMS's.
// 100 and 1,000 institutions here; 5,000 takes minutes on two cores, so `npm run bench`
// synthesizes it (bench/capacity/) and reports the same figures.
import { describe, expect, it } from 'vitest';
import {
  CLOUDFORMATION_LIMITS,
  KMS_KEY_POLICY_LIMIT_BYTES,
  LIMIT_MARGIN,
  measureSynth,
} from '../../bench/capacity/synth-scale.ts';
import { BUCKETS_PER_PROVINCE, groupOf } from '../../infra/institution-groups.ts';
import { generateRegistry } from '../../generators/registry.ts';

describe.each([100, 1000])('a registry of %i institutions', (size) => {
  const registry = generateRegistry(size);
  const measured = measureSynth(registry);

  it('synthesizes every template within 80% of each limit', () => {
    for (const t of measured.templates) {
      expect(t.resources, t.stack).toBeLessThanOrEqual(CLOUDFORMATION_LIMITS.resources * LIMIT_MARGIN);
      expect(t.bytes, t.stack).toBeLessThanOrEqual(CLOUDFORMATION_LIMITS.bytes * LIMIT_MARGIN);
      expect(t.outputs, t.stack).toBeLessThanOrEqual(CLOUDFORMATION_LIMITS.outputs * LIMIT_MARGIN);
      expect(t.largestKeyPolicyBytes, t.stack).toBeLessThanOrEqual(KMS_KEY_POLICY_LIMIT_BYTES * LIMIT_MARGIN);
    }
    expect(measured.worstShare).toBeLessThanOrEqual(LIMIT_MARGIN);
  });

  it('puts each institution in the stack of its province bucket, at most 8 a province', () => {
    const groups = new Set(registry.institutions.map(groupOf));
    expect(measured.stacks).toBe(groups.size + 2);
    const provinces = new Set(registry.institutions.map((i) => i.province));
    expect(groups.size).toBeLessThanOrEqual(provinces.size * BUCKETS_PER_PROVINCE);
    // The shared stacks do not grow with the registry.
    const shared = measured.templates.filter((t) => !t.stack.includes('-Institutions-'));
    expect(shared.map((t) => t.resources)).toEqual(
      measureSynth(generateRegistry(4))
        .templates.slice(0, 2)
        .map((t) => t.resources),
    );
  });
});

describe('stable placement', () => {
  it('never moves an institution when others are added: its group depends on its own id only', () => {
    const small = generateRegistry(100);
    const large = generateRegistry(1000);
    const largeGroups = new Map(large.institutions.map((i) => [i.id, groupOf(i)]));
    for (const inst of small.institutions) {
      if (largeGroups.has(inst.id)) expect(largeGroups.get(inst.id), inst.id).toBe(groupOf(inst));
    }
  });
});
