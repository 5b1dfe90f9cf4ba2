// The real ingest-status handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/ingest-status/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('ingest-status', real);
