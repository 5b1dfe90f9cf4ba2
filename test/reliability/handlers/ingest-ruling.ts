// The real ingest-ruling handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/ingest-ruling/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('ingest-ruling', real);
