// The middy wiring every handler shares: tracing, logger context (never the event: it holds
// personal data), and the metrics flush at the end of each invocation.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';
import { metrics } from './metrics.ts';
import { tracing } from './tracing.ts';

export function withPowertools<Event, Result>(handler: (event: Event, context: Context) => Promise<Result>) {
  const chain = middy(handler);
  if (tracing) chain.use(tracing.middleware());
  return chain.use(injectLambdaContext(logger, { logEvent: false, resetKeys: true })).use(logMetrics(metrics));
}
