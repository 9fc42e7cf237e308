import { hasPermission, type Permission } from '@mentor/domain';
import { listRouteAccess } from '../src/auth/route-access';
import { DEMO_MUNICIPALITY } from '../src/demo/demo-data';
import {
  Cell,
  PERSONAS,
  type Persona,
  ROUTES,
  type RouteCase,
  SLOT_ROLE,
  SLOTS,
  type Target,
  TARGETS,
} from './authz-matrix';
import { send, World } from './authz-world';
import { startTestApp, type TestApp } from './test-app';

interface Result {
  route: string;
  persona: Persona;
  target: Target;
  expected: string;
  got: string;
  status: number;
  code?: string;
  /** A 2xx that shows the target to a persona the table keeps it from. */
  unexpected2xx: boolean;
  /** A refusal (4xx) answered as application/problem+json. */
  problem: boolean;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Reads first, so the lists and reads see the fixtures before any write cell has run. */
const ORDER = Object.keys(ROUTES).sort(
  (a, b) => Number(!a.startsWith('GET ')) - Number(!b.startsWith('GET ')),
);

/** What a cell got, in the letters of the table (see authz-matrix.ts). */
function observed(
  route: RouteCase,
  status: number,
  code: string | undefined,
  listed: boolean | undefined,
): string {
  if (status >= 200 && status < 300) return route.listed ? (listed ? '2' : 'N') : '2';
  if (status === 404 && !route.listed) return 'N';
  if (status === 403) return code === 'auth.forbidden' ? 'R' : 'F';
  if (status === 400 || status === 422) return 'V';
  return String(status);
}

describe('authorisation matrix: every route × persona × target', () => {
  let t: TestApp;
  const worlds = {} as Record<'a' | 'b', World>;
  const results: Result[] = [];
  /** Per persona's municipality, the ids every 2xx answer showed. */
  const seen: Record<'a' | 'b', Set<string>> = { a: new Set(), b: new Set() };
  const started = Date.now();
  let builtAfterMs = 0;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    const [demo] = await t.db.query<{ id: string }[]>('SELECT id FROM municipality WHERE code = $1', [
      DEMO_MUNICIPALITY.code,
    ]);
    worlds.a = await World.build(t, 'a', { id: demo!.id, ...DEMO_MUNICIPALITY });
    worlds.b = await World.build(t, 'b', { code: 997, name: 'Prøveby Kommune' });
    builtAfterMs = Date.now() - started;
  }, 600_000);

