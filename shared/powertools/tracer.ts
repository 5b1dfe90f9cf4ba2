// X-Ray tracing through Powertools Tracer: the Lambda handler and every AWS SDK client. Loaded
// only through tracing.ts, so a function whose tracing is off never loads (or, built for a
// region without X-Ray, never even bundles) the X-Ray SDK: 115 KB of each bundle.
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Tracing } from './tracing.ts';

const tracer = new Tracer();

export const tracing: Tracing = {
  traceClient: (client) => tracer.captureAWSv3Client(client),
  middleware: () => captureLambdaHandler(tracer, { captureResponse: false }),
};
