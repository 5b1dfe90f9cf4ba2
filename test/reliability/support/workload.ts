// The fault run's traffic, from the property-test generator of schema-valid cases
// (generators/arbitraries.ts), made into many applications of many prisoners:
//   - unique applications, judgments and message ids; about one prisoner in five has two
//     applications (statuses about a prisoner count for each of them);
//   - every dossier in 1-3 versions (earlier ones miss materials the later ones supply), every
//     status in 1-4 versions (earlier snapshots with fewer payments, no asset search), rulings;
//   - dates moved so the generator's "today" is the run's day (the rules look at ages);
//   - clock skew between institutions: a share of dossiers and rulings carry a sentAt minutes
//     in the future or the past of the run's clock, a share of statuses one minutes off their asOf;
//   - then, in one shuffled order: every message but the rulings, exact duplicates of some (a
//     redelivery), the same content under a new messageId for others, and poison statuses;
//   - the rulings (with their duplicates) in an order of their own, sent last: the last flag
//     before a closing ruling then depends only on the final facts, and can be checked in full.
import fc from 'fast-check';
import {
  inboundMessage,
  type EnforcementStatusMessage,
  type InboundMessage,
  type ReductionDossierMessage,
  type RulingMessage,
} from '../../../shared/contract/messages.ts';
import { itemKey } from '../../../shared/contract/primitives.ts';
import { serviceInstant } from '../../../shared/pipeline/clock.ts';
import { addDays, addDaysToInstant, daysBetween, epochMs } from '../../../shared/time/calendar.ts';
import { caseArbitrary } from '../../../generators/arbitraries.ts';
import { personIdFrom } from '../../../generators/case.ts';
import type { Random } from './random.ts';

export const PRISONS = ['FJ-P01', 'FJ-P02'] as const;
export const ENFORCING_COURTS = ['FJ-LY-XL', 'FJ-LY-ZP', 'FJ-XM-SM'] as const;
export const HEARING_COURT = 'FJ-LY-ZY';
/** Written into a poison status: the fault middleware refuses every write that carries it. */
export const POISON_MARKER = 'POISON-';

/** The generator's "today" (generators/arbitraries.ts). */
const GENERATOR_TODAY = '2026-11-21';
/** A proposal from before SPC-2024 took effect: an absolute date, not moved. */
const FIXED_INSTANTS = new Set(['2024-04-20T10:00:00+08:00']);

export interface CaseRecord {
  readonly index: number;
  readonly personId: string;
  readonly name: string;
  readonly applicationId: string;
  readonly prisonId: string;
  /** Every version, oldest first. */
  readonly dossiers: readonly ReductionDossierMessage[];
  /** Every version of every item reported. */
  readonly statuses: readonly EnforcementStatusMessage[];
  readonly rulings: readonly RulingMessage[];
}

export type SendRole = 'original' | 'duplicate' | 'new-id' | 'poison';

export interface Send {
  /** Whose inbound queue it goes on: its sender's. */
  readonly institutionId: string;
  readonly text: string;
  readonly role: SendRole;
}

export interface FaultWorkload {
  readonly cases: readonly CaseRecord[];
  /** Everything but the rulings, shuffled. */
  readonly sends: readonly Send[];
  /** The rulings and their copies, shuffled: sent once the rest has been handled. */
  readonly rulingSends: readonly Send[];
  /** Messages whose sentAt was moved off the run's clock or their asOf. */
  readonly skewed: number;
  readonly poison: readonly string[];
  readonly personIds: readonly string[];
  readonly names: readonly string[];
}

const SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '慕容', '令狐'];
const GIVEN = ['翊', '璟', '珩', '玥', '瑾', '璎', '琛', '珂', '琮', '瑄', '璇', '翎'];

/** A valid identity number per prisoner, unlike any other workload's (region code 359999). */
function personIdOf(index: number): string {
  const birth = addDays('1965-01-01', Math.floor(index / 900)).replaceAll('-', '');
  return personIdFrom(`359999${birth}${String(100 + (index % 900)).padStart(3, '0')}`);
}

/** Moves every date and instant by `days`, leaving the absolute ones alone. */
function shiftDates<T>(value: T, days: number): T {
  if (typeof value === 'string') {
    if (FIXED_INSTANTS.has(value)) return value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return addDays(value, days) as T;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(value)) return addDaysToInstant(value, days) as T;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)])) as T;
  }
  return value;
}

