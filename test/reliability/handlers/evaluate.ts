// The real evaluate handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/evaluate/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('evaluate', real);
