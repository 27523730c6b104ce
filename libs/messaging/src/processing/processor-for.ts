import { BatchProcessor } from './batch-processor';
import { PartitionMerger, type PartitionBatchProcessor } from './partition-merger';
import type { ProcessingContext } from './processing-context';

/** The processor a subscription's partitions share: one transaction per partition's chunk, or merged ones. */
export function processorFor<TValue, TClient>(context: ProcessingContext<TValue, TClient>): PartitionBatchProcessor {
  const processor = new BatchProcessor(context);
  return context.mergePartitions ? new PartitionMerger(processor) : processor;
}
