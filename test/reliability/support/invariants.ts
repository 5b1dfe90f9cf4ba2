// The invariants checked once the fault run is quiet, on what the institutions received
// (every outbound queue drained, in arrival order), the tables and the dead-letter queues:
//   stored     every accepted status version is stored: each item holds its highest version,
//              byte for byte; each application its newest dossier and every ruling; nothing else;
//   pipeline vs engine
//              each application's last flag and its stored decision are, field for field,
//              the flag the pure engine makes from the workload's final facts (support/oracle.ts);
//   revisions  each recipient of an application's flags holds every revision 1..N, the last
//              one being the stored N, in non-decreasing order; copies of one revision are
//              identical (so a receiver's de-duplication by applicationId + revision is safe);
//              no one else got them; the decisions table holds 1..N, no two in a row alike;
//   once       no verification request is created twice for the same need (a second request,
//              unlike a second copy, cannot be de-duplicated by the court); every request sent
//              was stored first and received; every stored request was sent or explicitly
//              withdrawn (a stored-but-unsent one counts as lost); every disclosure has its
//              access record (support/disclosures.ts);
//   rejections none: every message of the fault run is valid;
//   DLQs       hold exactly the poison messages.
// `lost` counts effects of accepted messages that are missing; `engineMismatches` applications
// whose last flag differs from the engine's.
import { isDeepStrictEqual } from 'node:util';
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';
import type { FulfilmentFlagMessage, VerificationRequestMessage } from '../../../shared/contract/messages.ts';
import type { VerificationRequest } from '../../../shared/contract/verification-request.ts';
import { itemKey } from '../../../shared/contract/primitives.ts';
import { findInstitution, type Registry } from '../../../shared/resources/registry.ts';
import { applicationKey, statusKey } from '../../../shared/storage/keys.ts';
import { withDossier } from '../../../shared/storage/stored-dossier.ts';
import { decodeFlag } from '../../../shared/storage/stored-flag.ts';
import { checkDisclosures } from './disclosures.ts';
import { judgeFinal, Oracle } from './oracle.ts';
import type { DeadLetter, OutboundMessage } from './service.ts';
import { finalStatusesByPerson, type CaseRecord, type FaultWorkload } from './workload.ts';

export interface RunOutcome {
  /** Everything each institution received, in arrival order. */
  readonly outbound: ReadonlyMap<string, readonly OutboundMessage[]>;
  readonly cases: readonly Record<string, unknown>[];
  readonly decisions: readonly Record<string, unknown>[];
  readonly access: readonly Record<string, unknown>[];
  readonly deadLetters: readonly DeadLetter[];
  /** Applications whose deadline the run moved into the past: each must have been re-evaluated. */
  readonly forcedDeadline?: string;
  /** An instant for judging applications that never got a flag. */
  readonly now: string;
}

