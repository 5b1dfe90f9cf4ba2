// Property: over random registries and random cases, every institution sees exactly its own
// applications in its list, can open exactly those (404 for every other), and identities are
// masked exactly for the roles that do not need them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrySchema, type Registry } from '../../../shared/resources/registry.ts';
import { claimApplication, putDossier } from '../../../shared/storage/application-store.ts';
import { saveEvaluation } from '../../../shared/storage/evaluation-store.ts';
import { dossier, personIdFrom } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';
import { bearer, consoleApp, testIssuer, token, type TestIssuer } from './support.ts';

let dynamo: LocalDynamo;
let signer: TestIssuer;
let run = 0;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  signer = await testIssuer();
});
afterAll(async () => dynamo.stop());

const world = fc.record({
  hearingCourts: fc.integer({ min: 1, max: 3 }),
  prisons: fc.integer({ min: 1, max: 3 }),
  enforcingCourts: fc.integer({ min: 1, max: 3 }),
  cases: fc.array(
    fc.record({
      hearing: fc.nat(),
      prison: fc.nat(),
      court: fc.nat(),
      decision: fc.constantFrom('CLEAR', 'FLAG', 'BLOCK', 'REVOKE', undefined),
    }),
    { maxLength: 8 },
  ),
});

function registryOf(prefix: string, w: { hearingCourts: number; prisons: number; enforcingCourts: number }): Registry {
  // One AWS account and sending role per institution, as the registry requires.
  let accounts = 0;
  const own = () => ({
    accountId: String(111_111_111_111 + (accounts += 1)),
    province: 'FJ',
    roleName: 'linkage-sender',
  });
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return registrySchema.parse({
    service: { id: 'LINKAGE', accountId: '000000000000' },
    institutions: [
      ...range(w.hearingCourts).map((i) => ({
        id: `${prefix}-H${i}`,
        kind: 'HEARING_COURT',
        name: `Hearing ${i}`,
        nameZh: `审理法院${i}`,
        ...own(),
      })),
      ...range(w.enforcingCourts).map((i) => ({
        id: `${prefix}-E${i}`,
        kind: 'ENFORCING_COURT',
        name: `Enforcing ${i}`,
        nameZh: `执行法院${i}`,
        ...own(),
      })),
      ...range(w.prisons).map((i) => ({
        id: `${prefix}-J${i}`,
        kind: 'PROCURATORATE',
        name: `Procuratorate ${i}`,
        nameZh: `检察室${i}`,
        ...own(),
      })),
      ...range(w.prisons).map((i) => ({
        id: `${prefix}-P${i}`,
        kind: 'PRISON',
        name: `Prison ${i}`,
        nameZh: `监狱${i}`,
        ...own(),
        procuratorateId: `${prefix}-J${i}`,
      })),
    ],
  });
}

describe('role scope over random registries and cases', () => {
  it('each institution lists and opens exactly its own cases; others answer 404', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        run += 1;
        const prefix = `R${run}`;
        const registry = registryOf(prefix, w);
        const app = consoleApp(dynamo.db, registry, signer.issuer);
        const cases = w.cases.map((c, index) => ({
          applicationId: `${prefix}-A${index}`,
          hearing: `${prefix}-H${c.hearing % w.hearingCourts}`,
          prison: `${prefix}-P${c.prison % w.prisons}`,
          court: `${prefix}-E${c.court % w.enforcingCourts}`,
          personId: personIdFrom(
            `35080219800101${String(run * 10 + index)
              .padStart(3, '0')
              .slice(-3)}`,
          ),
          decision: c.decision,
        }));
        for (const c of cases) {
          const base = dossier({
            applicationId: c.applicationId,
            hearingCourtId: c.hearing,
            prisoner: { prisonerNo: `N${c.applicationId}`, name: '张三丰', personId: c.personId },
            judgments: [
              {
                judgmentId: `J-${c.applicationId}`,
                enforcingCourtId: c.court,
                items: [{ itemNo: 1, kind: 'FINE', dueFen: 100 }],
              },
            ],
          });
          const message = { ...base, sender: { kind: 'PRISON' as const, id: c.prison } };
          await claimApplication(dynamo.db, testTableName('cases'), {
            applicationId: c.applicationId,
            personId: c.personId,
            prisonId: c.prison,
          });
          await putDossier(dynamo.db, testTableName('cases'), message, message.sentAt);
          if (c.decision)
            await saveEvaluation(
              dynamo.db,
              testTableName('cases'),
              { personId: c.personId, applicationId: c.applicationId },
              {
                at: 0,
                revision: { revision: 1, fingerprint: 'f', decision: c.decision, evaluatedAt: message.sentAt },
              },
            );
        }
        const procuratorateOf = (prison: string) => prison.replace('-P', '-J');
        for (const inst of registry.institutions) {
          const role = {
            HEARING_COURT: 'JUDGE',
            ENFORCING_COURT: 'CLERK',
            PRISON: 'ADMINISTRATOR',
            PROCURATORATE: 'PROCURATOR',
          }[inst.kind];
          const auth = bearer(await token(signer, { institution: inst.id, role }));
          const mine = cases.filter((c) =>
            inst.kind === 'HEARING_COURT'
              ? c.hearing === inst.id
              : inst.kind === 'PRISON'
                ? c.prison === inst.id
                : inst.kind === 'PROCURATORATE'
                  ? procuratorateOf(c.prison) === inst.id
                  : c.court === inst.id,
          );
          const listed = (await (await app.request('/api/cases?limit=100', auth)).json()) as {
            rows: { applicationId: string; prisoner: { personId: string; name: string; masked: boolean } }[];
          };
          const expectedList = inst.kind === 'ENFORCING_COURT' ? [] : mine.map((c) => c.applicationId);
          expect(listed.rows.map((r) => r.applicationId).sort(), inst.id).toEqual(expectedList.sort());
          for (const row of listed.rows) {
            const masked = inst.kind === 'PROCURATORATE';
            expect(row.prisoner.masked).toBe(masked);
            expect(row.prisoner.personId.includes('*')).toBe(masked);
            expect(row.prisoner.name === '张三丰').toBe(!masked);
          }
          for (const c of cases) {
            const response = await app.request(`/api/cases/${c.applicationId}`, auth);
            expect(response.status, `${inst.id} → ${c.applicationId}`).toBe(mine.includes(c) ? 200 : 404);
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
