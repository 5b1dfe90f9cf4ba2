// A month of generated traffic for the assessment test: dossiers from every prison, statuses
// from enforcing courts (replies to the verification requests they actually received, some
// late, some never; unprompted ones; payments), rulings, invalid texts, and duplicates. The
// plan reacts to what the service sends (requests drained from the courts' queues), so it
// needs no model of the engine; what each institution was sent is kept for the expectations.
import type { EnforcementStatus } from '../../../shared/contract/enforcement-status.ts';
import type { AnyMessage, EnforcementStatusMessage, RulingMessage } from '../../../shared/contract/messages.ts';
import type { Registry } from '../../../shared/resources/registry.ts';
import {
  completeMaterials,
  DemoClock,
  dossierMessage,
  identityNumber,
  rulingMessage,
  statusMessage,
  type JudgmentItem,
  type Prisoner,
} from '../../../local/demo/messages.ts';
import { Random } from '../../reliability/support/random.ts';

export interface Application {
  readonly applicationId: string;
  readonly prisonId: string;
  readonly hearingCourtId: string;
  readonly prisoner: Prisoner;
  readonly items: JudgmentItem[];
  readonly submittedDay: string;
  ruled?: boolean;
  /** No statuses about it on the day of its ruling (the ruling is judged against the flag before). */
  ruledOnDay?: string;
}

export interface SentStatus {
  readonly day: string;
  readonly message: EnforcementStatusMessage;
}

export interface SentRuling {
  readonly day: string;
  readonly message: RulingMessage;
}

export interface Planned {
  readonly senderId: string;
  readonly text: string;
  readonly duplicate?: boolean;
}

export class MonthTraffic {
  readonly random: Random;
  readonly applications: Application[] = [];
  readonly statuses: SentStatus[] = [];
  readonly rulings: SentRuling[] = [];
  /** Invalid texts: owner, day, text (each distinct). */
  readonly invalid: { owner: string; day: string; text: string }[] = [];
  /** Every valid message sent once, for later redelivery. */
  readonly sentValid: AnyMessage[] = [];
  private readonly versions = new Map<string, number>();
  private readonly busy = new Map<string, string>();
  private readonly replies = new Map<string, { requestId: string; item: JudgmentItem; personId: string }[]>();
  private next = 0;
  private readonly prisons: string[];
  private readonly hearingCourts: string[];
  private readonly enforcingCourts: string[];

  readonly dossiersPerDay: number;

  constructor(registry: Registry, seed: number, dossiersPerDay: number) {
    this.dossiersPerDay = dossiersPerDay;
    this.random = new Random(seed);
    const of = (kind: string) => registry.institutions.filter((i) => i.kind === kind).map((i) => i.id);
    this.prisons = of('PRISON');
    this.hearingCourts = of('HEARING_COURT');
    this.enforcingCourts = of('ENFORCING_COURT');
  }

  /** A court answers a request on a later day, or never. */
  scheduleReply(
    day: string,
    request: { requestId: string; judgmentId: string; applicationId: string },
    addDays: (d: string, n: number) => string,
  ) {
    const application = this.applications.find((a) => a.applicationId === request.applicationId);
    if (!application || this.random.chance(0.15)) return;
    const when = addDays(day, this.random.int(1, 12));
    for (const item of application.items.filter((i) => i.judgmentId === request.judgmentId).slice(0, 1)) {
      const list = this.replies.get(when) ?? [];
      list.push({ requestId: request.requestId, item, personId: application.prisoner.personId });
      this.replies.set(when, list);
    }
  }

  private status(
    clock: DemoClock,
    day: string,
    item: JudgmentItem,
    personId: string,
    extra: Partial<EnforcementStatus>,
  ) {
    const key = `${personId}|${item.judgmentId}|${item.itemNo}`;
    // One version of an item a day: versions then reach the service in order.
    if (this.busy.get(key) === day) return undefined;
    this.busy.set(key, day);
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    const pays = this.random.chance(0.3);
    const message = statusMessage(clock, item, personId, {
      version,
      label: `${personId.slice(-8)}-${item.judgmentId.includes('闽081') ? 2 : 1}`,
      ...(pays
        ? {
            payments: [
              {
                receiptNo: `R-${personId.slice(-8)}-${version}`,
                amountFen: item.dueFen,
                payer: 'SELF' as const,
                paidOn: clock.date(0),
              },
            ],
          }
        : {}),
      ...(!pays && this.random.chance(0.5)
        ? { assetSearch: { completedOn: clock.date(2), executableAssetsFound: true, foundFen: item.dueFen * 2 } }
        : {}),
      ...extra,
    });
    this.statuses.push({ day, message });
    return message;
  }