  afterAll(async () => {
    const cells = results.length;
    const count = (letter: string) => results.filter((r) => r.got === letter).length;
    const targeted = ORDER.filter((key) => !ROUTES[key]!.self).length;
    const unexpected2xx = results.filter((r) => r.unexpected2xx);
    console.log(
      [
        `Authorisation matrix: ${ORDER.length} routes (${targeted} × ${PERSONAS.length} personas × ${TARGETS.length} targets, ` +
          `${ORDER.length - targeted} without a target × ${PERSONAS.length} personas) = ${cells} cells.`,
        `Got: 2xx/listed ${count('2')}, 404/not listed ${count('N')}, 403 by role ${count('R')}, 403 by rule ${count('F')}, ` +
          `400/422 ${count('V')}; differing from the table ${results.filter((r) => r.got !== r.expected).length}; ` +
          `unexpected 2xx ${unexpected2xx.length}.`,
        `Runtime: fixtures ${(builtAfterMs / 1000).toFixed(1)} s, whole matrix ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      ].join('\n'),
    );
    await t?.close();
  });

  it('has a row for every route of the API and none for a route that is gone', () => {
    const routes = listRouteAccess(t.app).map((r) => `${r.method} ${r.path}`);
    expect({ withoutRow: routes.filter((r) => !ROUTES[r]) }).toEqual({ withoutRow: [] });
    expect({ gone: Object.keys(ROUTES).filter((r) => !routes.includes(r)) }).toEqual({ gone: [] });
  });

  it("expects 403 auth.forbidden exactly where the persona's role lacks the route's permission", () => {
    const wrong: string[] = [];
    for (const route of listRouteAccess(t.app)) {
      const entry = ROUTES[`${route.method} ${route.path}`];
      if (!entry) continue;
      for (const slot of SLOTS) {
        const letters = entry.expect[slot];
        const width = entry.self ? 1 : TARGETS.length;
        if (letters.length !== width || !/^[2NRFV]+$/.test(letters))
          wrong.push(`${route.method} ${route.path} ${slot}: "${letters}"`);
        const allowed =
          route.access === 'public' || hasPermission(SLOT_ROLE[slot], route.access as Permission);
        if (allowed === letters.includes('R') || (!allowed && letters !== 'R'.repeat(width)))
          wrong.push(
            `${route.method} ${route.path} ${slot}: "${letters}" but ${route.access} is ${allowed ? '' : 'not '}granted`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const key of ORDER) {
    it(
      key,
      async () => {
        const route = ROUTES[key]!;
        const [method] = key.split(' ');
        const cells = PERSONAS.flatMap((persona) =>
          (route.self ? (['own'] as Target[]) : [...TARGETS]).map((target, i) => ({
            persona,
            target,
            expected: route.expect[persona.slot][i]!,
          })),
        );
        const run = async ({ persona, target, expected }: (typeof cells)[number]) => {
          const home = worlds[persona.world];
          const there = target === 'otherMunicipality' ? worlds[persona.world === 'a' ? 'b' : 'a'] : home;
          const cell = new Cell(t, persona, target, home, there, expected === '2' && !!route.changes);
          const request = await route.request(cell);
          const answer = await send(t, { method: method!, token: cell.token, ...request });
          const ok = answer.status >= 200 && answer.status < 300;
          const listed = ok && route.listed ? await route.listed(cell, answer.body) : undefined;
          if (ok) for (const id of answer.text.match(UUID) ?? []) seen[persona.world].add(id.toLowerCase());
          const code: string | undefined = answer.body?.code;
          const result: Result = {
            route: key,
            persona,
            target,
            expected,
            got: observed(route, answer.status, code, listed),
            status: answer.status,
            code,
            unexpected2xx: ok && expected !== '2' && (route.listed ? !!listed : true),
            problem: (answer.headers.get('content-type') ?? '').includes('application/problem+json'),
          };
          results.push(result);
          return result;
        };
        // Denials change nothing, so they run together; allowed cells one after another.
        const denied = await Promise.all(cells.filter((c) => c.expected !== '2').map(run));
        const allowed: Result[] = [];
        for (const cell of cells.filter((c) => c.expected === '2')) allowed.push(await run(cell));
        const differing = [...denied, ...allowed]
          .filter((r) => r.got !== r.expected)
          .map(
            (r) =>
              `${r.persona.name} → ${r.target}: expected ${r.expected}, got ${r.got} (${r.status} ${r.code ?? ''})`,
          );
        expect(differing).toEqual([]);
      },
      300_000,
    );
  }

  it("shows no persona an id of the other municipality's", async () => {
    const owner = new Map<string, string>();
    const tables = await t.db.query<{ table: string }[]>(
      `SELECT c.table_name AS table FROM information_schema.columns c
        JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       WHERE c.table_schema = current_schema() AND c.column_name = 'municipality_id'`,
    );
    for (const { table } of tables) {
      const rows = await t.db.query<{ id: string; municipality: string }[]>(
        `SELECT id::text AS id, municipality_id::text AS municipality FROM "${table}"`,
      );
      for (const row of rows) owner.set(row.id, row.municipality);
    }
    for (const world of ['a', 'b'] as const)
      owner.set(worlds[world].municipalityId, worlds[world].municipalityId);
    const leaks = (['a', 'b'] as const).flatMap((world) =>
      [...seen[world]]
        .filter((id) => owner.has(id) && owner.get(id) !== worlds[world].municipalityId)
        .map((id) => `${world}: ${id}`),
    );
    expect(seen.a.size).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('answers every refusal as problem+json', () => {
    const plain = results
      .filter((r) => r.status >= 400 && !r.problem)
      .map((r) => `${r.route}: ${r.persona.name} → ${r.target} (${r.status})`);
    expect(plain).toEqual([]);
  });

  it('gives no unexpected 2xx anywhere', () => {
    const unexpected = results
      .filter((r) => r.unexpected2xx)
      .map((r) => `${r.route}: ${r.persona.name} → ${r.target} (${r.status})`);
    expect(results.length).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
  });
});
