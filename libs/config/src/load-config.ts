import { ConfigError } from './config-error';
import type { ConfigOf, EnvSpec } from './env-spec';

/**
 * Reads and validates configuration once, at start-up. Every problem is collected so one failed
 * start names all missing or malformed variables at once.
 *
 * @example
 * const config = loadConfig({ DATABASE_URL: { parse: parsers.url, description: 'PostgreSQL' } });
 */
export function loadConfig<S extends EnvSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, varSpec] of Object.entries(spec)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (varSpec.default === undefined) problems.push(`${name} is required (${varSpec.description})`);
      else config[name] = varSpec.default;
      continue;
    }
    try {
      config[name] = varSpec.parse(raw);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push(`${name} is invalid: ${varSpec.secret ? 'value hidden' : why} (${varSpec.description})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<S>;
}
