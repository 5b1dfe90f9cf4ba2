// Tables: built from the shared definitions, on demand, recoverable, encrypted, retained.
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, tableName, type TableDefinition } from '../../shared/resources/tables.ts';
import { render, resourcesOf, synthesize, type Resource, type Synthesized } from './synth.ts';

let s: Synthesized;
let tables: Map<string, Resource>;

beforeAll(() => {
  s = synthesize();
  tables = new Map(
    resourcesOf(s.stateful, 'AWS::DynamoDB::Table').map(([, table]) => [table.Properties.TableName as string, table]),
  );
});

const definitions: TableDefinition[] = Object.values(TABLES);

function keySchema(pk: { name: string }, sk?: { name: string }): unknown[] {
  return [{ AttributeName: pk.name, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : [])];
}

describe('tables', () => {
  it('are exactly the shared definitions, named by tableName(stage, id)', () => {
    expect([...tables.keys()].sort()).toEqual(definitions.map((def) => tableName('prod', def.id)).sort());
    for (const def of definitions) {
      const table = tables.get(tableName('prod', def.id))!;
      expect(table.Properties.KeySchema, def.id).toEqual(keySchema(def.partitionKey, def.sortKey));
      const indexes =
        (table.Properties.GlobalSecondaryIndexes as
          { IndexName: string; KeySchema: unknown; Projection: unknown }[] | undefined) ?? [];
      expect(
        indexes.map((index) => ({ name: index.IndexName, keys: index.KeySchema })),
        def.id,
      ).toEqual(
        (def.globalIndexes ?? []).map((index) => ({
          name: index.indexName,
          keys: keySchema(index.partitionKey, index.sortKey),
        })),
      );
      const attributes = table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
      for (const key of [
        def.partitionKey,
        def.sortKey,
        ...(def.globalIndexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
      ]) {
        if (key) expect(attributes, def.id).toContainEqual({ AttributeName: key.name, AttributeType: key.type });
      }
    }
  });

  it('bill on demand, keep point-in-time recovery, resist deletion and are retained', () => {
    for (const [name, table] of tables) {
      expect(table.Properties.BillingMode, name).toBe('PAY_PER_REQUEST');
      expect(table.Properties.PointInTimeRecoverySpecification, name).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled, name).toBe(true);
      expect(table.DeletionPolicy, name).toBe('RetainExceptOnCreate');
      expect(table.UpdateReplacePolicy, name).toBe('Retain');
    }
  });

  it('are encrypted with the customer-managed data key', () => {
    const [dataKey] = resourcesOf(s.stateful, 'AWS::KMS::Alias').find(
      ([, alias]) => alias.Properties.AliasName === 'alias/linkage-prod-data',
    )!;
    const keyArn = render(s.stateful.findResources('AWS::KMS::Alias')[dataKey]!.Properties.TargetKeyId);
    for (const [name, table] of tables) {
      const sse = table.Properties.SSESpecification as {
        SSEEnabled: boolean;
        SSEType: string;
        KMSMasterKeyId: unknown;
      };
      expect(sse.SSEEnabled, name).toBe(true);
      expect(sse.SSEType, name).toBe('KMS');
      expect(render(sse.KMSMasterKeyId), name).toBe(keyArn);
    }
  });

  it('expire idempotency records by their TTL attribute, and nothing else', () => {
    for (const def of definitions) {
      const ttl = tables.get(tableName('prod', def.id))!.Properties.TimeToLiveSpecification;
      if (def.timeToLiveAttribute)
        expect(ttl, def.id).toEqual({ AttributeName: def.timeToLiveAttribute, Enabled: true });
      else expect(ttl, def.id).toBeUndefined();
    }
    expect(TABLES.idempotency.timeToLiveAttribute).toBe('expiration');
  });

  it('follow the stage: another stage gets other names', () => {
    const other = synthesize({ stage: 'staging' });
    const names = resourcesOf(other.stateful, 'AWS::DynamoDB::Table').map(([, t]) => t.Properties.TableName);
    expect(names.sort()).toEqual(definitions.map((def) => tableName('staging', def.id)).sort());
    expect(() => synthesize({ stage: 'Prod_1' })).toThrow(/stage must match/);
  });
});
