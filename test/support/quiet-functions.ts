// Integration tests run the real handlers in this process. Powertools reads its settings once,
// when its modules load, and a test file may load them before it starts the local service that
// sets them: without this, the functions logged as `service_undefined`, their metrics went to the
// default namespace with a warning each, and ~3,000 such lines buried the test report. Set here
// first, as deployed, and silent unless POWERTOOLS_LOG_LEVEL asks for the functions' lines.
import { POWERTOOLS_ENVIRONMENT } from '../../shared/resources/functions.ts';

Object.assign(process.env, {
  ...POWERTOOLS_ENVIRONMENT,
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
  POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
});
