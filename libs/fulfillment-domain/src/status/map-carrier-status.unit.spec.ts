import { dictionaryProblems } from './dictionary-problems';
import { mapCarrierStatus } from './map-carrier-status';
import type { StatusDictionary } from './status-dictionary';

const dictionary: StatusDictionary = {
  source: 'SF',
  documentation: 'test',
  codeField: 'opCode',
  codes: {
    '50': { text: '已收件', status: 'PICKED_UP' },
    '31': {
      text: '到达',
      rules: [
        { fact: 'nodeType', in: ['TRANSIT_HUB'], status: 'IN_TRANSIT', subStatus: 'TRUNK' },
        { fact: 'nodeType', in: ['OUTLET'], status: 'IN_TRANSIT', subStatus: 'REGIONAL' },
      ],
    },
  },
};

describe('mapCarrierStatus', () => {
  it('maps a plain code', () => {
    expect(mapCarrierStatus(dictionary, '50')).toEqual({ mapped: true, code: '50', status: 'PICKED_UP' });
  });

  it('decides a reused code by the payload’s node type', () => {
    expect(mapCarrierStatus(dictionary, '31', { nodeType: 'TRANSIT_HUB' })).toEqual({ mapped: true, code: '31', status: 'IN_TRANSIT', subStatus: 'TRUNK' });
    expect(mapCarrierStatus(dictionary, '31', { nodeType: 'OUTLET' })).toEqual({ mapped: true, code: '31', status: 'IN_TRANSIT', subStatus: 'REGIONAL' });
  });

  it('leaves a split code unmapped when no rule matches, naming the facts it saw', () => {
    const result = mapCarrierStatus(dictionary, '31', { nodeType: 'AIRPORT' });
    expect(result).toMatchObject({ mapped: false, code: '31' });
    expect(!result.mapped && result.reason).toContain('nodeType=AIRPORT');
  });

  it('answers an unknown code (even a prototype key) with a reason instead of throwing', () => {
    expect(mapCarrierStatus(dictionary, '9999')).toMatchObject({ mapped: false, reason: expect.stringContaining('9999') });
    expect(mapCarrierStatus(dictionary, 'constructor')).toMatchObject({ mapped: false });
  });

  it('reports known codes a dictionary leaves unmapped', () => {
    expect(dictionaryProblems(dictionary, ['50', '31', '80'])).toEqual(['SF: known code 80 is unmapped']);
  });
});