function checked<M extends InboundMessage>(message: M): M {
  const parsed = inboundMessage.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `workload generator made an invalid ${message.schema} (${message.messageId}): ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  return message;
}

/** Share of messages with a skewed sentAt, and how far (minutes, either way). */
const SKEW_SHARE = 0.2;
const SKEW_MINUTES = 30;

export function buildFaultWorkload(
  caseCount: number,
  poisonCount: number,
  random: Random,
  today: string,
  nowMs = Date.now(),
  /** Numbers applications, prisoners and poison from here: workloads that share a service must not overlap. */
  firstIndex = 0,
): FaultWorkload {
  const generated = fc.sample(caseArbitrary, { numRuns: caseCount, seed: random.int(0, 2 ** 31 - 1) });
  const shift = daysBetween(GENERATOR_TODAY, today);
  const cases: CaseRecord[] = [];
  let person = { index: firstIndex - 1, personId: '', name: '' };
  generated.forEach((generatedCase, n) => {
    const index = firstIndex + n;
    if (n === 0 || !random.chance(0.2)) {
      const personIndex = person.index + 1;
      const name = `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.pick(GIVEN)}`;
      person = { index: personIndex, personId: personIdOf(personIndex), name };
    }
    const messages = shiftDates(generatedCase.messages, shift) as InboundMessage[];
    cases.push(caseOf(index, person.personId, person.name, messages, random));
  });
  const skew = { count: 0 };
  const skewedCases = cases.map((c) => skewed(c, random, nowMs, skew));

  const sendsOf = (messages: readonly InboundMessage[]): Send[] => {
    const out: Send[] = [];
    for (const message of messages) {
      const text = JSON.stringify(message);
      out.push({ institutionId: message.sender.id, text, role: 'original' });
      if (random.chance(0.15)) out.push({ institutionId: message.sender.id, text, role: 'duplicate' });
      if (random.chance(0.1)) {
        const again = { ...message, messageId: `${message.messageId}:again` };
        out.push({ institutionId: message.sender.id, text: JSON.stringify(checked(again)), role: 'new-id' });
      }
    }
    return out;
  };
  const sends = sendsOf(skewedCases.flatMap((c) => [...c.dossiers, ...c.statuses]));
  const rulingSends = sendsOf(skewedCases.flatMap((c) => c.rulings));
  const poison = Array.from({ length: poisonCount }, (_, n) => poisonStatus(firstIndex + n, random.pick(cases), today));
  for (const message of poison)
    sends.push({ institutionId: message.sender.id, text: JSON.stringify(message), role: 'poison' });

  return {
    cases: skewedCases,
    sends: random.shuffle(sends),
    rulingSends: random.shuffle(rulingSends),
    skewed: skew.count,
    poison: poison.map((m) => JSON.stringify(m)),
    personIds: [...new Set(cases.map((c) => c.personId))],
    names: [...new Set(cases.map((c) => c.name))],
  };
}

function caseOf(index: number, personId: string, name: string, messages: InboundMessage[], random: Random): CaseRecord {
  const prisonId = random.pick(PRISONS);
  const applicationId = `${prisonId}-RL-${String(index).padStart(6, '0')}`;
  // The generator numbers its two judgments 100 and 101; each case gets judgments of its own.
  const courtOf = [random.pick(ENFORCING_COURTS), random.pick(ENFORCING_COURTS)];
  const judgmentNo = (generatedId: string) => (generatedId.includes('101号') ? 1 : 0);
  const judgmentIdOf = (generatedId: string) => `(2019)闽0802刑初${30_000 + index * 2 + judgmentNo(generatedId)}号`;

  const generatedDossier = messages.find(
    (m): m is ReductionDossierMessage => m.schema === 'linkage.reduction-dossier.v1',
  )!;
  const finalDossier: ReductionDossierMessage['body'] = {
    ...generatedDossier.body,
    applicationId,
    hearingCourtId: HEARING_COURT,
    prisoner: { prisonerNo: `RL${String(index).padStart(8, '0')}`, name, personId },
    judgments: generatedDossier.body.judgments.map((j) => ({
      ...j,
      judgmentId: judgmentIdOf(j.judgmentId),
      enforcingCourtId: courtOf[judgmentNo(j.judgmentId)]!,
    })),
  };
  const dossierVersions = random.int(1, 3);
  const dossiers = Array.from({ length: dossierVersions }, (_, i) => {
    const version = i + 1;
    const body: ReductionDossierMessage['body'] =
      version === dossierVersions
        ? { ...finalDossier, version }
        : {
            ...finalDossier,
            version,
            // An earlier version lacked materials or had other figures; the later one supplies them.
            ...(version === 1 ? { thirdPartyAssetStatement: null, adverseConsequenceNoticeOn: null } : {}),
            finances: finalDossier.finances && {
              ...finalDossier.finances,
              accountBalanceFen: finalDossier.finances.accountBalanceFen + 10_000 * (dossierVersions - version),
            },
          };
    return checked<ReductionDossierMessage>({
      schema: 'linkage.reduction-dossier.v1',
      messageId: `${prisonId}:dossier:${applicationId}:v${version}`,
      sentAt: body.submittedAt,
      sender: { kind: 'PRISON', id: prisonId },
      body,
    });
  });

  const statuses: EnforcementStatusMessage[] = [];
  for (const generatedStatus of messages.filter(
    (m): m is EnforcementStatusMessage => m.schema === 'linkage.enforcement-status.v1',
  )) {
    const court = courtOf[judgmentNo(generatedStatus.body.judgmentId)]!;
    const final = { ...generatedStatus.body, judgmentId: judgmentIdOf(generatedStatus.body.judgmentId), personId };
    const versions = random.int(1, 4);
    for (let version = 1; version <= versions; version += 1) {
      const behind = versions - version;
      const body: EnforcementStatusMessage['body'] =
        behind === 0
          ? { ...final, version }
          : {
              ...final,
              version,
              // Earlier snapshots: fewer payments, no asset search yet, documents later.
              payments: version === 1 ? [] : final.payments.slice(0, Math.ceil(final.payments.length / 2)),
              ...(version === 1 ? { assetSearch: undefined } : {}),
              documents: behind > 1 ? [] : final.documents,
              asOf: addDaysToInstant(final.asOf, -behind),
            };
      if (body.assetSearch === undefined) delete body.assetSearch;
      statuses.push(
        checked<EnforcementStatusMessage>({
          schema: 'linkage.enforcement-status.v1',
          messageId: `${court}:s:${index}:${judgmentNo(generatedStatus.body.judgmentId)}:${final.itemNo}:v${version}`,
          sentAt: body.asOf,
          sender: { kind: 'ENFORCING_COURT', id: court },
          body,
        }),
      );
    }
  }

  const rulings = messages
    .filter((m): m is RulingMessage => m.schema === 'linkage.ruling.v1')
    .map((r) =>
      checked<RulingMessage>({
        ...r,
        messageId: `${HEARING_COURT}:ruling:${index}`,
        sender: { kind: 'HEARING_COURT', id: HEARING_COURT },
        body: { ...r.body, applicationId, rulingRef: `(2026)闽08刑更${index}号` },
      }),
    );
  return { index, personId, name, applicationId, prisonId, dossiers, statuses, rulings };
}

/**
 * Institutions' clocks disagree: a share of dossiers and rulings are stamped minutes before or
 * after the run's clock (so some come "from the future"), a share of statuses minutes off their
 * asOf. Status skew stays around asOf: a status stamped after a verification request would
 * answer it, which this workload keeps out (support/disclosures.ts).
 */
function skewed(record: CaseRecord, random: Random, nowMs: number, skew: { count: number }): CaseRecord {
  const minutes = () => random.int(1, SKEW_MINUTES) * (random.chance(0.5) ? 1 : -1) * 60_000;
  const stamp = <M extends InboundMessage>(message: M, from: number): M => {
    if (!random.chance(SKEW_SHARE)) return message;
    skew.count += 1;
    return checked({ ...message, sentAt: serviceInstant(from + minutes()) });
  };
  return {
    ...record,
    dossiers: record.dossiers.map((m) => stamp(m, nowMs)),
    statuses: record.statuses.map((m) => stamp(m, epochMs(m.sentAt))),
    rulings: record.rulings.map((m) => stamp(m, nowMs)),
  };
}

/** A valid status that no handler can store: if it ever were, the prisoner's flags would change. */
function poisonStatus(n: number, target: CaseRecord, today: string): EnforcementStatusMessage {
  const court = ENFORCING_COURTS[n % ENFORCING_COURTS.length]!;
  return checked<EnforcementStatusMessage>({
    schema: 'linkage.enforcement-status.v1',
    messageId: `${court}:poison:${n}`,
    sentAt: `${today}T08:00:00+08:00`,
    sender: { kind: 'ENFORCING_COURT', id: court },
    body: {
      judgmentId: `(2020)闽0802刑初${90_000 + n}号`,
      itemNo: 1,
      enforcementCaseId: `${POISON_MARKER}${n}`,
      personId: target.personId,
      kind: 'FINE',
      dueFen: 100_000,
      payments: [],
      conduct: [],
      documents: [],
      asOf: `${today}T08:00:00+08:00`,
      version: 1,
    },
  });
}

/** The highest version of every item reported about a prisoner, across all the prisoner's cases. */
export function finalStatusesByPerson(
  cases: readonly CaseRecord[],
): Map<string, Map<string, EnforcementStatusMessage>> {
  const byPerson = new Map<string, Map<string, EnforcementStatusMessage>>();
  for (const c of cases) {
    const items = byPerson.get(c.personId) ?? new Map<string, EnforcementStatusMessage>();
    for (const s of c.statuses) {
      const key = itemKey(s.body.judgmentId, s.body.itemNo);
      const held = items.get(key);
      if (!held || held.body.version < s.body.version) items.set(key, s);
    }
    byPerson.set(c.personId, items);
  }
  return byPerson;
}
