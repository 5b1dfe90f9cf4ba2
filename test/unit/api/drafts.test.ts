// The forms' pre-filled bodies: the court's last status of the item with version + 1 and the
// request it answers; the dossier's item when the court sent none; nothing for another court.
import { describe, expect, it } from 'vitest';
import { statusDraft, dossierDraft } from '../../../api/write/drafts.ts';
import { enforcementStatusBody } from '../../../shared/contract/enforcement-status.ts';
import { reductionDossierBody } from '../../../shared/contract/reduction-dossier.ts';
import type { PrisonerRecord } from '../../../shared/storage/prisoner-store.ts';
import type { StoredApplication, StoredStatus } from '../../../shared/storage/records.ts';
import { dossier, JUDGMENT, status } from '../../../generators/case.ts';

const NOW = Date.parse('2026-11-30T04:00:00Z');
const application = {
  applicationId: 'FJ-P01-2026-0042',
  dossier: dossier().body,
  dossierVersion: 1,
  prisonId: 'FJ-P01',
} as StoredApplication;
const stored = (version: number): StoredStatus =>
  ({ body: { ...status({ version, inReplyTo: 'OLD' }).body } }) as StoredStatus;
const prisoner = (statuses: StoredStatus[]) =>
  ({ statuses, applications: [application], requests: [] }) as PrisonerRecord;

describe('status draft', () => {
  it("is the court's last status, version + 1, now, answering the request named (not the old one)", () => {
    const draft = statusDraft('FJ-LY-XL', application, prisoner([stored(3)]), JUDGMENT, 1, NOW, 'VR-1')!;
    expect(draft).toMatchObject({ version: 4, inReplyTo: 'VR-1', asOf: '2026-11-30T12:00:00+08:00' });
    expect(draft.payments).toEqual(status().body.payments);
    expect(enforcementStatusBody.safeParse(draft).success).toBe(true);
    expect(statusDraft('FJ-LY-XL', application, prisoner([stored(3)]), JUDGMENT, 1, NOW)).not.toHaveProperty(
      'inReplyTo',
    );
  });

  it("is the dossier's item, version 1, when the court sent none; nothing for another court or item", () => {
    const draft = statusDraft('FJ-LY-XL', application, prisoner([]), JUDGMENT, 1, NOW, 'VR-1')!;
    expect(draft).toMatchObject({ version: 1, kind: 'FINE', dueFen: 5_000_000, payments: [], inReplyTo: 'VR-1' });
    expect(enforcementStatusBody.safeParse(draft).success).toBe(true);
    expect(statusDraft('FJ-LY-ZP', application, prisoner([]), JUDGMENT, 1, NOW)).toBeUndefined();
    expect(statusDraft('FJ-LY-XL', application, prisoner([]), JUDGMENT, 2, NOW)).toBeUndefined();
  });
});

describe('dossier draft', () => {
  it('is the stored dossier as version n + 1, submitted now', () => {
    const draft = dossierDraft(application, NOW);
    expect(draft).toMatchObject({ version: 2, submittedAt: '2026-11-30T12:00:00+08:00' });
    expect(reductionDossierBody.safeParse(draft).success).toBe(true);
  });
});
