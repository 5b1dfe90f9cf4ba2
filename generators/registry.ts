// Generated national registries: N institutions in the country's proportions (docs/capacity.md
// §2: ~3,500 enforcing courts, ~440 hearing courts, ~680 prisons each with its stationed
// procuratorate), spread over every province in turn, each with an account of its own.
// Used by the scale tests, the integration test at scale, the bench and
// `node scripts/generate-registry.ts N FILE`.
import { PROVINCE_CODES } from '../shared/resources/provinces.ts';
import { parseRegistry, type Institution, type Registry } from '../shared/resources/registry.ts';

export const NATIONAL_SHARES = { PRISON: 680 / 5300, HEARING_COURT: 440 / 5300 } as const;

export function generateRegistry(size: number, serviceAccountId = '000000000000'): Registry {
  if (!Number.isInteger(size) || size < 4)
    throw new Error(`a generated registry needs at least 4 institutions, not ${size}`);
  const prisons = Math.max(1, Math.round(size * NATIONAL_SHARES.PRISON));
  const hearing = Math.max(1, Math.round(size * NATIONAL_SHARES.HEARING_COURT));
  const enforcing = size - 2 * prisons - hearing;
  if (enforcing < 1) throw new Error(`${size} institutions leave no enforcing court`);
  const institutions: Institution[] = [];
  const province = (n: number) => PROVINCE_CODES[n % PROVINCE_CODES.length]!;
  const add = (inst: Omit<Institution, 'accountId' | 'roleName'>) =>
    institutions.push({
      ...inst,
      // 7 then 11 digits: unique, and not the placeholder pattern.
      accountId: `7${String(institutions.length + 1).padStart(11, '0')}`,
      roleName: 'linkage-connector',
    });
  for (let n = 0; n < prisons; n += 1) {
    const p = province(n);
    add({
      id: `${p}-JC-P${n}`,
      kind: 'PROCURATORATE',
      name: `Procuratorate at prison ${n}`,
      nameZh: `驻第${n}监狱检察室`,
      province: p,
    });
    add({
      id: `${p}-P${n}`,
      kind: 'PRISON',
      name: `Prison ${n}`,
      nameZh: `第${n}监狱`,
      province: p,
      procuratorateId: `${p}-JC-P${n}`,
    });
  }
  for (let n = 0; n < hearing; n += 1) {
    const p = province(n);
    add({
      id: `${p}-ZY${n}`,
      kind: 'HEARING_COURT',
      name: `Intermediate court ${n}`,
      nameZh: `第${n}中级人民法院`,
      province: p,
    });
  }
  for (let n = 0; n < enforcing; n += 1) {
    const p = province(n);
    add({
      id: `${p}-FY${n}`,
      kind: 'ENFORCING_COURT',
      name: `Basic court ${n}`,
      nameZh: `第${n}基层人民法院`,
      province: p,
    });
  }
  return parseRegistry({ service: { id: 'LINKAGE', accountId: serviceAccountId }, institutions }, `generated(${size})`);
}
