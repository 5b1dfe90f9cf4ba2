// The real ingest-dossier handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/ingest-dossier/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('ingest-dossier', real);
