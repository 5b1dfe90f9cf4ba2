// The real reconcile-assessment handler, run under the reliability suite's fault injection.
import { handler as real } from '../../../functions/reconcile-assessment/handler.ts';
import { faultable } from './faultable.ts';

export const handler = faultable('reconcile-assessment', real);
