import { ConfigError, loadConfig, parsers } from './index';

const spec = {
  DATABASE_URL: { parse: parsers.url, description: 'PostgreSQL connection URL' },
  BATCH_SIZE: { parse: parsers.positiveInteger, default: 500, description: 'records per batch' },
  API_SECRET: { parse: parsers.string, description: 'merchant secret', secret: true },
};

describe('loadConfig', () => {
  it('applies defaults and parses values', () => {
    const config = loadConfig(spec, { DATABASE_URL: 'postgres://x@h/db', API_SECRET: 's' });
    expect(config).toEqual({ DATABASE_URL: 'postgres://x@h/db', BATCH_SIZE: 500, API_SECRET: 's' });
  });

  it('names every missing or malformed variable in one error', () => {
    let error: unknown;
    try {
      loadConfig(spec, { BATCH_SIZE: '-3' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL is required');
    expect(message).toContain('API_SECRET is required');
    expect(message).toContain('BATCH_SIZE is invalid: expected a positive integer, got "-3"');
  });

  it('never echoes a secret value', () => {
    const secretSpec = { TOKEN: { parse: parsers.integer, description: 'a secret number', secret: true } };
    expect(() => loadConfig(secretSpec, { TOKEN: 'hunter2' })).toThrow(/TOKEN is invalid: value hidden/);
    expect(() => loadConfig(secretSpec, { TOKEN: 'hunter2' })).not.toThrow(/hunter2/);
  });
});
