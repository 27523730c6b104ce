import { DEFAULT_ORDERS, parseBackboneOptions } from './backbone-options';

describe('the main job command line', () => {
  it('defaults to a 200-order burst that keeps serving', () => {
    expect(parseBackboneOptions([])).toEqual({ orders: DEFAULT_ORDERS, exitWhenDone: false, against: false, help: false });
  });

  it('reads the burst size, the exit option, the JSON file and --against, with = or a separate value', () => {
    expect(parseBackboneOptions(['--orders', '40', '--exit-when-done', '--json=/tmp/s.json', '--against'])).toEqual({ orders: 40, exitWhenDone: true, jsonFile: '/tmp/s.json', against: true, help: false });
    expect(parseBackboneOptions(['--orders=25']).orders).toBe(25);
  });

  it('reads how long to wait for services that make no progress', () => {
    expect(parseBackboneOptions(['--patience', '300']).patience).toEqual({ stallMs: 300_000, maxMs: 900_000 });
    expect(parseBackboneOptions(['--patience=1200']).patience).toEqual({ stallMs: 1_200_000, maxMs: 1_200_000 });
    expect(parseBackboneOptions([]).patience).toBeUndefined();
  });

  it('names the bad option', () => {
    expect(() => parseBackboneOptions(['--patience', '0'])).toThrow('--patience expects a positive whole number of seconds, got "0"');
    expect(() => parseBackboneOptions(['--orders', 'many'])).toThrow('--orders expects a whole number, got "many"');
    expect(() => parseBackboneOptions(['--orders'])).toThrow('--orders needs a value');
    expect(() => parseBackboneOptions(['--verbose'])).toThrow('unknown option --verbose');
  });
});
