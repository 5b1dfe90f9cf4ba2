// The institutions registry's checks: schema, then references. Each rule fails with a
// message naming the entry (index and id) and the field.
import { describe, expect, it } from 'vitest';
import registryJson from '../../../config/institutions.json' with { type: 'json' };
import {
  isPlaceholderAccount,
  parseRegistry,
  placeholderAccounts,
  RegistryError,
} from '../../../shared/resources/registry.ts';
import { generateRegistry } from '../../../generators/registry.ts';

type Entry = Record<string, unknown>;

function problemsOf(edit: (institutions: Entry[]) => void): readonly string[] {
  const json = structuredClone(registryJson) as { institutions: Entry[] };
  edit(json.institutions);
  try {
    parseRegistry(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as RegistryError).problems;
  }
  throw new Error('the registry was accepted');
}

describe('institutions registry', () => {
  it('accepts the example registry and generated national ones', () => {
    expect(parseRegistry(registryJson).institutions).toHaveLength(8);
    expect(generateRegistry(1000).institutions).toHaveLength(1000);
  });

  it('refuses a repeated id, naming both entries', () => {
    expect(problemsOf((i) => (i[1]!.id = 'FJ-P01'))).toEqual([
      'institutions.1 (FJ-P01).id: id FJ-P01 is already used by institutions.0 (FJ-P01)',
    ]);
  });

  it('refuses a repeated AWS account: institutions sharing one could act as each other', () => {
    expect(problemsOf((i) => (i[3]!.accountId = '111111111101'))).toEqual([
      'institutions.3 (FJ-LY-ZP).accountId: account 111111111101 is already used by institutions.0 (FJ-P01)',
    ]);
  });

  it('refuses a prison whose procuratorate is missing, unknown, or not a PROCURATORATE', () => {
    expect(problemsOf((i) => delete i[0]!.procuratorateId)).toEqual([
      'institutions.0 (FJ-P01).procuratorateId: a PRISON must name the PROCURATORATE stationed at it',
    ]);
    expect(problemsOf((i) => (i[0]!.procuratorateId = 'FJ-JC-P99'))).toEqual([
      'institutions.0 (FJ-P01).procuratorateId: FJ-JC-P99 is not in the registry',
    ]);
    expect(problemsOf((i) => (i[0]!.procuratorateId = 'FJ-LY-ZY'))).toEqual([
      'institutions.0 (FJ-P01).procuratorateId: FJ-LY-ZY is a HEARING_COURT, not a PROCURATORATE',
    ]);
    expect(problemsOf((i) => (i[2]!.procuratorateId = 'FJ-JC-P01'))).toEqual([
      'institutions.2 (FJ-LY-XL).procuratorateId: only a PRISON names a procuratorate, not a ENFORCING_COURT',
    ]);
  });

  it('refuses an unknown kind', () => {
    expect(problemsOf((i) => (i[2]!.kind = 'COURT'))).toEqual([
      'institutions.2 (FJ-LY-XL).kind: must be one of PRISON, ENFORCING_COURT, HEARING_COURT, PROCURATORATE',
    ]);
  });

  it('refuses a missing or unknown province code', () => {
    expect(problemsOf((i) => delete i[4]!.province)).toEqual([
      'institutions.4 (FJ-XM-SM).province: must be a province code such as FJ (see shared/resources/provinces.ts)',
    ]);
    expect(problemsOf((i) => (i[4]!.province = 'XX'))).toEqual([
      'institutions.4 (FJ-XM-SM).province: must be a province code such as FJ (see shared/resources/provinces.ts)',
    ]);
  });

  it('refuses a bad account id, role name or role id, and unknown fields', () => {
    expect(
      problemsOf((i) => {
        i[5]!.accountId = '12345';
        i[5]!.roleName = 'has spaces';
        i[5]!.rolePrincipalId = 'AIDAUSER';
        i[5]!.colour = 'red';
      }),
    ).toEqual([
      'institutions.5 (FJ-LY-ZY).accountId: must be a 12-digit AWS account id',
      'institutions.5 (FJ-LY-ZY).roleName: must be an IAM role name such as linkage-sender',
      'institutions.5 (FJ-LY-ZY).rolePrincipalId: must be an IAM role id (AROA…)',
      'institutions.5 (FJ-LY-ZY).colour: is not a registry field',
    ]);
  });

  it("refuses an institution in the service's own account", () => {
    expect(problemsOf((i) => (i[6]!.accountId = '000000000000'))).toEqual([
      "institutions.6 (FJ-JC-P01).accountId: account 000000000000 is the service's own account",
    ]);
  });

  it('says which file is wrong, one problem a line', () => {
    const json = structuredClone(registryJson) as { institutions: Entry[] };
    json.institutions[1]!.id = 'FJ-P01';
    expect(() => parseRegistry(json, 'config/x.json')).toThrow(
      'config/x.json is not a valid institutions registry:\n  institutions.1 (FJ-P01).id: id FJ-P01 is already used by institutions.0 (FJ-P01)',
    );
  });

  it('finds placeholder accounts, and not real-looking ones', () => {
    expect(['000000000000', '111111111101', '444444444402', '123456789012'].map(isPlaceholderAccount)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['210987654321', '700000000001'].map(isPlaceholderAccount)).toEqual([false, false]);
    expect(placeholderAccounts(parseRegistry(registryJson))).toHaveLength(9);
    expect(placeholderAccounts(generateRegistry(100, '210987654321'))).toEqual([]);
  });
});
