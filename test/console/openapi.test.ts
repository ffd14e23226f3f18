import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from '../../src/console/openapi.ts';
import { HttpServer } from '../../src/http/server.ts';
import { DeskServer } from '../support/console.ts';

/** The action tables the console's routes pick from: the keys of each, as `pick` was asked. */
const picked = vi.hoisted(() => ({ tables: [] as string[][] }));
vi.mock('../../src/console/route-kit.ts', async (importOriginal) => {
  const kit = await importOriginal<typeof import('../../src/console/route-kit.ts')>();
  const pick: typeof kit.pick = (actions, name) => {
    picked.tables.push(Object.keys(actions));
    return kit.pick(actions, name);
  };
  return { ...kit, pick };
});

interface Parameter { name: string; in: string; example?: string }
type Operations = Record<string, { operationId: string; parameters?: Parameter[] }>;
const paths = openApiDocument.paths as unknown as Record<string, Operations>;
const operations = Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

/** Routes outside /api/ are not this API: the console page and its assets, printable and public report pages, and bull-board (its own UI and API). */
const pages = ['/console', '/console/*', '/reports/quarterly', '/commitments', '/admin/queues', '/admin/queues/*'];
/** The document itself, which does not describe itself. */
const selfPath = '/api/openapi.json';

let desk: DeskServer;
let routes: { method: string; path: string }[];
let probes = 0;

beforeAll(async () => {
  const route = vi.spyOn(HttpServer.prototype, 'route');
  desk = await DeskServer.start();
  routes = route.mock.calls.map(([method, path]) => ({ method, path }));
  route.mockRestore();
});
afterAll(() => desk.close());

/** As HttpServer matches: an exact path, or a prefix ending in `*`. */
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** The path with each `{parameter}` replaced by its documented example. */
function concrete(template: string, parameters: Parameter[] = []): string {
  return template.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const example = parameters.find((p) => p.in === 'path' && p.name === name)?.example;
    if (example === undefined) throw new Error(`${template}: path parameter ${name} has no example`);
    return encodeURIComponent(example);
  });
}

/** Calls the API as a newly signed-in admin (each probe its own, so no limit or sign-out is shared), with a body no route accepts. */
async function probe(method: string, path: string): Promise<{ status: number; error: string | undefined }> {
  const staff = await desk.staff(`probe-${++probes}`, 'admin');
  const controller = new AbortController();
  const res = await fetch(`${desk.base}${path}`, {
    method,
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
    ...(method === 'GET' ? {} : { body: '{' }),
    signal: controller.signal,
  });
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  const body = isJson ? ((await res.json()) as { error?: string }) : undefined;
  controller.abort(); // an event stream would never end
  return { status: res.status, error: body?.error };
}

/** The answers of the server and the routes' own path parsing when no handler is there for the path: anything else came from a handler. */
const unrouted = ({ status, error }: { status: number; error: string | undefined }) =>
  status === 405 || (status === 404 && /^(not found|no such action)\b/.test(error ?? ''));

describe('the OpenAPI document and the console routes', () => {
  it('is what /api/openapi.json serves', async () => {
    const res = await fetch(`${desk.base}${selfPath}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every route under /api/, with its method; the others are pages', () => {
    expect(routes.length).toBeGreaterThan(0);
    const undocumented = routes.filter(({ method, path }) => {
      if (!path.startsWith('/api/')) return !pages.includes(path);
      if (path === selfPath) return false;
      return !operations.some((o) => o.method === method && matches(path, o.path));
    });
    expect(undocumented).toEqual([]);
  });

  it('routes every documented operation to a handler, called with its parameters\' examples', async () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations) {
      const target = concrete(path, op.parameters);
      if (!routes.some((r) => r.method === method && matches(r.path, target))) {
        missing.push(`${method} ${path}: no route`);
        continue;
      }
      const answer = await probe(method, target);
      if (unrouted(answer)) missing.push(`${method} ${path} (${target}): ${answer.status} ${answer.error ?? ''}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents every action a route picks by name, and no route takes a name it does not document', async () => {
    // Documented actions grouped by what comes before their last, literal segment: `/api/conversations/{caseId}` → claim, notes, …
    const groups = new Map<string, { names: Set<string>; parameters: Parameter[] | undefined }>();
    for (const { path, method, op } of operations) {
      const at = path.lastIndexOf('/');
      const [base, name] = [path.slice(0, at), path.slice(at + 1)];
      if (method !== 'POST' || !base.endsWith('}') || name.startsWith('{')) continue;
      const group = groups.get(base) ?? { names: new Set<string>(), parameters: op.parameters };
      groups.set(base, group.names.add(name) && group);
    }
    expect([...groups.keys()].length).toBeGreaterThan(3);
    const tables: Record<string, string[] | null> = {};
    for (const [base, { parameters }] of groups) {
      const before = picked.tables.length;
      const answer = await probe('POST', `${concrete(base, parameters)}/no-such-action`);
      expect([base, answer.status]).toEqual([base, 404]);
      const table = picked.tables.slice(before).at(-1);
      tables[base] = table ? [...table].sort() : null;
    }
    // Routes that pick from a table pick only what the document lists; the others take a fixed name (404 above).
    for (const [base, table] of Object.entries(tables)) {
      if (table) expect([base, table]).toEqual([base, [...(groups.get(base)?.names ?? [])].sort()]);
    }
    expect(Object.values(tables).filter((t) => t !== null).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the OpenAPI document under redocly', () => {
  it('passes the recommended rules with warnings as errors (npm run lint:openapi)', async () => {
    const script = fileURLToPath(new URL('../../scripts/openapi.ts', import.meta.url));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, 'lint'], { encoding: 'utf8' }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${stdout}${stderr}`).toMatch(/^openapi: 0 errors, 0 warnings, 0 ignored \(\d+ operations/m);
  }, 60_000);
});
