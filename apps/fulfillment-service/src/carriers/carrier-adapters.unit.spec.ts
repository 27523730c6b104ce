import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryProblems, mapCarrierStatus } from '@oms/fulfillment-domain';
import type { RecordedHttpClient } from '../calls/recorded-http.client';
import { MalformedPushError, type CarrierAdapter, type ParsedTrack } from './carrier-adapter';
import documentedCodes from './dictionaries/documented-codes.json';
import { JdAdapter } from './jd/jd.adapter';
import { Kuaidi100Adapter } from './kuaidi100/kuaidi100.adapter';
import { SfAdapter } from './sf/sf.adapter';
import { ZtoAdapter } from './zto/zto.adapter';

// Parsing pushes makes no call: the HTTP client is never touched.
const http = {} as RecordedHttpClient;
const adapters = { SF: new SfAdapter(http, ''), ZTO: new ZtoAdapter(http, ''), JD: new JdAdapter(http, ''), KUAIDI100: new Kuaidi100Adapter(http, '') };
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** What a user of the tracking history relies on, per track. */
function normalised(adapter: CarrierAdapter, track: ParsedTrack) {
  const mapping = mapCarrierStatus(adapter.dictionary, track.carrierStatusCode, track.facts);
  return {
    carrier: track.carrier,
    trackingNumber: track.trackingNumber,
    code: track.carrierStatusCode,
    status: mapping.mapped ? mapping.status : null,
    subStatus: mapping.mapped ? (mapping.subStatus ?? null) : null,
    epochMs: track.occurredAt.epochMs,
    isoText: track.occurredAt.isoText,
    originalText: track.occurredAt.originalText,
  };
}

describe('carrier fixtures map exactly', () => {
  it('SF route push: Beijing local times, the reused opCode 31 split by node type (trunk vs regional)', () => {
    const tracks = adapters.SF.parsePush(fixture('sf-route-push.json'));
    expect(tracks.map((track) => normalised(adapters.SF, track))).toEqual([
      { carrier: 'SF', trackingNumber: 'SF1402398573417', code: '50', status: 'PICKED_UP', subStatus: null, epochMs: Date.parse('2024-06-18T08:05:30Z'), isoText: '2024-06-18T16:05:30+08:00', originalText: '2024-06-18 16:05:30' },
      { carrier: 'SF', trackingNumber: 'SF1402398573417', code: '31', status: 'IN_TRANSIT', subStatus: 'TRUNK', epochMs: Date.parse('2024-06-18T13:10:00Z'), isoText: '2024-06-18T21:10:00+08:00', originalText: '2024-06-18 21:10:00' },
      { carrier: 'SF', trackingNumber: 'SF1402398573417', code: '31', status: 'IN_TRANSIT', subStatus: 'REGIONAL', epochMs: Date.parse('2024-06-18T23:42:00Z'), isoText: '2024-06-19T07:42:00+08:00', originalText: '2024-06-19 07:42:00' },
      { carrier: 'SF', trackingNumber: 'SF1402398573417', code: '44', status: 'OUT_FOR_DELIVERY', subStatus: null, epochMs: Date.parse('2024-06-19T01:15:00Z'), isoText: '2024-06-19T09:15:00+08:00', originalText: '2024-06-19 09:15:00' },
      { carrier: 'SF', trackingNumber: 'SF1402398573417', code: '80', status: 'DELIVERED', subStatus: null, epochMs: Date.parse('2024-06-19T06:22:37Z'), isoText: '2024-06-19T14:22:37+08:00', originalText: '2024-06-19 14:22:37' },
    ]);
    expect(tracks[1]).toMatchObject({ merchantOrderRef: 'dp_20240618_000123-S1', location: '杭州萧山转运中心', carrierStatusText: '快件到达【杭州萧山转运中心】' });
  });

  it('ZTO track push: 运输中 (ARRIVAL) is plain in-transit, the site kept', () => {
    const [track] = adapters.ZTO.parsePush(fixture('zto-track-push.json'));
    expect(normalised(adapters.ZTO, track)).toEqual({ carrier: 'ZTO', trackingNumber: '73100012345678', code: 'ARRIVAL', status: 'IN_TRANSIT', subStatus: null, epochMs: Date.parse('2024-06-18T14:31:05Z'), isoText: '2024-06-18T22:31:05+08:00', originalText: '2024-06-18 22:31:05' });
    expect(track).toMatchObject({ carrierStatusText: '到件', location: '杭州中转部', description: '快件已到达【杭州中转部】' });
  });

  it('JD trace push: epoch-ms time written in Beijing time, delivery station = regional', () => {
    const [track] = adapters.JD.parsePush(fixture('jd-trace-push.json'));
    expect(normalised(adapters.JD, track)).toEqual({ carrier: 'JD', trackingNumber: 'JDVA00012345678', code: '10040', status: 'IN_TRANSIT', subStatus: 'REGIONAL', epochMs: 1718755200000, isoText: '2024-06-19T08:00:00.000+08:00', originalText: '1718755200000' });
  });

  it('Kuaidi100 push: the route newest first becomes oldest first, the underlying carrier (YTO) named, statusCode as second level', () => {
    const tracks = adapters.KUAIDI100.parsePush(fixture('kuaidi100-push.form.txt').trim());
    expect(tracks.map((track) => normalised(adapters.KUAIDI100, track))).toEqual([
      { carrier: 'YTO', trackingNumber: 'YT7512345678901', code: '103', status: 'PICKED_UP', subStatus: null, epochMs: Date.parse('2024-06-18T08:06:00Z'), isoText: '2024-06-18T16:06:00+08:00', originalText: '2024-06-18 16:06:00' },
      { carrier: 'YTO', trackingNumber: 'YT7512345678901', code: '1002', status: 'IN_TRANSIT', subStatus: 'TRUNK', epochMs: Date.parse('2024-06-18T15:40:00Z'), isoText: '2024-06-18T23:40:00+08:00', originalText: '2024-06-18 23:40:00' },
      { carrier: 'YTO', trackingNumber: 'YT7512345678901', code: '1001', status: 'IN_TRANSIT', subStatus: 'REGIONAL', epochMs: Date.parse('2024-06-18T22:10:00Z'), isoText: '2024-06-19T06:10:00+08:00', originalText: '2024-06-19 06:10:00' },
    ]);
    expect(tracks.every((track) => track.source === 'KUAIDI100')).toBe(true);
  });
});