export interface Report {
  readonly lost: number;
  readonly engineMismatches: number;
  /** Every broken invariant, by name; lost and wrong ones are listed too. */
  readonly violations: ReadonlyMap<string, readonly string[]>;
  readonly flagsReceived: number;
  readonly requestsReceived: number;
  readonly applicationsWithFlags: number;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const same = (a: unknown, b: unknown) => isDeepStrictEqual(plain(a), plain(b));

export function checkFaultRun(workload: FaultWorkload, outcome: RunOutcome, registry: Registry): Report {
  const violations = new Map<string, string[]>();
  const violate = (name: string, detail: string) => violations.set(name, [...(violations.get(name) ?? []), detail]);
  let lost = 0;
  let mismatches = 0;

  const cases = new Map(outcome.cases.map((item) => [`${String(item.pk)}|${String(item.sk)}`, item]));
  const caseItem = (key: { pk: string; sk: string }) => cases.get(`${key.pk}|${key.sk}`);

  // stored: statuses, dossiers, rulings; and no status item the workload did not send.
  const expectedStatusKeys = new Set<string>();
  for (const [personId, items] of finalStatusesByPerson(workload.cases)) {
    for (const status of items.values()) {
      const key = statusKey(personId, status.body.judgmentId, status.body.itemNo);
      expectedStatusKeys.add(`${key.pk}|${key.sk}`);
      const held = caseItem(key);
      if (!held || held.version !== status.body.version || !same(held.body, status.body)) {
        lost += 1;
        violate(
          'stored: status version',
          `${itemKey(status.body.judgmentId, status.body.itemNo)} holds v${String(held?.version)} instead of v${status.body.version}`,
        );
      }
    }
  }
  for (const item of outcome.cases) {
    if (String(item.sk).startsWith('S#') && !expectedStatusKeys.has(`${String(item.pk)}|${String(item.sk)}`)) {
      violate('stored: unexpected status', String(item.sk));
    }
  }
  const applications = new Map<string, Record<string, unknown> | undefined>();
  for (const record of workload.cases) {
    const newest = record.dossiers.at(-1)!;
    const stored = caseItem(applicationKey(record.personId, record.applicationId));
    const held = stored && withDossier(stored);
    applications.set(record.applicationId, held);
    if (
      !held ||
      held.dossierVersion !== newest.body.version ||
      !same(held.dossier, newest.body) ||
      held.prisonId !== record.prisonId
    ) {
      lost += 1;
      violate(
        'stored: dossier version',
        `${record.applicationId} holds v${String(held?.dossierVersion)} instead of v${newest.body.version}`,
      );
    }
    const rulings = Object.keys((held?.rulings as Record<string, unknown> | undefined) ?? {}).sort();
    const sentRulings = record.rulings.map((r) => r.body.rulingRef).sort();
    if (!same(rulings, sentRulings)) {
      lost += Math.max(1, sentRulings.length - rulings.length);
      violate('stored: rulings', `${record.applicationId} holds ${rulings.length} of ${sentRulings.length} rulings`);
    }
  }

  // What each institution received, by kind.
  const flagsAt = new Map<string, { raw: string; flag: FulfilmentFlag }[]>(); // `${institution}|${applicationId}`
  const requests = new Map<string, VerificationRequestMessage[]>(); // by requestId
  const received = new Map<string, Set<string>>(); // institution → messageIds
  let flagsReceived = 0;
  let requestsReceived = 0;
  for (const [institutionId, messages] of outcome.outbound) {
    const ids = received.get(institutionId) ?? new Set<string>();
    received.set(institutionId, ids);
    for (const { message } of messages) {
      ids.add(message.messageId);
      if (message.schema === 'linkage.fulfilment-flag.v1') {
        flagsReceived += 1;
        const key = `${institutionId}|${message.body.applicationId}`;
        flagsAt.set(key, [
          ...(flagsAt.get(key) ?? []),
          { raw: JSON.stringify(message.body), flag: (message as FulfilmentFlagMessage).body },
        ]);
      } else if (message.schema === 'linkage.verification-request.v1') {
        requestsReceived += 1;
        const list = requests.get(message.body.requestId) ?? [];
        list.push(message as VerificationRequestMessage);
        requests.set(message.body.requestId, list);
      } else if (message.schema === 'linkage.rejection.v1') {
        lost += 1;
        violate(
          'rejections',
          `${institutionId} got a rejection of ${String(message.body.rejectedMessageId)}: ${message.body.errors
            .map((e) => `${e.path} ${e.message}`)
            .join('; ')
            .slice(0, 200)}`,
        );
      }
    }
  }

  // revisions: the decisions table, and each recipient's copies.
  const revisionsOf = new Map<string, Map<number, Record<string, unknown>>>();
  for (const item of outcome.decisions) {
    const applicationId = String(item.applicationId);
    const map = revisionsOf.get(applicationId) ?? new Map<number, Record<string, unknown>>();
    map.set(Number(item.revision), item);
    revisionsOf.set(applicationId, map);
  }
  const known = new Map(workload.cases.map((c) => [c.applicationId, c]));
  for (const key of flagsAt.keys()) {
    const [institutionId, applicationId] = key.split('|') as [string, string];
    const record = known.get(applicationId);
    if (!record || !recipientsOf(registry, record).includes(institutionId))
      violate('revisions: flag to a stranger', `${institutionId} got a flag of ${applicationId}`);
  }
  let applicationsWithFlags = 0;
  const requestsByApplication = new Map<string, VerificationRequest[]>();
  for (const list of requests.values()) {
    const body = list[0]!.body;
    requestsByApplication.set(body.applicationId, [...(requestsByApplication.get(body.applicationId) ?? []), body]);
  }
  const oracle = new Oracle(workload.cases, requestsByApplication, (status) => {
    const key = statusKey(status.body.personId, status.body.judgmentId, status.body.itemNo);
    const item = cases.get(`${key.pk}|${key.sk}`);
    return item && item.version === status.body.version ? String(item.receivedAt) : undefined;
  });
  for (const record of workload.cases) {
    const stored = applications.get(record.applicationId);
    const revisions = revisionsOf.get(record.applicationId) ?? new Map<number, Record<string, unknown>>();
    const n = revisions.size;
    if (n > 0) applicationsWithFlags += 1;
    for (let r = 1; r <= n; r += 1) {
      const item = revisions.get(r);
      if (!item) violate('revisions: decisions table', `${record.applicationId} lacks revision ${r} of ${n}`);
      else if (r > 1 && item.fingerprint === revisions.get(r - 1)?.fingerprint)
        violate('revisions: repeated decision', `${record.applicationId} r${r} repeats r${r - 1}`);
    }
    if ((stored?.revision ?? 0) !== n || (stored?.sentRevision ?? 0) !== n) {
      violate(
        'revisions: application state',
        `${record.applicationId} at revision ${String(stored?.revision)}, sent ${String(stored?.sentRevision)}, ${n} recorded`,
      );
    }
    let last: FulfilmentFlag | undefined;
    let previous: FulfilmentFlag | undefined;
    for (const recipient of recipientsOf(registry, record)) {
      const copies = flagsAt.get(`${recipient}|${record.applicationId}`) ?? [];
      const order = copies.map((c) => c.flag.revision);
      if (order.some((rev, i) => i > 0 && rev < order[i - 1]!))
        violate('revisions: order', `${recipient} got ${record.applicationId} as r${order.join(',r')}`);
      const missing = Array.from({ length: n }, (_, i) => i + 1).filter((rev) => !order.includes(rev));
      if (missing.length > 0) {
        lost += missing.length;
        violate(
          'revisions: missing at a recipient',
          `${recipient} lacks ${record.applicationId} r${missing.join(',r')}`,
        );
      }
      for (const copy of copies) {
        const storedItem = revisions.get(copy.flag.revision);
        const storedFlag = storedItem ? decodeFlag(storedItem) : undefined;
        if (!same(copy.flag, storedFlag))
          violate(
            'revisions: copy differs from the stored revision',
            `${recipient} ${record.applicationId} r${copy.flag.revision}`,
          );
      }
      const highest = copies.reduce<FulfilmentFlag | undefined>(
        (a, c) => (!a || c.flag.revision > a.revision ? c.flag : a),
        undefined,
      );
      if (recipient === registry.institutions.find((i) => i.kind === 'HEARING_COURT')?.id) {
        last = highest;
        previous = highest ? copies.find((c) => c.flag.revision === highest.revision - 1)?.flag : undefined;
      }
    }
    const verdict = judgeFinal(
      oracle,
      record,
      last,
      stored as { fingerprint?: string; closed?: boolean } | undefined,
      outcome.now,
      previous,
    );
    if (!verdict.ok) {
      mismatches += 1;
      violate('pipeline vs engine', `${record.applicationId}: ${verdict.problem}`);
    }
  }

  lost += checkDisclosures(outcome, requests, violate);

  // once: a stored request that was neither sent nor withdrawn is a question silently lost.
  for (const item of outcome.cases) {
    if (!String(item.sk).startsWith('V#') || item.sent === true || typeof item.withdrawnAt === 'string') continue;
    lost += 1;
    violate('once: request stored but never sent', String(item.sk).slice(2));
  }

  // DLQs hold exactly the poison messages.
  const dead = outcome.deadLetters.map((d) => d.body).sort();
  if (!same(dead, [...workload.poison].sort())) {
    violate(
      'DLQs',
      `${dead.length} dead letters (${dead.filter((d) => !workload.poison.includes(d)).length} not poison), ${workload.poison.length} poison messages`,
    );
  }

  if (outcome.forcedDeadline) {
    const stuck = outcome.cases.filter(
      (item) => typeof item.nextCheckAt === 'string' && item.nextCheckAt <= outcome.forcedDeadline!,
    );
    for (const item of stuck) violate('deadlines: not re-evaluated after the sweep', String(item.applicationId));
  }

  return { lost, engineMismatches: mismatches, violations, flagsReceived, requestsReceived, applicationsWithFlags };
}

/** The hearing court, the prison that sent the dossier and its procuratorate. */
export function recipientsOf(registry: Registry, record: CaseRecord): string[] {
  const procuratorate = findInstitution(registry, record.prisonId)?.procuratorateId;
  return [record.dossiers.at(-1)!.body.hearingCourtId, record.prisonId, ...(procuratorate ? [procuratorate] : [])];
}
