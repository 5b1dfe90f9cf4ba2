// An enforcement status: keep it if it is the item's newest version, then re-evaluate every
// application of the prisoner (a status can matter to any of them).
import type { EnforcementStatusMessage } from '../../contract/messages.ts';
import { assessStatus } from '../../assessment/record.ts';
import { putStatus } from '../../storage/status-store.ts';
import { acknowledgeStale, requestEvaluation, type IngestDependencies } from './outcomes.ts';
import type { IngestOutcome } from './receive.ts';
import type { ReceivedRecord } from './reject.ts';

export async function acceptStatus(
  deps: IngestDependencies,
  message: EnforcementStatusMessage,
  record: ReceivedRecord,
): Promise<IngestOutcome> {
  const written = await putStatus(deps.db, deps.env.tables.cases, message, record.receivedAt);
  if (written === 'stale') return acknowledgeStale(message);
  await assessStatus(deps, message);
  return requestEvaluation(deps, message, message.body.personId);
}
