// ingest-status: linkage.enforcement-status.v1 from the enforcing courts' inbound queues.
import { acceptStatus } from '../../shared/pipeline/inbound/accept-status.ts';
import { ingestHandler } from '../ingest-handler.ts';

export const handler = ingestHandler('ingest-status', acceptStatus);
