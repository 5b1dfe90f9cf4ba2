// Write units DynamoDB bills that no response reports: writes to global secondary indexes
// and conditional writes whose condition failed. dynalite sees both (its updateIndexes and
// checkConditional); this wraps them and counts the units as DynamoDB would, with dynalite's
// own item-size rules. The local service runs dynalite on the engine thread, where
// engine-units-plugin.ts installs the count; `takeEngineUnits` fetches it from there.
//   - Index: an item entering the index is one write of its projected size, leaving it one
//     delete, changing index key a delete plus a write, changing in place one write.
//   - Failed condition: the size of the item that is there, at least one unit.
import { createRequire } from 'node:module';
import type { LocalService } from '../../local/service.ts';
import { writeUnits } from '../cost/units.ts';

type Item = Record<string, unknown>;

interface IndexDescription {
  readonly IndexName: string;
  readonly KeySchema: readonly { AttributeName: string }[];
  readonly Projection: { ProjectionType: string; NonKeyAttributes?: readonly string[] };
}

interface TableDescription {
  readonly TableName: string;
  readonly KeySchema: readonly { AttributeName: string }[];
  readonly GlobalSecondaryIndexes?: readonly IndexDescription[];
}

interface DynaliteDb {
  updateIndexes(
    store: unknown,
    table: TableDescription,
    existing: Item | null | undefined,
    item: Item | null | undefined,
    cb: unknown,
  ): unknown;
  checkConditional(data: { TableName?: string }, existing: Item | null | undefined): unknown;
  itemSize(item: Item): number;
}

/** Index writes by `<table name>/<index name>`, failed conditions by table name. */
export interface EngineUnits {
  readonly indexWrites: Record<string, number>;
  readonly failedConditionalWrites: Record<string, number>;
}

export function emptyEngineUnits(): EngineUnits {
  return { indexWrites: {}, failedConditionalWrites: {} };
}

/** EngineOptions.threadPlugin of a service whose engine units are counted. */
export const ENGINE_UNITS_PLUGIN = new URL('./engine-units-plugin.ts', import.meta.url).href;

/** The units counted on the engine thread since the last call (it starts a fresh count). */
export async function takeEngineUnits(service: LocalService): Promise<EngineUnits> {
  if (!service.engines) throw new Error('engine units are counted only on the embedded engines');
  return (await service.engines.ask('take-units')) as EngineUnits;
}

let installed = false;

/** Wraps dynalite's functions once; units go to whatever `sink` returns at the time. */
export function countEngineUnits(sink: () => EngineUnits | undefined): void {
  if (installed) return;
  installed = true;
  const db = createRequire(import.meta.url)('dynalite/db') as DynaliteDb;
  const updateIndexes = db.updateIndexes;
  const checkConditional = db.checkConditional;
  db.updateIndexes = function (store, table, existing, item, cb) {
    const units = sink();
    if (units) {
      const byIndex = indexWriteUnits(table, existing ?? undefined, item ?? undefined, db.itemSize);
      for (const [indexName, added] of Object.entries(byIndex)) {
        const key = `${table.TableName}/${indexName}`;
        units.indexWrites[key] = (units.indexWrites[key] ?? 0) + added;
      }
    }
    return updateIndexes.call(this, store, table, existing, item, cb);
  };
  db.checkConditional = function (data, existing) {
    const failure = checkConditional.call(this, data, existing);
    const units = sink();
    if (failure && units && data.TableName) {
      units.failedConditionalWrites[data.TableName] =
        (units.failedConditionalWrites[data.TableName] ?? 0) + writeUnits(existing ? db.itemSize(existing) : 0);
    }
    return failure;
  };
}

/** The units of each index the write touched (indexes it left alone are absent). */
export function indexWriteUnits(
  table: TableDescription,
  before: Item | undefined,
  after: Item | undefined,
  size: (item: Item) => number,
): Record<string, number> {
  const byIndex: Record<string, number> = {};
  for (const index of table.GlobalSecondaryIndexes ?? []) {
    let units = 0;
    const keys = index.KeySchema.map((k) => k.AttributeName);
    const inBefore = before !== undefined && keys.every((k) => before[k] != null);
    const inAfter = after !== undefined && keys.every((k) => after[k] != null);
    const entry = (item: Item) => size(projected(item, table, index));
    if (inBefore && inAfter) {
      const sameKey = keys.every((k) => JSON.stringify(before[k]) === JSON.stringify(after[k]));
      if (!sameKey) units += writeUnits(entry(before)) + writeUnits(entry(after));
      else if (JSON.stringify(projected(before, table, index)) !== JSON.stringify(projected(after, table, index)))
        units += writeUnits(entry(after));
    } else if (inBefore) {
      units += writeUnits(entry(before));
    } else if (inAfter) {
      units += writeUnits(entry(after));
    }
    if (units > 0) byIndex[index.IndexName] = units;
  }
  return byIndex;
}

function projected(item: Item, table: TableDescription, index: IndexDescription): Item {
  if (index.Projection.ProjectionType === 'ALL') return item;
  const names = [
    ...table.KeySchema.map((k) => k.AttributeName),
    ...index.KeySchema.map((k) => k.AttributeName),
    ...(index.Projection.ProjectionType === 'INCLUDE' ? (index.Projection.NonKeyAttributes ?? []) : []),
  ];
  return Object.fromEntries(names.filter((n) => item[n] !== undefined).map((n) => [n, item[n]]));
}
