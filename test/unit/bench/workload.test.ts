// The pipeline benchmark's traffic must be traffic the service accepts: valid contract
// messages from registered institutions, unique ids, and status versions that only rise.
import { describe, expect, it } from 'vitest';
import { anyMessage } from '../../../shared/contract/messages.ts';
import { itemKey, personIdProblem } from '../../../shared/contract/primitives.ts';
import { REGISTRY } from '../../../local/registry.ts';
import { buildWorkload, personIdOf } from '../../../bench/pipeline/workload.ts';

const workload = buildWorkload(150, 400, 7);
const now = '2026-11-26T21:00:00+08:00';

describe('bench workload', () => {
  it('is made of valid v1 messages from registered senders of the right kind', () => {
    const kindOf = new Map(REGISTRY.institutions.map((i) => [i.id, i.kind]));
    const messages = [...workload.prisoners.map((p) => p.dossier), ...workload.updates.map((u) => u.message(now))];
    for (const message of messages) {
      const parsed = anyMessage.safeParse(message);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
      expect(kindOf.get(message.sender.id)).toBe(message.sender.kind);
    }
  });

  it('gives every prisoner, application and message its own id', () => {
    const unique = (values: readonly string[]) => new Set(values).size === values.length;
    expect(unique(workload.prisoners.map((p) => p.personId))).toBe(true);
    expect(unique(workload.prisoners.map((p) => p.applicationId))).toBe(true);
    expect(unique(workload.updates.map((u) => u.message(now).messageId))).toBe(true);
    for (const index of [0, 999, 1000, 123_456]) expect(personIdProblem(personIdOf(index))).toBeUndefined();
  });

  it('updates items of the dossier with versions that rise by one', () => {
    const last = new Map<string, number>();
    for (const update of workload.updates) {
      const body = update.message(now).body;
      const items = update.prisoner.dossier.body.judgments.flatMap((j) =>
        j.items.map((i) => itemKey(j.judgmentId, i.itemNo)),
      );
      expect(items).toContain(itemKey(body.judgmentId, body.itemNo));
      const id = `${update.prisoner.personId}:${update.itemKey}`;
      expect(body.version).toBe((last.get(id) ?? 0) + 1);
      last.set(id, body.version);
    }
  });

  it('spreads over offence categories and enforcing courts', () => {
    const categories = new Set(workload.prisoners.map((p) => p.dossier.body.offenceCategory));
    const courts = new Set(workload.prisoners.map((p) => p.courtId));
    expect(categories.size).toBeGreaterThan(3);
    expect(courts.size).toBe(3);
  });
});
