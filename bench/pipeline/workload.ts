// The pipeline benchmark's traffic: realistic contract messages from the property-test
// generator (every kind of dossier and status the rules look at), given unique prisoners,
// applications, judgments and message ids, spread over the registry's prisons and
// enforcing courts. Dossiers come first; status updates then re-report dossier items with
// rising versions, so each one must reach the hearing court as a revised flag.
import fc from 'fast-check';
import type { EnforcementStatusMessage, ReductionDossierMessage } from '../../shared/contract/messages.ts';
import { itemKey } from '../../shared/contract/primitives.ts';
import { addDays } from '../../shared/time/calendar.ts';
import { personIdFrom } from '../../generators/case.ts';
import { caseArbitrary } from '../../generators/arbitraries.ts';

export const PRISONS = ['FJ-P01', 'FJ-P02'] as const;
export const ENFORCING_COURTS = ['FJ-LY-XL', 'FJ-LY-ZP', 'FJ-XM-SM'] as const;
export const HEARING_COURT = 'FJ-LY-ZY';

export interface Prisoner {
  readonly index: number;
  readonly personId: string;
  readonly applicationId: string;
  readonly prisonId: string;
  readonly courtId: string;
  readonly dossier: ReductionDossierMessage;
  /** Status templates for the dossier's items that have one, by item key. */
  readonly templates: ReadonlyMap<string, EnforcementStatusMessage>;
}

export interface StatusUpdate {
  readonly prisoner: Prisoner;
  readonly itemKey: string;
  readonly version: number;
  /** Built when sent: asOf and sentAt are the moment of sending. */
  message(nowInstant: string): EnforcementStatusMessage;
}

export interface Workload {
  readonly prisoners: readonly Prisoner[];
  readonly updates: readonly StatusUpdate[];
}

/** A valid identity number per index: region 350802, a real birth date, a sequence number. */
export function personIdOf(index: number): string {
  const birth = addDays('1960-01-01', Math.floor(index / 1000)).replaceAll('-', '');
  return personIdFrom(`350802${birth}${String(index % 1000).padStart(3, '0')}`);
}

function judgmentIdOf(index: number, judgment: number): string {
  return `(2019)闽0802刑初${10_000 + index * 2 + judgment}号`;
}

/** 100 → 0, 101 → 1: which of the generator's two judgment numbers a judgment id is. */
function judgmentNumberOf(generatedId: string): number {
  return generatedId.includes('101号') ? 1 : 0;
}

/** `firstIndex` keeps the prisoners of two workloads (a warm-up and the measured one) apart. */
export function buildWorkload(prisonerCount: number, updateCount: number, seed: number, firstIndex = 0): Workload {
  const cases = fc.sample(caseArbitrary, { numRuns: prisonerCount, seed });
  const prisoners = cases.map((c, i) => prisonerOf(c.messages, firstIndex + i));
  const updatable = prisoners.filter((p) => p.templates.size > 0);
  if (updatable.length === 0 && updateCount > 0) throw new Error('no generated dossier has an item to update');
  // Round-robin over (prisoner, item): every update is a newer version of its item.
  const slots = updatable.flatMap((p) => [...p.templates.keys()].map((key) => ({ prisoner: p, key })));
  const versions = new Map<string, number>();
  const updates: StatusUpdate[] = [];
  for (let n = 0; n < updateCount; n += 1) {
    const slot = slots[(n * 7919) % slots.length]!; // a prime stride spreads consecutive updates over prisoners
    const id = `${slot.prisoner.index}:${slot.key}`;
    const version = (versions.get(id) ?? 0) + 1;
    versions.set(id, version);
    updates.push(statusUpdate(slot.prisoner, slot.key, version));
  }
  return { prisoners, updates };
}

function prisonerOf(messages: readonly unknown[], index: number): Prisoner {
  const generated = messages[0] as ReductionDossierMessage;
  const personId = personIdOf(index);
  const prisonId = PRISONS[index % PRISONS.length]!;
  const courtId = ENFORCING_COURTS[index % ENFORCING_COURTS.length]!;
  const applicationId = `${prisonId}-2026-${String(index).padStart(6, '0')}`;
  const body = generated.body;
  const dossier: ReductionDossierMessage = {
    ...generated,
    messageId: `${prisonId}:dossier:${applicationId}:v1`,
    sender: { kind: 'PRISON', id: prisonId },
    body: {
      ...body,
      applicationId,
      hearingCourtId: HEARING_COURT,
      prisoner: { ...body.prisoner, personId, prisonerNo: `35${String(index).padStart(8, '0')}` },
      judgments: body.judgments.map((j) => ({
        ...j,
        judgmentId: judgmentIdOf(index, judgmentNumberOf(j.judgmentId)),
        enforcingCourtId: courtId,
      })),
    },
  };
  const onDossier = new Set(dossier.body.judgments.flatMap((j) => j.items.map((i) => itemKey(j.judgmentId, i.itemNo))));
  const templates = new Map<string, EnforcementStatusMessage>();
  for (const message of messages.slice(1) as { schema?: string }[]) {
    if (message.schema !== 'linkage.enforcement-status.v1') continue;
    const status = message as EnforcementStatusMessage;
    const judgmentId = judgmentIdOf(index, judgmentNumberOf(status.body.judgmentId));
    const key = itemKey(judgmentId, status.body.itemNo);
    if (!onDossier.has(key)) continue;
    templates.set(key, {
      ...status,
      sender: { kind: 'ENFORCING_COURT', id: courtId },
      body: { ...status.body, judgmentId, personId },
    });
  }
  return { index, personId, applicationId, prisonId, courtId, dossier, templates };
}

function statusUpdate(prisoner: Prisoner, key: string, version: number): StatusUpdate {
  const template = prisoner.templates.get(key)!;
  // The judgment's number is unique per prisoner and judgment: it keeps message ids short and ASCII.
  const judgmentNo = /(\d+)号$/.exec(template.body.judgmentId)![1]!;
  return {
    prisoner,
    itemKey: key,
    version,
    message: (now) => ({
      ...template,
      messageId: `${prisoner.courtId}:status:${judgmentNo}:${template.body.itemNo}:v${version}`,
      sentAt: now,
      body: { ...template.body, version, asOf: now },
    }),
  };
}
