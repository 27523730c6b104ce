import { StockBook } from './stock-book';

const stock = () => new StockBook([
  { warehouseId: 'WH-HZ-01', sku: 'TEA', onHand: 5 },
  { warehouseId: 'WH-SH-02', sku: 'TEA', onHand: 10 },
  { warehouseId: 'WH-SH-02', sku: 'CUP', onHand: 1 },
]);

describe('simulated warehouse stock', () => {
  it('reserves every line from the first warehouse with enough free stock', () => {
    const book = stock();
    expect(book.reserve('r1', [{ lineId: 'L1', sku: 'TEA', quantity: 7 }, { lineId: 'L2', sku: 'CUP', quantity: 1 }])).toEqual({
      status: 'RESERVED', lines: [{ lineId: 'L1', sku: 'TEA', quantity: 7, warehouseId: 'WH-SH-02' }, { lineId: 'L2', sku: 'CUP', quantity: 1, warehouseId: 'WH-SH-02' }],
    });
    expect(book.level('WH-SH-02', 'TEA')).toMatchObject({ onHand: 10, reserved: 7 });
  });

  it('reserves nothing when one line is short, and says which', () => {
    const book = stock();
    expect(book.reserve('r1', [{ lineId: 'L1', sku: 'TEA', quantity: 1 }, { lineId: 'L2', sku: 'CUP', quantity: 2 }])).toEqual({ status: 'FAILED', code: 'OUT_OF_STOCK', message: 'not enough stock of CUP' });
    expect(book.level('WH-HZ-01', 'TEA')).toMatchObject({ reserved: 0 });
  });

  it('answers a repeated reservation id with the first outcome, reserving once', () => {
    const book = stock();
    const first = book.reserve('r1', [{ lineId: 'L1', sku: 'TEA', quantity: 5 }]);
    expect(book.reserve('r1', [{ lineId: 'L1', sku: 'TEA', quantity: 5 }])).toBe(first);
    expect(book.level('WH-HZ-01', 'TEA')).toMatchObject({ reserved: 5 });
  });

  it('refuses an unknown SKU and reports shortages of a dry run', () => {
    const book = stock();
    expect(book.reserve('r1', [{ lineId: 'L1', sku: 'NOPE', quantity: 1 }])).toMatchObject({ status: 'FAILED', code: 'UNKNOWN_SKU' });
    expect(book.shortages('WH-HZ-01', [{ sku: 'TEA', quantity: 6 }, { sku: 'CUP', quantity: 1 }])).toEqual([{ sku: 'TEA', requested: 6, available: 5 }, { sku: 'CUP', requested: 1, available: 0 }]);
  });
});
