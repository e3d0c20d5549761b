import { loadSubgraphConfig } from '@resident-graph/federation';
import { loadGatewayConfig } from '@resident-graph/gateway';
import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
import { agencySchemaNames } from '@resident-graph/store';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  deploymentSecretNames,
  writeDeploymentSecrets,
} from '../../scripts/lib/deployment-secrets.js';
import { subgraphs } from '../../scripts/lib/subgraphs.js';
import { haproxyVariables, variablesReadBy } from './variables-read.js';

const root = new URL('../../', import.meta.url);
const readRepoFile = (path: string) => readFileSync(new URL(path, root), 'utf8');

const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z
    .union([
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      z.array(z.string()),
    ])
    .optional(),
  ports: z.array(z.union([z.string(), z.number()])).optional(),
  expose: z.array(z.union([z.string(), z.number()])).optional(),
  volumes: z.array(z.string()).optional(),
  secrets: z.array(z.string()).optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))])
    .optional(),
  healthcheck: z.object({ test: z.union([z.string(), z.array(z.string())]) }).optional(),
});
type Service = z.infer<typeof serviceSchema>;

const compose = z
  .object({
    services: z.record(z.string(), serviceSchema),
    volumes: z.record(z.string(), z.unknown().nullable()).optional(),
    secrets: z.record(z.string(), z.object({ file: z.string() })).optional(),
  })
  .parse(parse(readRepoFile('docker-compose.yml'), { merge: true }));
const services = Object.entries(compose.services);

const repoPath = (path: string) => fileURLToPath(new URL(path, root));

/** The registered subgraphs (scripts/lib/subgraphs.ts, the only list of them), by name. */
const subgraphNames = subgraphs.map((s) => s.name).sort();

/** Workspaces under subgraphs/, by folder name (which is also the subgraph's name). */
const subgraphFolders = readdirSync(new URL('subgraphs/', root), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .filter((entry) => existsSync(new URL(`subgraphs/${entry.name}/package.json`, root)))
  .map((entry) => entry.name)
  .sort();

const commandOf = (service: Service) =>
  Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

function dependenciesOf(service: Service): Record<string, string | undefined> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep.condition]));
}

/** Host and container port of each `ports` entry ("host:container" or "ip:host:container"). */
function publishedPorts(service: Service): { host: number; container: number }[] {
  return (service.ports ?? []).map((entry) => {
    const parts = String(entry).split('/')[0]!.split(':');
    const container = Number(parts.at(-1));
    const host = parts.length > 1 ? Number(parts.at(-2)) : container;
    return { host, container };
  });
}

const gatewayServices = services.filter(([, service]) =>
  commandOf(service).includes('gateway/src/main.ts'),
);
const gatewayNames = gatewayServices.map(([name]) => name);

/** The load balancer: the service that mounts deploy/haproxy.cfg. */
const loadBalancer = services.find(([, service]) =>
  (service.volumes ?? []).some((mount) => mount.startsWith('./deploy/haproxy.cfg:')),
);

/** The container's health probe as one string. */
const probeOf = (service: Service) => {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
};

/** Variables each kind of service reads, from the code that reads them. */
const readers = {
  gateway: new Set([
    ...variablesReadBy(repoPath('gateway/src/config.ts')),
    // main.ts sets APOLLO_TELEMETRY_DISABLED for @apollo/gateway, which reads it.
    ...variablesReadBy(repoPath('gateway/src/main.ts')),
  ]),
  subgraph: variablesReadBy(repoPath('internal/federation/src/subgraph-config.ts')),
  setup: new Set([
    ...variablesReadBy(repoPath('scripts/keys.ts')),
    ...variablesReadBy(repoPath('scripts/seed.ts')),
  ]),
  loadBalancer: haproxyVariables(repoPath('deploy/haproxy.cfg')),
  // The official postgres image's documented variables (its entrypoint reads them, not our code).
  postgres: new Set(['POSTGRES_DB', 'POSTGRES_USER', 'POSTGRES_PASSWORD_FILE']),
};

