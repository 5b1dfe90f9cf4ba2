// ingest-ruling: linkage.ruling.v1 from the hearing courts' inbound queues, accepted once per
// message (shared/pipeline/inbound/idempotency.ts says why only this one).
import { acceptRuling } from '../../shared/pipeline/inbound/accept-ruling.ts';
import { oncePerMessage } from '../../shared/pipeline/inbound/idempotency.ts';
import { ingestHandler } from '../ingest-handler.ts';

export const handler = ingestHandler('ingest-ruling', acceptRuling, oncePerMessage('ingest-ruling'));
