// The figures a month of traffic should give, counted here from the generated events and from
// what each institution actually received (drained from its outbound queue): never from the
// counters, the decisions table or the assessment code's helpers.
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';
import type { AnyMessage, VerificationRequestMessage } from '../../../shared/contract/messages.ts';
import { addDays, daysBetween, epochMs, localDate } from '../../../shared/time/calendar.ts';
import type { MonthTraffic } from './month-traffic.ts';

export type DayCounts = Map<string, Map<string, Record<string, number>>>;

const CST = 480;
const dayOf = (instant: string) => localDate(epochMs(instant), CST);

export interface Drained {
  readonly institutionId: string;
  readonly message: AnyMessage;
}

export function expectedFigures(traffic: MonthTraffic, drained: readonly Drained[], serviceId: string): DayCounts {
  const figures: DayCounts = new Map();
  const bump = (inst: string, day: string, figure: string, by = 1) => {
    const days = figures.get(inst) ?? new Map<string, Record<string, number>>();
    figures.set(inst, days);
    const counts = days.get(day) ?? {};
    days.set(day, counts);
    counts[figure] = (counts[figure] ?? 0) + by;
  };

  for (const { day, message } of traffic.statuses) {
    bump(message.sender.id, day, 'statusesAccepted');
    if (!message.body.inReplyTo) bump(message.sender.id, day, 'statusesUnprompted');
  }
  const invalid = new Set(traffic.invalid.map((i) => JSON.stringify([i.owner, i.day, i.text])));
  for (const key of invalid) {
    const [owner, day] = JSON.parse(key) as [string, string];
    bump(owner, day, 'rejections');
  }

  // Verification requests as the courts received them, and when the court first replied.
  const requests = new Map<string, { court: string; requestedAt: string; judgmentId: string; applicationId: string }>();
  for (const d of drained)
    if (d.message.schema === 'linkage.verification-request.v1') {
      const b = (d.message as VerificationRequestMessage).body;
      requests.set(b.requestId, {
        court: d.institutionId,
        requestedAt: b.requestedAt,
        judgmentId: b.judgmentId,
        applicationId: b.applicationId,
      });
    }
  for (const r of requests.values()) {
    const day = dayOf(r.requestedAt);
    bump(r.court, day, 'requestsReceived');
    const person = traffic.applications.find((a) => a.applicationId === r.applicationId)!.prisoner.personId;
    const reply = traffic.statuses.find(
      (s) => s.message.body.personId === person && s.message.body.judgmentId === r.judgmentId && s.day > day,
    );
    if (!reply) continue;
    const days = daysBetween(day, reply.day);
    bump(r.court, day, 'requestsAnswered');
    if (reply.day <= addDays(day, 7)) bump(r.court, day, 'answeredWithin7');
    bump(r.court, day, `rd${Math.min(days, 30)}`);
  }

  // Flags as the hearing courts received them; copies as the prisons received them.
  const flags = new Map<string, { court: string; day: string; flag: FulfilmentFlag }>();
  for (const d of drained)
    if (d.message.schema === 'linkage.fulfilment-flag.v1') {
      const flag = d.message.body as FulfilmentFlag;
      const app = traffic.applications.find((a) => a.applicationId === flag.applicationId)!;
      if (d.institutionId === app.hearingCourtId)
        flags.set(d.message.messageId, { court: d.institutionId, day: dayOf(d.message.sentAt), flag });
      if (d.institutionId === app.prisonId && flag.revision === 1) {
        bump(app.prisonId, app.submittedDay, 'dossiersSubmitted');
        const pending = flag.reasons.some((r) => r.code === 'PP-MAT-PENDING' || r.code === 'PP-MAT-MISSING');
        if (!pending) bump(app.prisonId, app.submittedDay, 'completeAtFirst');
      }
    }
  // Materials completed: the prison's copies by revision; the first without a material code
  // after one that had it (every earlier one had it), in days from the submission day.
  const prisonCopies = new Map<string, Map<number, FulfilmentFlag>>();
  for (const d of drained)
    if (d.message.schema === 'linkage.fulfilment-flag.v1') {
      const flag = d.message.body as FulfilmentFlag;
      const app = traffic.applications.find((a) => a.applicationId === flag.applicationId)!;
      if (d.institutionId !== app.prisonId) continue;
      const copies = prisonCopies.get(app.applicationId) ?? new Map<number, FulfilmentFlag>();
      copies.set(flag.revision, flag);
      prisonCopies.set(app.applicationId, copies);
    }
  const missing = (f: FulfilmentFlag) =>
    f.reasons.some((r) => r.code === 'PP-MAT-PENDING' || r.code === 'PP-MAT-MISSING');
  for (const [applicationId, copies] of prisonCopies) {
    const app = traffic.applications.find((a) => a.applicationId === applicationId)!;
    const ordered = [...copies.values()].sort((a, b) => a.revision - b.revision);
    const at = ordered.findIndex((f) => !missing(f));
    if (at < 1 || ordered[0]!.revision !== 1) continue;
    bump(app.prisonId, app.submittedDay, 'materialsCompleted');
    const days = daysBetween(app.submittedDay, dayOf(ordered[at]!.evaluatedAt));
    bump(app.prisonId, app.submittedDay, `md${Math.min(days, 30)}`);
  }

  const byApplication = new Map<string, { day: string; flag: FulfilmentFlag }[]>();
  for (const { court, day, flag } of flags.values()) {
    bump(court, day, `flags${flag.decision}`);
    const list = byApplication.get(flag.applicationId) ?? [];
    list.push({ day, flag });
    byApplication.set(flag.applicationId, list);
  }
  const paid = (f: FulfilmentFlag) => f.items.reduce((s, i) => s + i.paidFen, 0);
  const postEnforce = (f: FulfilmentFlag) => f.reasons.some((r) => r.code === 'PP-POST-ENFORCE');
  for (const list of byApplication.values()) {
    list.sort((a, b) => a.flag.revision - b.flag.revision);
    list.forEach(({ day, flag }, i) => {
      if (flag.revision === 1) bump(serviceId, day, 'applicationsEvaluated');
      if (flag.decision === 'REVOKE') bump(serviceId, day, 'revocations');
      const previous = list[i - 1]?.flag;
      if (postEnforce(flag) && !(previous && postEnforce(previous))) bump(serviceId, day, 'postEnforce');
      if (flag.decision === 'CLEAR' && previous && previous.decision !== 'CLEAR' && previous.decision !== 'REVOKE') {
        let first = i - 1;
        while (first > 0 && list[first - 1]!.flag.decision !== 'CLEAR') first -= 1;
        const collected = paid(flag) - paid(list[first]!.flag);
        if (collected > 0) {
          bump(serviceId, day, 'clearedAfterPayment');
          bump(serviceId, day, 'fenCollected', collected);
        }
      }
    });
  }

  for (const { day, message } of traffic.rulings) {
    bump(message.sender.id, day, 'rulingsRecorded');
    const before = (byApplication.get(message.body.applicationId) ?? []).filter((f) => f.day < day).at(-1);
    if (message.body.outcome === 'GRANTED' && before?.flag.decision === 'BLOCK')
      bump(message.sender.id, day, 'grantedAgainstBlock');
  }
  return figures;
}
