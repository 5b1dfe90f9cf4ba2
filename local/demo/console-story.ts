// What the demo adds for the web console: one story that goes BLOCK → CLEAR (able to pay,
// unpaid; then pays in full), a dossier the service rejects (so a prison has a rejection to
// read), and one console user per institution.
//   able-then-pays  assets found, nothing paid → BLOCK (PP-ABLE-UNPAID); paid in full → CLEAR
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnyMessage } from '../../shared/contract/messages.ts';
import type { Registry } from '../../shared/resources/registry.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { sendBodies } from '../../shared/queues/batches.ts';
import { inboundQueueUrl } from '../../shared/queues/queue-urls.ts';
import { OPERATOR_ROLE, PROVINCIAL_ADMIN_ROLE, ROLES_OF_KIND, type Role } from '../../api/auth/principal.ts';
import { UserStore, usersFileIn } from '../../api/auth/user-store.ts';
import type { LocalService } from '../service.ts';
import {
  completeMaterials,
  DemoClock,
  dossierMessage,
  identityNumber,
  statusMessage,
  type JudgmentItem,
} from './messages.ts';
import { HEARING_COURT } from './scenario.ts';

export const BLOCK_THEN_CLEAR = 'FJ-P01-2026-0108';

const prisoner = { prisonerNo: '3508010108', name: '林某某', personId: identityNumber('350802', '1985-02-11', 108) };
const item: JudgmentItem = {
  judgmentId: '(2022)闽0802刑初77号',
  enforcingCourtId: 'FJ-LY-XL',
  itemNo: 1,
  kind: 'FINE',
  dueFen: 1_500_000,
};

export async function playConsoleStory(service: LocalService, progress: (line: string) => void): Promise<string[]> {
  const { endpoints, clients, runner } = service;
  const send = async (messages: readonly AnyMessage[]) => {
    for (const m of messages) {
      const url = inboundQueueUrl(endpoints, m.sender.id);
      const failed = await sendBodies(clients.sqs, url, [JSON.stringify(m)]);
      if (failed.length > 0) throw new Error(`could not send to ${m.sender.id}: ${failed[0]!.reason}`);
    }
  };
  progress('5. For the console: a prisoner able to pay has paid nothing (BLOCK), then pays in full (CLEAR).');
  const clock = new DemoClock(Date.now());
  const dossier = dossierMessage(clock, {
    prisonId: 'FJ-P01',
    hearingCourtId: HEARING_COURT,
    applicationId: BLOCK_THEN_CLEAR,
    kind: 'COMMUTATION',
    prisoner,
    items: [item],
    materials: completeMaterials(clock, 260_000),
  });
  const broken = {
    ...dossier,
    messageId: 'FJ-P01:dossier:typo:v1',
    body: {
      ...dossier.body,
      applicationId: 'FJ-P01-2026-0199',
      prisoner: { ...prisoner, personId: `${prisoner.personId.slice(0, 17)}X` },
    },
  };
  await send([
    statusMessage(clock, item, prisoner.personId, {
      label: 'XL-0108',
      version: 1,
      assetSearch: { completedOn: clock.date(30), executableAssetsFound: true, foundFen: 2_000_000 },
    }),
    dossier,
    broken as AnyMessage,
  ]);
  await runner.waitUntilQuiet(60_000);
  const later = new DemoClock(Date.now());
  await send([
    statusMessage(later, item, prisoner.personId, {
      label: 'XL-0108',
      version: 2,
      assetSearch: { completedOn: later.date(30), executableAssetsFound: true, foundFen: 2_000_000 },
      payments: [{ receiptNo: 'LY2026-000108', amountFen: item.dueFen!, payer: 'SELF', paidOn: later.date(0) }],
      documents: [{ type: 'PAYMENT_RECEIPT', ref: 'LY2026-000108', issuedOn: later.date(0) }],
    }),
  ]);
  await runner.waitUntilQuiet(60_000);
  const db = createDocumentClient(clients.dynamodb);
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName(endpoints.stage, 'decisions'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${BLOCK_THEN_CLEAR}` },
    }),
  );
  return Items.map((i) => String(i.decision));
}

/** The demo's console users: one per institution, the password shown on the screen. */
export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly institutionId: string;
  readonly kind: string;
  readonly role: Role;
}

const ROLE_OF_KIND: Record<string, Role> = {
  HEARING_COURT: 'JUDGE',
  ENFORCING_COURT: 'CLERK',
  PRISON: 'ADMINISTRATOR',
  PROCURATORATE: 'PROCURATOR',
};

export async function createDemoUsers(dataDir: string, registry: Registry): Promise<DemoUser[]> {
  const store = new UserStore(usersFileIn(dataDir));
  const users: DemoUser[] = [];
  for (const inst of registry.institutions) {
    const role = ROLE_OF_KIND[inst.kind]!;
    if (!ROLES_OF_KIND[inst.kind].includes(role)) continue;
    const user = {
      username: inst.id.toLowerCase(),
      password: `demo-${inst.id.toLowerCase()}`,
      institutionId: inst.id,
      kind: inst.kind,
      role,
    };
    await store.add(user, registry);
    users.push(user);
  }
  // And one operator of the service itself, for the dead-letter page.
  const operator = {
    username: 'ops',
    password: 'demo-ops',
    institutionId: registry.service.id,
    kind: 'SERVICE' as const,
    role: OPERATOR_ROLE,
  };
  await store.add(operator, registry);
  users.push(operator);
  // And a provincial administrator of the first province, for the assessment page (figures only).
  const province = registry.institutions[0]!.province;
  const provincial = {
    username: `${province.toLowerCase()}-admin`,
    password: `demo-${province.toLowerCase()}-admin`,
    institutionId: province,
    kind: 'PROVINCE' as const,
    role: PROVINCIAL_ADMIN_ROLE,
  };
  await store.add(provincial, registry);
  users.push(provincial);
  return users;
}
