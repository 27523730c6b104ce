import type { NormalisedShipmentStatus } from '@oms/contracts';
import type { ParsedTrack } from '../carriers/carrier-adapter';

/** How a track reached us. */
export type TrackChannel = 'push' | 'poll' | 'kafka';

/** A track as stored: the carrier's event, its mapping, and what we knew when we wrote it. */
export interface StoredTrack {
  eventKey: string;
  track: ParsedTrack;
  status: NormalisedShipmentStatus | null;
  subStatus: string | null;
  receivedAt: number;
  receivedVia: TrackChannel;
  authoritativeStatusCode: string | null;
  authoritativeStatusText: string | null;
  credibilityScore: number | null;
}
