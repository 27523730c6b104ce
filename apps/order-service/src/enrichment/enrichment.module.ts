import { Module } from '@nestjs/common';
import { PromotionEnrichmentConsumer } from './promotion-enrichment.consumer';

/** Optional enrichments of the order log (promotion redemption), each in its own consumer group. */
@Module({ providers: [PromotionEnrichmentConsumer] })
export class EnrichmentModule {}