describe('docker-compose.yml', () => {
  it('registers every subgraph workspace in scripts/lib/subgraphs.ts, the list it is checked against', () => {
    expect(subgraphNames).toEqual(subgraphFolders);
    expect(subgraphNames).toContain('identity');
  });

  it('sees the variables the code reads (the check below would pass vacuously otherwise)', () => {
    expect(readers.gateway).toContain('SUBGRAPH_URLS');
    expect(readers.gateway).toContain('APOLLO_TELEMETRY_DISABLED');
    expect(readers.subgraph).toContain('DATABASE_PASSWORD_FILE');
    expect(readers.setup).toContain('DATABASE_URL');
    expect(readers.loadBalancer).toEqual(
      new Set(['LB_BIND', 'LB_ADMIN', 'GATEWAY_1', 'GATEWAY_2']),
    );
  });

  it('runs exactly the registered subgraphs, the gateways, the load balancer and their backing services', () => {
    const expected = [
      ...subgraphNames,
      ...gatewayNames,
      loadBalancer?.[0],
      'postgres',
      'redis',
      'setup',
    ];
    expect(Object.keys(compose.services).sort()).toEqual(expected.sort());
  });

  it("runs every gateway replica, and the image, with the gateway's Node flags", () => {
    expect(gatewayNames.length).toBeGreaterThanOrEqual(2);
    for (const [, service] of gatewayServices)
      for (const flag of GATEWAY_NODE_FLAGS) expect(commandOf(service)).toContain(flag);
    const cmd = readFileSync(new URL('Dockerfile', root), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    for (const flag of GATEWAY_NODE_FLAGS) expect(cmd).toContain(flag);
  });

  it.each(subgraphNames)('runs the %s subgraph from its own main.ts', (name) => {
    const service = compose.services[name];
    expect(service, `no service named ${name}`).toBeDefined();
    const entry = `subgraphs/${name}/src/main.ts`;
    expect(commandOf(service!)).toContain(entry);
    expect(existsSync(new URL(entry, root)), `${entry} does not exist`).toBe(true);
  });

  it.each(subgraphNames)(
    'gives the %s subgraph its port, its own database role and secret, and a readiness check',
    (name) => {
      const service = compose.services[name]!;
      const env = environmentOf(service);
      const definition = subgraphs.find((s) => s.name === name)!;
      // The port the code gives the agency, kept in the container too.
      expect(Number(env['PORT'])).toBe(definition.defaultPort);
      expect(env['HOST']).toBe('0.0.0.0');
      expect((service.expose ?? []).map(Number)).toContain(definition.defaultPort);
      expect(service.ports ?? [], 'subgraphs are reached through the gateway only').toEqual([]);

      // Its own role on the shared server, its password from its own secret file only.
      const database = new URL(env['DATABASE_URL']!);
      const postgres = environmentOf(compose.services['postgres']!);
      expect(database.username).toBe(agencySchemaNames(name).role);
      expect(database.password, 'no password in the environment').toBe('');
      expect(database.hostname).toBe('postgres');
      expect(database.pathname).toBe(`/${postgres['POSTGRES_DB']}`);
      expect(service.secrets).toEqual([`db-password-${name}`]);
      expect(env['DATABASE_PASSWORD_FILE']).toBe(`/run/secrets/db-password-${name}`);

      // The gateway's public key only, read-only, from the volume setup writes it to; its local
      // state (keys it creates itself) on a volume of its own.
      expect(env['GATEWAY_JWKS_FILE']).toBe('/public-keys/gateway-caller.jwks.json');
      expect(env['DATA_DIR']).toBe('/data');
      expect(service.volumes).toEqual(['public-keys:/public-keys:ro', `${name}-data:/data`]);

      expect(probeOf(service)).toContain(`http://127.0.0.1:${env['PORT']}/health/ready`);
      expect(dependenciesOf(service)).toEqual({
        setup: 'service_completed_successfully',
        postgres: 'service_healthy',
      });
      // The real reader accepts every value.
      expect(() => loadSubgraphConfig(name, definition.defaultPort, env)).not.toThrow();
    },
  );

  it('creates the keys, publishes the public one and seeds PostgreSQL once, before the services that need them', () => {
    const setup = compose.services['setup']!;
    const env = environmentOf(setup);
    const postgres = environmentOf(compose.services['postgres']!);
    // Keys first: every subgraph reads the gateway's public caller key at start-up.
    expect(commandOf(setup)).toMatch(
      /scripts\/keys\.ts.*&&.*cp \/data\/keys\/gateway-caller\.jwks\.json \/public-keys\/.*&&.*scripts\/seed\.ts --if-empty --role-password-dir \/run\/secrets/,
    );
    expect(setup.volumes).toEqual(['data:/data', 'public-keys:/public-keys']);
    // The admin connection, with the admin password from the same secret postgres was given.
    expect(new URL(env['DATABASE_URL']!).username).toBe(postgres['POSTGRES_USER']);
    expect(env['DATABASE_PASSWORD_FILE']).toBe(postgres['POSTGRES_PASSWORD_FILE']);
    expect([...(setup.secrets ?? [])].sort()).toEqual(deploymentSecretNames().sort());
    expect(dependenciesOf(setup)).toEqual({ postgres: 'service_healthy' });
  });

  it('names only variables that the code of each service reads', () => {
    const readerOf = (name: string): Set<string> | undefined => {
      if (subgraphNames.includes(name)) return readers.subgraph;
      if (gatewayNames.includes(name)) return readers.gateway;
      if (name === loadBalancer?.[0]) return readers.loadBalancer;
      if (name === 'setup') return readers.setup;
      if (name === 'postgres') return readers.postgres;
      return undefined;
    };
    for (const [name, service] of services) {
      const named = Object.keys(environmentOf(service));
      if (named.length === 0) continue;
      const reads = readerOf(name);
      expect(reads, `no known reader for the variables of ${name}`).toBeDefined();
      for (const variable of named) {
        expect(reads!.has(variable), `${name} sets ${variable}, which its code never reads`).toBe(
          true,
        );
      }
    }
  });

  it('only depends on services that exist', () => {
    for (const [name, service] of services) {
      for (const target of Object.keys(dependenciesOf(service))) {
        expect(compose.services, `${name} depends on missing service ${target}`).toHaveProperty([
          target,
        ]);
      }
    }
  });

  it('publishes only the load balancer, on the host loopback', () => {
    for (const [name, service] of services) {
      if (name === loadBalancer?.[0]) continue;
      expect(service.ports ?? [], `${name} publishes a port`).toEqual([]);
    }
    for (const entry of loadBalancer?.[1].ports ?? [])
      expect(String(entry)).toMatch(/^127\.0\.0\.1:/);
  });

  it('publishes every host port once', () => {
    const owners = new Map<number, string>();
    for (const [name, service] of services) {
      for (const { host } of publishedPorts(service)) {
        expect(owners.get(host), `host port ${host} used by ${owners.get(host)} and ${name}`).toBe(
          undefined,
        );
        owners.set(host, name);
      }
    }
    expect(owners.size).toBeGreaterThan(0);
  });

  it('declares every named volume a service mounts', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of services) {
      for (const mount of service.volumes ?? []) {
        const source = mount.split(':')[0]!;
        const isNamed = !source.startsWith('.') && !source.startsWith('/') && mount.includes(':');
        if (isNamed)
          expect(declared, `${name} mounts undeclared volume ${source}`).toContain(source);
      }
    }
    expect(declared).toContain('data');
  });

  it('mounts each volume of private keys only where those keys belong', () => {
    const mountedBy = (volume: string) =>
      services
        .filter(([, service]) => service.volumes?.some((mount) => mount.startsWith(`${volume}:`)))
        .map(([name]) => name)
        .sort();
    expect(mountedBy('data')).toEqual(['setup', ...gatewayNames].sort());
    for (const name of subgraphNames) expect(mountedBy(`${name}-data`)).toEqual([name]);
  });

  it('declares exactly the secrets `npm run deploy:secrets` writes, as ignored files, and uses each', () => {
    const declared = compose.secrets ?? {};
    expect(Object.keys(declared).sort()).toEqual(deploymentSecretNames().sort());
    for (const [name, { file }] of Object.entries(declared)) {
      expect(file).toBe(`./deploy/secrets/${name}`);
    }
    const used = new Set(services.flatMap(([, service]) => service.secrets ?? []));
    expect([...used].sort()).toEqual(Object.keys(declared).sort());
    expect(readRepoFile('.gitignore')).toMatch(/^deploy\/secrets\/$/m);
  });

  it('starts postgres with its admin password from a secret file, and checks it is up', () => {
    const postgres = compose.services['postgres']!;
    const env = environmentOf(postgres);
    expect(env['POSTGRES_PASSWORD_FILE']).toBe('/run/secrets/postgres-admin-password');
    expect(postgres.secrets).toEqual(['postgres-admin-password']);
    expect(probeOf(postgres)).toContain('pg_isready');
  });

  it('runs at least two gateway replicas', () => {
    expect(gatewayNames.length).toBeGreaterThanOrEqual(2);
  });

  it.each(gatewayServices)('configures gateway service %s for every subgraph', (name, service) => {
    const env = environmentOf(service);
    expect(env['APOLLO_TELEMETRY_DISABLED']).toBe('true');

    const raw = env['SUBGRAPH_URLS'];
    expect(raw, `${name} has no SUBGRAPH_URLS`).toBeTruthy();
    const urls = z.record(z.string(), z.string()).parse(JSON.parse(raw!));
    expect(Object.keys(urls).sort()).toEqual(subgraphNames);

    const deps = dependenciesOf(service);
    for (const [subgraph, url] of Object.entries(urls)) {
      const { protocol, hostname, port, pathname } = new URL(url);
      expect(protocol).toBe('http:');
      expect(pathname).toBe('/graphql');
      expect(hostname, `${subgraph} URL must point at its own service`).toBe(subgraph);
      const target = compose.services[hostname];
      expect(target, `${url} names no service`).toBeDefined();
      expect(environmentOf(target!)['PORT'], `${url} uses the wrong port`).toBe(port);
      expect(deps[subgraph], `${name} must wait for ${subgraph} to be healthy`).toBe(
        'service_healthy',
      );
    }
    expect(deps['redis']).toBe('service_healthy');
    expect((service.expose ?? []).map(String)).toContain(env['PORT']);
    expect(probeOf(service)).toContain(`http://127.0.0.1:${env['PORT']}/health/ready`);
    // The real reader accepts every value.
    expect(() => loadGatewayConfig(env, repoPath('.'))).not.toThrow();
  });

  it('puts every gateway replica, and nothing else, behind the load balancer', () => {
    expect(loadBalancer, 'no service mounts deploy/haproxy.cfg').toBeDefined();
    const [name, service] = loadBalancer!;
    const env = environmentOf(service);
    const config = readRepoFile('deploy/haproxy.cfg');
    // One `server` line per GATEWAY_n variable, each naming one gateway service on its port.
    const serverVariables = [...config.matchAll(/^\s*server \S+ "\$\{(\w+)\}"/gm)].map(
      (m) => m[1]!,
    );
    const targets = serverVariables.map((variable) => env[variable] ?? '');
    const gatewayAddresses = gatewayServices.map(
      ([gateway, gatewayService]) => `${gateway}:${environmentOf(gatewayService)['PORT']}`,
    );
    expect(targets.sort()).toEqual(gatewayAddresses.sort());
    // Every variable the file expands is set, and nothing else.
    expect(Object.keys(env).sort()).toEqual([...readers.loadBalancer].sort());
    // Clients come in on LB_BIND; LB_ADMIN answers the container's health check.
    const bindPort = Number(env['LB_BIND']!.split(':').at(-1));
    expect(publishedPorts(service).map((p) => p.container)).toContain(bindPort);
    const adminPort = env['LB_ADMIN']!.split(':').at(-1);
    expect(probeOf(service)).toContain(`http://127.0.0.1:${adminPort}/health`);
    expect(config).toMatch(/option httpchk GET \/health\/ready/);
    const deps = dependenciesOf(service);
    for (const gateway of gatewayNames) {
      expect(deps[gateway], `${name} must wait for ${gateway}`).toBe('service_healthy');
    }
  });

  it('gives every long-running service a health check', () => {
    for (const [name, service] of services) {
      if (name === 'setup') continue;
      expect(probeOf(service), `${name} has no healthcheck`).not.toBe('');
    }
  });
});