  /** Everything sent on one day: new dossiers, replies due, unprompted statuses, rulings, invalid texts, duplicates. */
  day(day: string, clock: DemoClock): Planned[] {
    const out: AnyMessage[] = [];
    const ruledToday = new Set<string>();
    // Rulings first chosen, so no status of the same application goes out that day.
    for (const a of this.applications) {
      if (a.ruled || a.submittedDay === day || !this.random.chance(0.04)) continue;
      a.ruled = true;
      a.ruledOnDay = day;
      ruledToday.add(a.prisoner.personId);
      const outcome = this.random.chance(0.6) ? 'GRANTED' : 'DENIED';
      const message = rulingMessage(clock, a.hearingCourtId, a.applicationId, outcome, clock.date(0));
      this.rulings.push({ day, message });
      out.push(message);
    }
    for (let n = 0; n < this.dossiersPerDay; n += 1) {
      this.next += 1;
      const prisonId = this.random.pick(this.prisons);
      const hearingCourtId = this.random.pick(this.hearingCourts);
      const applicationId = `${prisonId}-2026-${String(this.next).padStart(4, '0')}`;
      const prisoner: Prisoner = {
        prisonerNo: `35${String(this.next).padStart(8, '0')}`,
        name: '测试',
        personId: identityNumber('350802', '1980-01-01', this.next),
      };
      const items: JudgmentItem[] = [];
      for (let j = 0; j < this.random.int(1, 2); j += 1) {
        const judgmentId = `(2024)闽08${String(j)}刑初${this.next}号`;
        const enforcingCourtId = this.random.pick(this.enforcingCourts);
        items.push({
          judgmentId,
          enforcingCourtId,
          itemNo: 1,
          kind: this.random.pick(['FINE', 'CONFISCATION'] as const),
          dueFen: this.random.int(1, 50) * 100_000,
        });
      }
      const application: Application = { applicationId, prisonId, hearingCourtId, prisoner, items, submittedDay: day };
      this.applications.push(application);
      // A quarter of the dossiers come without the third-party asset statement (Art 5 material).
      const materials = {
        ...completeMaterials(clock, 20_000),
        ...(this.random.chance(0.25) ? { thirdPartyAssetStatement: null } : {}),
      };
      out.push(
        dossierMessage(clock, {
          prisonId,
          hearingCourtId,
          applicationId,
          kind: 'COMMUTATION',
          prisoner,
          items,
          materials,
        }),
      );
      // Some courts report before being asked (the status then answers nothing yet).
      for (const item of items)
        if (this.random.chance(0.25)) {
          const m = this.status(clock, day, item, prisoner.personId, {});
          if (m) out.push(m);
        }
    }
    for (const reply of this.replies.get(day) ?? []) {
      if (ruledToday.has(reply.personId)) continue;
      const m = this.status(clock, day, reply.item, reply.personId, { inReplyTo: reply.requestId });
      if (m) out.push(m);
    }
    // Unprompted updates (often payments) on earlier applications.
    for (const a of this.applications) {
      if (a.submittedDay === day || ruledToday.has(a.prisoner.personId) || !this.random.chance(0.03)) continue;
      const m = this.status(clock, day, this.random.pick(a.items), a.prisoner.personId, {});
      if (m) out.push(m);
    }
    this.sentValid.push(...out);
    const planned: Planned[] = out.map((m) => ({ senderId: m.sender.id, text: JSON.stringify(m) }));
    // Invalid texts, each distinct, to courts' and prisons' queues.
    for (let n = 0; n < this.random.int(0, 3); n += 1) {
      const owner = this.random.pick([...this.enforcingCourts, ...this.prisons]);
      const text = `{"schema":"linkage.enforcement-status.v1","junk":"${day}-${n}-${this.random.int(0, 1e9)}"}`;
      this.invalid.push({ owner, day, text });
      planned.push({ senderId: owner, text });
    }
    // Duplicates the same day, sent after the originals were handled: a sender's retry, or SQS
    // delivering twice (valid and invalid alike). Sent together, a duplicate would find its
    // original in progress and wait out the visibility timeout (correct, but slow).
    const duplicates = planned.filter(() => this.random.chance(0.2)).map((p) => ({ ...p, duplicate: true }));
    return [...planned, ...duplicates];
  }
}
