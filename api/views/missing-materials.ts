// The prison's list shows, per application, the Art 5 materials its current flag says are
// missing. The list index carries only the row, so these come from the current revision's
// flag: one GetItem per row with a revision (a page is at most 100 rows), for prisons only.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MATERIALS } from '../../shared/contract/fulfilment-flag.ts';
import { decisionKey } from '../../shared/storage/keys.ts';

type Material = (typeof MATERIALS)[number];
const KNOWN = new Set<string>(MATERIALS);

export async function missingMaterialsOf(
  db: DynamoDBDocumentClient,
  table: string,
  rows: readonly { applicationId: string; revision?: number }[],
): Promise<Map<string, Material[]>> {
  const found = new Map<string, Material[]>();
  await Promise.all(
    rows.map(async (row) => {
      if (row.revision === undefined) return;
      const result = await db.send(
        new GetCommand({
          TableName: table,
          Key: decisionKey(row.applicationId, row.revision),
          ProjectionExpression: 'flag.missingMaterials',
        }),
      );
      const list = (result.Item?.flag as { missingMaterials?: unknown } | undefined)?.missingMaterials;
      if (Array.isArray(list))
        found.set(
          row.applicationId,
          list.filter((m): m is Material => typeof m === 'string' && KNOWN.has(m)),
        );
    }),
  );
  return found;
}
