// 10,000 applications in the local cases table, written as the ingest writes them (the
// dossier's attributes and the list-index copies, then a decision), in batches of 25.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listingOf } from '../../shared/storage/application-store.ts';
import { applicationKey, applicationLookupKey } from '../../shared/storage/keys.ts';
import { personIdFrom } from '../../generators/case.ts';
import { dossier } from '../../generators/case.ts';

const DECISIONS = ['CLEAR', 'FLAG', 'BLOCK', 'CLEAR', 'CLEAR', 'REVOKE'] as const;

export async function seedApplications(
  db: DynamoDBDocumentClient,
  table: string,
  count: number,
  hearingCourtId: string,
  prisons: readonly string[],
): Promise<void> {
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    let items = batch.map((Item) => ({ PutRequest: { Item } }));
    batch = [];
    while (items.length > 0) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: items } }));
      items = (result.UnprocessedItems?.[table] ?? []) as typeof items;
    }
  };
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const applicationId = `BENCH-${String(i).padStart(6, '0')}`;
    const personId = personIdFrom(`350802198001${String(i % 100_000).padStart(5, '0')}`);
    const prisonId = prisons[i % prisons.length]!;
    const submittedAt = new Date(start + i * 60_000).toISOString().replace('Z', '+00:00');
    const body = dossier({
      applicationId,
      hearingCourtId,
      prisoner: { prisonerNo: `N${i}`, name: '张某', personId },
      submittedAt,
    }).body;
    batch.push(
      {
        ...applicationKey(personId, applicationId),
        applicationId,
        dossier: body,
        dossierVersion: 1,
        prisonId,
        hearingCourtId,
        listing: listingOf(body),
        firstSubmittedAt: submittedAt,
        firstSubmittedUtc: new Date(submittedAt).toISOString(),
        rulings: {},
        senderId: prisonId,
        messageId: `${prisonId}:dossier:${applicationId}:v1`,
        receivedAt: submittedAt,
        revision: 1,
        decision: DECISIONS[i % DECISIONS.length],
        evaluatedAt: submittedAt,
      },
      { ...applicationLookupKey(applicationId), applicationId, personId, prisonId },
    );
    if (batch.length >= 24) await flush();
  }
  await flush();
}
