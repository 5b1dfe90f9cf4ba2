// The one Powertools logger of every function. Service name and level come from
// POWERTOOLS_SERVICE_NAME and POWERTOOLS_LOG_LEVEL; personal data is redacted on output.
import { Logger } from '@aws-lambda-powertools/logger';
import { redactPersonalData } from './redaction.ts';

export const logger = new Logger({ jsonReplacerFn: redactPersonalData });
