import * as publicFace from './index';

describe('@oms/bank-statements public face', () => {
  it('exports the parsers, the file reader and the helpers — and nothing internal', () => {
    const functions = Object.entries(publicFace).filter(([, value]) => typeof value === 'function').map(([name]) => name).sort();
    expect(functions).toEqual([
      'bankLineOfInput', 'decodeStatementText', 'fileFingerprint', 'lineIdOf', 'lineIdOfRecord', 'maskAccountNumber', 'parseAmount', 'parseCamt053Statement', 'parseCsvStatement',
      'parseFenAmount', 'parseYuanAmount', 'readDirection', 'readStatementFile', 'toBankLine',
    ]);
  });
});
