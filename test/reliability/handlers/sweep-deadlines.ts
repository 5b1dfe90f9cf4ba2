// The real sweep-deadlines handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/sweep-deadlines/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('sweep-deadlines', real);
