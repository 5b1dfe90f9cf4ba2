// Whose figures each user may read: an institution its own, a provincial administrator every
// assessed institution of its province (and the linkage's), never another province's.
import { describe, expect, it } from 'vitest';
import { scopeOf, assessableIds } from '../../../api/views/assessment-scope.ts';
import { principalOf } from '../../../api/auth/principal.ts';
import { generateRegistry } from '../../../generators/registry.ts';

const registry = generateRegistry(40);
const provinces = [...new Set(registry.institutions.map((i) => i.province))];
const claims = (institution: string, role: string) => ({ sub: 'u', institution, role });

describe('assessment scope', () => {
  it('the generated registry spans several provinces (else this test proves nothing)', () => {
    expect(provinces.length).toBeGreaterThan(1);
  });

  it("a provincial administrator reads exactly the province's enforcing courts, prisons and hearing courts, and the linkage", () => {
    for (const province of provinces) {
      const admin = principalOf(claims(province, 'PROVINCIAL_ADMIN'), registry);
      if (typeof admin === 'string') throw new Error(admin);
      const expected = registry.institutions
        .filter((i) => i.province === province && i.kind !== 'PROCURATORATE')
        .map((i) => i.id);
      expect(assessableIds(admin, registry).sort()).toEqual([...expected, registry.service.id].sort());
      const elsewhere = registry.institutions.find((i) => i.province !== province && i.kind === 'PRISON')!;
      expect(scopeOf(admin, registry, elsewhere.id)).toBeUndefined();
      expect(scopeOf(admin, registry, expected[0])).toEqual([expected[0]]);
    }
  });

  it('an institution reads its own figures only; a procuratorate none', () => {
    for (const inst of registry.institutions) {
      const role = inst.kind === 'PROCURATORATE' ? 'PROCURATOR' : 'ADMINISTRATOR';
      const user = principalOf(claims(inst.id, role), registry);
      if (typeof user === 'string') throw new Error(user);
      const other = registry.institutions.find((i) => i.id !== inst.id)!;
      expect(scopeOf(user, registry, other.id)).toBeUndefined();
      expect(scopeOf(user, registry, undefined)).toEqual(inst.kind === 'PROCURATORATE' ? undefined : [inst.id]);
    }
  });

  it('a province the registry does not have, or an institution id, names no provincial administrator', () => {
    const unused = ['BJ', 'XZ', 'QH', 'HI'].find((p) => !provinces.includes(p as never))!;
    expect(principalOf(claims(unused, 'PROVINCIAL_ADMIN'), registry)).toMatch(/not a province of the registry/);
    expect(principalOf(claims(registry.institutions[0]!.id, 'PROVINCIAL_ADMIN'), registry)).toMatch(/not a province/);
  });
});
