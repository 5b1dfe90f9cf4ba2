// What changed from one revision to the next, in terms a clerk can read: the decision, reasons
// that came and went, each item's payment and state, materials, and the inputs behind them.
import type { StoredFlag } from '../../shared/storage/case-views.ts';
import type { ChangeView } from '../schemas.ts';

export function changesBetween(previous: StoredFlag | undefined, next: StoredFlag): ChangeView[] {
  if (!previous) return [];
  const changes: ChangeView[] = [];
  if (previous.decision !== next.decision)
    changes.push({ type: 'decision', from: previous.decision, to: next.decision });
  const before = new Set(previous.reasons.map((r) => r.code));
  const after = new Set(next.reasons.map((r) => r.code));
  for (const code of after) if (!before.has(code)) changes.push({ type: 'reasonAdded', code });
  for (const code of before) if (!after.has(code)) changes.push({ type: 'reasonRemoved', code });
  const oldItems = new Map(previous.items.map((i) => [`${i.judgmentId}#${i.itemNo}`, i]));
  for (const item of next.items) {
    const key = `${item.judgmentId}#${item.itemNo}`;
    const old = oldItems.get(key);
    for (const field of ['paidFen', 'outstandingFen', 'state'] as const) {
      const from = old ? old[field] : null;
      if (from !== item[field]) changes.push({ type: 'item', item: key, field, from, to: item[field] });
    }
  }
  const materials = (f: StoredFlag) => [...f.missingMaterials].sort().join(',');
  if (materials(previous) !== materials(next))
    changes.push({ type: 'materials', from: [...previous.missingMaterials], to: [...next.missingMaterials] });
  if (previous.inputs.dossierVersion !== next.inputs.dossierVersion)
    changes.push({ type: 'dossierVersion', from: previous.inputs.dossierVersion, to: next.inputs.dossierVersion });
  for (const [item, version] of Object.entries(next.inputs.statuses)) {
    const from = previous.inputs.statuses[item] ?? null;
    if (from !== version) changes.push({ type: 'statusVersion', item, from, to: version });
  }
  if (next.ruling && previous.ruling?.rulingRef !== next.ruling.rulingRef)
    changes.push({ type: 'ruling', outcome: next.ruling.outcome });
  return changes;
}

/** `<schema>:<sender>:<messageId>` from an inbound message, `deadline:<instant>` from the sweeper. */
export function parseTrigger(
  trigger: string,
):
  | { kind: 'message'; schema: string; senderId: string; messageId: string }
  | { kind: 'deadline'; at: string }
  | { kind: 'other'; text: string } {
  if (trigger.startsWith('deadline:')) return { kind: 'deadline', at: trigger.slice('deadline:'.length) };
  const match = /^(linkage\.[a-z-]+\.v\d+):([A-Z0-9-]+):(.+)$/.exec(trigger);
  if (match) return { kind: 'message', schema: match[1]!, senderId: match[2]!, messageId: match[3]! };
  return { kind: 'other', text: trigger };
}
