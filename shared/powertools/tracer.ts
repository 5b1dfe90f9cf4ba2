// The one Powertools tracer. It switches itself off outside Lambda (and when
// POWERTOOLS_TRACE_ENABLED=false), so local mode and tests need no X-Ray daemon.
import { Tracer } from '@aws-lambda-powertools/tracer';

export const tracer = new Tracer();
