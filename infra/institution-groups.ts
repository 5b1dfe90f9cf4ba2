// Which stack each institution's resources live in. Institutions are grouped by province,
// then spread over a fixed number of buckets by a hash of their id, so an institution's
// stack never changes when others are added or removed: moving a retained, named queue from
// one stack to another would fail ("already exists"). Each bucket stays well inside
// CloudFormation's limits for the registries tested (test/infra/scale.test.ts: 5,000
// institutions, every template ≤ 80% of each limit).
import type { Institution, Registry } from '../shared/resources/registry.ts';

/** Buckets per province; changing it moves institutions between stacks (a migration). */
export const BUCKETS_PER_PROVINCE = 8;

/** FNV-1a, 32 bits: stable across runs, machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(text, 'utf8')) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function groupOf(institution: Institution): string {
  return `${institution.province}-${fnv1a(institution.id) % BUCKETS_PER_PROVINCE}`;
}

/** Non-empty groups, sorted by name, each with its institutions in registry order. */
export function institutionGroups(registry: Registry): Map<string, Institution[]> {
  const groups = new Map<string, Institution[]>();
  for (const institution of registry.institutions) {
    const group = groupOf(institution);
    groups.set(group, [...(groups.get(group) ?? []), institution]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}
