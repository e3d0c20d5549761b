import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

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
  volumes: z.array(z.string()).optional(),
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
  })
  .parse(parse(readRepoFile('docker-compose.yml'), { merge: true }));
const services = Object.entries(compose.services);

/** Workspaces under subgraphs/, by folder name (which is also the subgraph's name). */
const subgraphNames = readdirSync(new URL('subgraphs/', root), { withFileTypes: true })
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

describe('docker-compose.yml', () => {
  it('finds the subgraph workspaces it checks against', () => {
    expect(subgraphNames).toContain('identity');
    expect(subgraphNames.length).toBeGreaterThanOrEqual(7);
  });

  it.each(subgraphNames)('runs the %s subgraph from its own main.ts', (name) => {
    const service = compose.services[name];
    expect(service, `no service named ${name}`).toBeDefined();
    const entry = `subgraphs/${name}/src/main.ts`;
    expect(commandOf(service!)).toContain(entry);
    expect(existsSync(new URL(entry, root)), `${entry} does not exist`).toBe(true);
  });

  it.each(subgraphNames)(
    'gives the %s subgraph a consistent port, store and health check',
    (name) => {
      const service = compose.services[name]!;
      const env = environmentOf(service);
      const port = Number(env['PORT']);
      expect(Number.isInteger(port) && port > 0, `PORT=${env['PORT']}`).toBe(true);
      expect(env['HOST']).toBe('0.0.0.0');
      expect(env['DATABASE_FILE']).toBe(`/data/${name}.sqlite`);
      expect(env['GATEWAY_JWKS_FILE']).toBe('/data/keys/gateway-caller.jwks.json');
      expect(service.volumes ?? []).toContain('data:/data');
      expect(publishedPorts(service).map((p) => p.container)).toContain(port);

      const test = service.healthcheck?.test;
      expect(test, `${name} has no healthcheck`).toBeDefined();
      const probe = Array.isArray(test) ? test.join(' ') : test!;
      expect(probe).toContain(`http://127.0.0.1:${port}/health`);

      expect(dependenciesOf(service)['setup']).toBe('service_completed_successfully');
    },
  );

  it('creates the keys and runs the seed once, before the services that read them', () => {
    const setup = compose.services['setup'];
    expect(setup).toBeDefined();
    // Keys first: every subgraph reads the gateway's public caller key at start-up.
    expect(commandOf(setup!)).toMatch(/scripts\/keys\.ts.*&&.*scripts\/seed\.ts/);
    expect(setup!.volumes ?? []).toContain('data:/data');
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

  it('runs at least two gateway replicas', () => {
    expect(gatewayServices.map(([name]) => name).length).toBeGreaterThanOrEqual(2);
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

  it('installs with the lockfile', () => {
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^FROM node:20-slim\b/m);
  });
});