describe('status dictionaries', () => {
  it.each(Object.entries(adapters))('%s leaves no documented code unmapped', (source, adapter) => {
    expect(dictionaryProblems(adapter.dictionary, documentedCodes[source as keyof typeof adapters])).toEqual([]);
  });

  it('SF: the same opCode 31 means trunk at a transit hub and regional at an outlet; without a node type it is a review item', () => {
    expect(mapCarrierStatus(adapters.SF.dictionary, '31', { nodeType: 'TRANSIT_HUB' })).toMatchObject({ status: 'IN_TRANSIT', subStatus: 'TRUNK' });
    expect(mapCarrierStatus(adapters.SF.dictionary, '31', { nodeType: 'OUTLET' })).toMatchObject({ status: 'IN_TRANSIT', subStatus: 'REGIONAL' });
    expect(mapCarrierStatus(adapters.SF.dictionary, '31', {})).toMatchObject({ mapped: false });
  });

  it('an unknown code parses and comes back unmapped with a reason, never a crash', () => {
    const body = JSON.stringify({ ...JSON.parse(fixture('zto-track-push.json')), scanType: 'CUSTOMS_HOLD' });
    const [track] = adapters.ZTO.parsePush(body);
    expect(mapCarrierStatus(adapters.ZTO.dictionary, track.carrierStatusCode, track.facts)).toEqual({ mapped: false, code: 'CUSTOMS_HOLD', reason: 'ZTO scanType CUSTOMS_HOLD is not in the ZTO status dictionary' });
    expect(JSON.parse(track.rawPayload)).toMatchObject({ scanType: 'CUSTOMS_HOLD' });
  });
});

describe('malformed pushes', () => {
  it.each([
    ['SF', 'not json', 'body is not JSON'],
    ['SF', '{"Body":{"WaybillRoute":[]}}', 'WaybillRoute is empty'],
    ['ZTO', '{"billCode":"7310","scanType":"GOT","desc":"已揽收","scanDate":"18/06/2024"}', 'scanDate "18/06/2024" is not a time'],
    ['JD', '{"state":"10010"}', 'waybillCode is missing'],
    ['KUAIDI100', 'foo=bar', 'form field param is missing'],
  ] as const)('%s %j is refused: %s', (source, body, reason) => {
    expect(() => adapters[source].parsePush(body)).toThrow(MalformedPushError);
    expect(() => adapters[source].parsePush(body)).toThrow(reason);
  });
});
