// Powertools' FIFO batch processor with the batch parser integration switched on. In 2.35
// SqsFifoPartialProcessorAsync takes no parser configuration, while its parent does: this
// subclass passes one through, so each record's body is parsed (and a bad one fails alone,
// skipping the rest of its message group) exactly as BatchProcessor does for standard queues.
import { SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { BatchProcessorConfig } from '@aws-lambda-powertools/batch/types';

export class ParsingSqsFifoProcessor extends SqsFifoPartialProcessorAsync {
  constructor(config: BatchProcessorConfig) {
    super();
    this.parserConfig = config;
  }
}
