// The case list's missing materials: one batched read of the listed revisions' flags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingMaterialsOf, putRevision } from '../../../shared/storage/decision-store.ts';
import { dossier, flagOf } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

let dynamo: LocalDynamo;
const DECISIONS = testTableName('decisions');

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

describe('missingMaterialsOf', () => {
  it('returns what each named revision says is missing, and nothing for revisions not recorded', async () => {
    const flag = flagOf({ messages: [dossier({ applicationId: 'APP-MAT-1', assetDeclaration: null })] });
    expect(flag.missingMaterials).toContain('ASSET_DECLARATION');
    const complete = flagOf({ messages: [dossier({ applicationId: 'APP-MAT-2' })] });
    for (const [applicationId, f] of [
      ['APP-MAT-1', flag],
      ['APP-MAT-2', complete],
    ] as const)
      await putRevision(dynamo.db, DECISIONS, {
        applicationId,
        revision: 3,
        flag: f,
        fingerprint: 'f',
        trigger: 't',
        recordedAt: f.evaluatedAt,
      });
    // 150 keys, more than one BatchGetItem takes; the recorded two come in the second batch.
    const asked = [
      ...Array.from({ length: 148 }, (_, i) => ({ applicationId: `APP-NONE-${i}`, revision: 1 })),
      { applicationId: 'APP-MAT-1', revision: 3 },
      { applicationId: 'APP-MAT-2', revision: 3 },
    ];
    const found = await missingMaterialsOf(dynamo.db, DECISIONS, asked);
    expect(found.get('APP-MAT-1')).toEqual(flag.missingMaterials);
    expect(found.get('APP-MAT-2')).toEqual(complete.missingMaterials);
    expect(found.size).toBe(2);
  });
});
