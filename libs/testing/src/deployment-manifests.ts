import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

const repoRoot = join(__dirname, '../../..');

/** The shape of a service's configuration spec (`@oms/config` EnvVarSpec), as far as the check needs it. */
type EnvSpecs = Record<string, object>;

/** Read outside the service's own spec: logging (`@oms/nest-kit` createLogger) and OpenTelemetry. */
const SHARED_VARIABLES = new Set(['LOG_LEVEL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SDK_DISABLED', 'OTEL_SERVICE_NAME']);

/** What a deployment description sets for one service. */
interface Described {
  /** Variable names it sets (values where it has them). */
  variables: Map<string, string | undefined>;
  command: string[];
  port: number | undefined;
  healthPath?: string;
}

function composeService(service: string): Described {
  const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'));
  const entry = compose.services[service];
  if (!entry) throw new Error(`docker-compose.yml has no service ${service}`);
  const variables = new Map<string, string | undefined>(Object.entries(entry.environment ?? {}).map(([key, value]) => [key, String(value)]));
  for (const name of envFileNames(service)) if (!variables.has(name)) variables.set(name, undefined);
  const port = Number(String(entry.ports?.[0] ?? '').split(':')[1]);
  return { variables, command: entry.command, port: Number.isFinite(port) ? port : undefined };
}

/** Names in deploy/env/<service>.env.example, commented-out ones included (they document optional settings). */
function envFileNames(service: string): string[] {
  const file = join(repoRoot, 'deploy/env', `${service}.env.example`);
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] as string);
}

function kubernetesService(service: string): Described {
  const documents = parseAllDocuments(readFileSync(join(repoRoot, 'deploy/kubernetes', `${service}.yaml`), 'utf8')).map((document) => document.toJSON());
  const config = documents.find((document) => document.kind === 'ConfigMap' && document.metadata.name === service);
  const secret = documents.find((document) => document.kind === 'Secret' && document.metadata.name === `${service}-secrets`);
  const deployment = documents.find((document) => document.kind === 'Deployment' && document.metadata.name === service);
  if (!config || !deployment) throw new Error(`deploy/kubernetes/${service}.yaml needs a ConfigMap and a Deployment named ${service}`);
  const container = deployment.spec.template.spec.containers[0];
  const variables = new Map<string, string | undefined>(Object.entries(config.data as Record<string, string>));
  for (const name of Object.keys(secret?.stringData ?? {})) variables.set(name, undefined);
  for (const entry of container.env ?? []) variables.set(entry.name, entry.value);
  return { variables, command: container.command, port: container.ports?.[0]?.containerPort, healthPath: container.readinessProbe?.httpGet?.path };
}

/**
 * Problems between a service's configuration spec and what docker-compose.yml and
 * deploy/kubernetes/<service>.yaml set for it: unknown variables, required ones missing, a port
 * that is not the one the service listens on, a command that does not start the service.
 * Empty when they agree.
 */
export function deploymentProblems(service: string, specs: EnvSpecs, portVariable: string): string[] {
  const problems: string[] = [];
  const required = Object.keys(specs).filter((name) => !('default' in (specs[name] ?? {})));
  for (const [where, described] of [['docker-compose.yml', composeService(service)], [`deploy/kubernetes/${service}.yaml`, kubernetesService(service)]] as const) {
    for (const name of described.variables.keys()) {
      if (!(name in specs) && !SHARED_VARIABLES.has(name)) problems.push(`${where}: ${name} is not a variable of ${service}`);
    }
    for (const name of required) if (!described.variables.has(name)) problems.push(`${where}: required ${name} is not set`);
    const port = Number(described.variables.get(portVariable));
    if (port !== described.port) problems.push(`${where}: ${portVariable}=${String(described.variables.get(portVariable))} but the port exposed is ${String(described.port)}`);
    const main = described.command?.at(-1);
    if (main !== `apps/${service}/src/main.ts` || !existsSync(join(repoRoot, main))) problems.push(`${where}: command does not start apps/${service}/src/main.ts`);
    if ('healthPath' in described && described.healthPath !== '/health') problems.push(`${where}: readiness probe is not /health`);
  }
  return problems;
}
