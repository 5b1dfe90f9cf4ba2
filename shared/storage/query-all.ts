// Every item a query matches, over as many pages as DynamoDB returns (1 MB each): the SDK's
// own paginator, so the continuation key is handled in one place.
import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export async function queryAll(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: db }, input)) items.push(...(page.Items ?? []));
  return items;
}
