// Whole-table snapshots, to prove that something changed nothing: every item of each table,
// as canonical JSON, compared item by item.
import type { TableId } from '../../../shared/resources/tables.ts';
import type { ReliabilityService } from './service.ts';

export type Snapshot = ReadonlyMap<TableId, ReadonlySet<string>>;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function snapshot(service: ReliabilityService, tables: readonly TableId[]): Promise<Snapshot> {
  const taken = new Map<TableId, Set<string>>();
  for (const id of tables) taken.set(id, new Set((await service.scan(id)).map(canonical)));
  return taken;
}

/** What differs, per table: items that appeared and items that went away (a change is both). */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [id, items] of before) {
    const now = after.get(id) ?? new Set<string>();
    const added = [...now].filter((item) => !items.has(item)).length;
    const removed = [...items].filter((item) => !now.has(item)).length;
    if (added > 0 || removed > 0) out.push(`${id}: ${added} items appeared, ${removed} went away or changed`);
  }
  return out;
}