describe('npm run deploy:secrets', () => {
  it('writes one random secret per name, readable by the containers, and keeps existing ones', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rg-secrets-')), 'secrets');
    try {
      expect(writeDeploymentSecrets(dir).sort()).toEqual(deploymentSecretNames().sort());
      const values = deploymentSecretNames().map((name) => readFileSync(join(dir, name), 'utf8'));
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) expect(value.trim().length).toBeGreaterThanOrEqual(32);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(writeDeploymentSecrets(dir)).toEqual([]);
      const again = deploymentSecretNames().map((name) => readFileSync(join(dir, name), 'utf8'));
      expect(again).toEqual(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readRepoFile('Dockerfile');
  const workspaceGlobs = z
    .object({ workspaces: z.array(z.string()) })
    .parse(JSON.parse(readRepoFile('package.json'))).workspaces;
  const workspaces = workspaceGlobs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    return readdirSync(new URL(`${parent}/`, root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });

  it.each(workspaces.filter((dir) => existsSync(new URL(`${dir}/package.json`, root))))(
    'copies the %s manifest before npm ci',
    (dir) => {
      expect(dockerfile).toContain(`COPY ${dir}/package.json ${dir}/`);
    },
  );

  it('bakes no secret into the image', () => {
    const dockerignore = readRepoFile('.dockerignore').split('\n');
    // `COPY . .` copies the build context: local keys and deployment secrets must stay out of it.
    expect(dockerignore).toContain('.data');
    expect(dockerignore).toContain('deploy/secrets');
    expect(dockerfile).not.toMatch(/^\s*(ENV|ARG)\b.*(PASSWORD|SECRET|TOKEN|PRIVATE|_KEY)/im);
    expect(dockerfile).not.toMatch(/^\s*COPY\b.*(\.data|secrets|keys)/im);
  });

  it('installs with the lockfile', () => {
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^FROM node:20-slim\b/m);
  });
});
