// ingest-ruling: linkage.ruling.v1 from the hearing courts' inbound queues.
import { acceptRuling } from '../../shared/pipeline/inbound/accept-ruling.ts';
import { ingestHandler } from '../ingest-handler.ts';

export const handler = ingestHandler('HEARING_COURT', 'ingest-ruling', acceptRuling);
