import type { recordNamesByFolder, RecordTypes } from '../generated';
import { backOfficeFixtures } from './back-office-fixtures';
import { channelAndPaymentFixtures } from './channel-and-payment-fixtures';

type IngressName = (typeof recordNamesByFolder)['ingress'][number];

/** Realistic sample values of every ingress record. */
export const ingressFixtures: { [N in IngressName]: RecordTypes[N] } = { ...channelAndPaymentFixtures, ...backOfficeFixtures };
