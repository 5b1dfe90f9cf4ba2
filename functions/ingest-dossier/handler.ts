// ingest-dossier: linkage.reduction-dossier.v1 from the prisons' inbound queues.
import { acceptDossier } from '../../shared/pipeline/inbound/accept-dossier.ts';
import { ingestHandler } from '../ingest-handler.ts';

export const handler = ingestHandler('ingest-dossier', acceptDossier);
