import {
  addDays,
  CertificationBasis,
  ContactForm,
  ContactTopic,
  HelpGiven,
  ImportKind,
  isValidCpr,
  MeetingPlace,
  MENTOR_PASSWORD_MIN_LENGTH,
  MentorType,
  RecruitmentCompetency,
  ReportSection,
  SupervisionKind,
  surveyImportColumns,
  SurveyKind,
  TargetGroup,
  TrainingKind,
  UpskillingTopic,
  validateAnsweredOn,
  validateSurveyAnswers,
} from '@mentor/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import { todayInDenmark } from '../src/common/clock';
import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { type CellType, IMPORT_COLUMNS } from '../src/workforce/import-file';
import {
  badValueFor,
  type Dto,
  fieldRuleBroken,
  fieldsOf,
  getAt,
  HOSTILE_KEYS,
  listWriteRoutes,
  nastyValue,
  pipesRefuse,
  ruleBroken,
  throughPipes,
  withValue,
  type WriteRoute,
} from './bad-input';
import { SAMPLES } from './file-samples';
import { completeContent, handOver } from './handover-helpers';
import { startTestApp, type TestApp } from './test-app';

/**
 * Abuse test: generated bad input thrown at every write route (and the CSV/XLSX imports) as the
 * role allowed to call it, on objects that role may change. Every answer must be a 4xx
 * `application/problem+json` (an import's dry run may instead list the errors), and nothing may
 * be written: every table's row count and newest row version (xmin) are the same afterwards.
 *
 * Runs per route: PROPERTY_RUNS (default 40; try 1000 for a longer hunt). Fast-check prints a
 * failure's seed and path; replay it with PROPERTY_SEED, PROPERTY_PATH and `-t '<route>'`.
 */

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 40);
const SEED = process.env['PROPERTY_SEED'] ? Number(process.env['PROPERTY_SEED']) : undefined;
const PATH = process.env['PROPERTY_PATH'];

const today = todayInDenmark();
const CW = 'sagsbehandler.cji';
const M = 'mentor.cji1';
const M2 = 'mentor.cji2';
const TL = 'teamleder.cji';
const ADMIN = 'admin';
/** A session used only to call logout with. */
const LOGOUT = 'logout';

// ---------- Fixtures: objects each caller may change, made through the API ----------

interface Fixtures {
  tokens: Record<string, string>;
  ids: Record<string, string>;
  /** The organisation of the CJI users. */
  org: string;
  /** A valid CPR number nobody has. */
  freeCpr: string;
  mentorEmployeeNumber: string;
  /** An XLSX workbook from the load table export, to be cut and corrupted. */
  exportWorkbook: Buffer;
  surveyTemplate: Buffer | undefined;
  get(user: string, path: string): Promise<any>;
}

let cprSerial = 1000;
function nextCpr(): string {
  for (;;) {
    const serial = cprSerial++;
    const cpr = `${String((serial % 28) + 1).padStart(2, '0')}0${(serial % 9) + 1}7${serial % 10}-${String(serial).padStart(4, '0')}`;
    if (isValidCpr(cpr)) return cpr;
  }
}

async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const user of [CW, M, M2, TL, ADMIN]) tokens[user] = await t.login(user);
  tokens[LOGOUT] = await t.login(M2);
  const call = async (user: string, method: string, path: string, json?: unknown, status?: number) => {
    const response = await t.request<any>(method, path, { token: tokens[user], json });
    if (status !== undefined && response.status !== status)
      throw new Error(`${method} ${path} as ${user}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const get = (user: string, path: string) => call(user, 'GET', path, undefined, 200);
  for (const user of [CW, M, M2, TL]) ids[user] = (await get(user, '/api/me')).id;
  const org = (await get(M, '/api/me')).organisationId as string;

  const citizen = async (name: string) => {
    for (;;) {
      const response = await t.request<any>('POST', '/api/citizens', {
        token: tokens[CW],
        json: { name, cpr: nextCpr(), preferredMeetingPlace: MeetingPlace.Home },
      });
      if (response.status === 201) return response.body.id as string;
      if (response.status !== 409) throw new Error(`POST /api/citizens: ${response.status}`);
    }
  };
  /** A citizen with a grant and a course with mentor M, handed over as far as asked. */
  const course = async (key: string, handover: 'none' | 'saved' | 'sent' | 'acknowledged') => {
    ids[`citizen${key}`] = await citizen(`Fuzz Borger ${key}`);
    const grant = await call(
      CW,
      'POST',
      '/api/grants',
      {
        citizenId: ids[`citizen${key}`],
        mentorType: MentorType.Holistic,
        purpose: 'Struktur i hverdagen',
        tasks: 'Støtte til aftaler',
        goals: ['Møde stabilt op til aftaler'],
        minutesPerWeek: 60,
        startsOn: addDays(today, -40),
        endsOn: addDays(today, 120),
        deliveringOrganisationId: org,
        mentorId: ids[M],
      },
      201,
    );
    ids[`grant${key}`] = grant.id;
    ids[`course${key}`] = grant.courseId;
    const path = `/api/courses/${grant.courseId}/handover`;
    if (handover === 'acknowledged') await handOver(t, grant.courseId, tokens[CW]!, tokens[M]!);
    else if (handover !== 'none') {
      const current = (await get(CW, path)).current;
      const saved = await call(
        CW,
        'PUT',
        path,
        { content: completeContent(current.content), version: current.version },
        200,
      );
      if (handover === 'sent')
        await call(CW, 'POST', `${path}/send`, { version: saved.current.version }, 200);
    }
  };
  await course('1', 'acknowledged'); // contacts, a draft report, a message, shares
  await course('2', 'acknowledged'); // a submitted report
  await course('3', 'saved'); // a handover draft
  await course('4', 'sent'); // a handover to acknowledge
  await course('5', 'acknowledged'); // no report yet; its mentor and minutes change
  ids['freeCitizen'] = await citizen('Fuzz Borger uden bevilling');

  const contact = {
    contactDate: addDays(today, -1),
    startTime: '10:00',
    minutes: 30,
    form: ContactForm.Phone,
    showedUp: true,
    topics: [ContactTopic.Housing],
    help: [HelpGiven.PracticalTasks],
  };
  const logged = await call(M, 'POST', `/api/courses/${ids['course1']}/contacts`, contact, 201);
  ids['contact'] = logged.contact.id;
  const locked = await call(M, 'POST', `/api/courses/${ids['course1']}/contacts`, contact, 201);
  ids['lockedContact'] = locked.contact.id;
  await t.db.query(`UPDATE contact SET created_at = now() - interval '8 days' WHERE id = $1`, [
    ids['lockedContact'],
  ]);

  ids['draftReport'] = (
    await call(M, 'POST', `/api/courses/${ids['course1']}/reports`, { periodTo: today }, 201)
  ).id;
  const submitted = await call(M, 'POST', `/api/courses/${ids['course2']}/reports`, { periodTo: today }, 201);
  await call(
    M,
    'POST',
    `/api/reports/${submitted.id}/submit`,
    { version: submitted.version, justification: 'Kort periode uden kontakter.' },
    200,
  );
  ids['submittedReport'] = submitted.id;

  const note = (title: string) =>
    call(CW, 'POST', `/api/citizens/${ids['citizen1']}/case-notes`, { title, body: 'Fiktiv tekst.' }, 201);
  ids['sharedNote'] = (await note('Delt notat')).id;
  ids['note'] = (await note('Notat til deling')).id;
  ids['share'] = (
    await call(
      CW,
      'POST',
      `/api/courses/${ids['course1']}/shares`,
      { itemId: ids['sharedNote'], basis: 'legal_basis', legalBasis: 'Serviceloven § 11' },
      201,
    )
  ).id;
  ids['message'] = (
    await call(
      CW,
      'POST',
      `/api/courses/${ids['course1']}/messages`,
      { body: 'Hej fra sagsbehandleren' },
      201,
    )
  ).id;

  // The mentor's workforce records, one of each kind.
  const mentorPath = `/api/workforce/mentors/${ids[M]}`;
  const records: [string, string, Record<string, unknown>][] = [
    [
      'trainings',
      'training',
      { kind: TrainingKind.MunicipalBasicTraining, completedOn: addDays(today, -30) },
    ],
    [
      'certifications',
      'certification',
      { certifiedOn: addDays(today, -20), basis: [CertificationBasis.CoursesAfterHiring] },
    ],
    [
      'upskilling',
      'upskilling',
      { topic: UpskillingTopic.MotivationalResource, offeredOn: addDays(today, -10), taken: true },
    ],
    [
      'supervision',
      'supervision',
      { kind: SupervisionKind.ManagementSupervision, heldOn: addDays(today, -5) },
    ],
  ];
  for (const [list, key, body] of records) {
    const created = await call(TL, 'POST', `${mentorPath}/${list}`, body, 201);
    ids[key] = created.id;
  }
  ids['suggestion'] = (
    await call(M, 'POST', '/api/me/mentor-profile/suggestions', { birthYear: 1984 }, 201)
  ).id;
  const profile = (await get(TL, mentorPath)).profile;
  let mentorEmployeeNumber = profile.employeeNumber as string | null;
  if (!mentorEmployeeNumber) {
    mentorEmployeeNumber = 'FUZZ-1';
    await call(
      TL,
      'PATCH',
      `${mentorPath}/profile`,
      { employeeNumber: mentorEmployeeNumber, version: profile.version },
      200,
    );
  }
  ids['notification'] =
    (await get(M, '/api/notifications')).items[0]?.id ?? '00000000-0000-4000-8000-000000000000';

  const download = async (path: string) => {
    const response = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${tokens[TL]}` } });
    return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
  };
  const exportWorkbook = await download(`/api/organisations/${org}/workforce.xlsx`);
  if (!exportWorkbook) throw new Error('no workforce.xlsx export');

  return {
    tokens,
    ids,
    org,
    freeCpr: nextCpr(),
    mentorEmployeeNumber,
    exportWorkbook,
    surveyTemplate: await download(`/api/surveys/${SurveyKind.Mentor}/template.xlsx`),
    get,
  };
}

// ---------- Requests ----------

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** One generated bad request, labelled for the failure report. */
interface Case {
  label: string;
  request: RawRequest;
  /** Judged before sending: is it really bad? (Generated values may happen to be valid.) */
  isBad?: () => Promise<boolean>;
  /** An import's dry run may answer 200 with its errors listed. */
  dryRun?: boolean;
}

function describeCase(c: Case): string {
  const body =
    c.request.body === undefined
      ? ''
      : typeof c.request.body === 'string'
        ? c.request.body
        : `<${c.request.body.length} bytes>`;
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  return `${c.label}: ${c.request.method} ${c.request.path} ${JSON.stringify(c.request.headers)} ${shown}`;
}

function labelled(c: Case): Case {
  return Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });
}

/** What a route is called with when nothing is wrong. */
interface Base {
  /** The caller's bearer token; none for a public route. */
  token?: string;
  path: string;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
}

function headersFor(base: Base, extra: Record<string, string> = {}): Record<string, string> {
  const authorization: Record<string, string> = base.token ? { authorization: `Bearer ${base.token}` } : {};
  return { ...authorization, ...extra };
}

function withQuery(path: string, query: Record<string, string> | [string, string][] | undefined): string {
  const pairs = Array.isArray(query) ? query : Object.entries(query ?? {});
  if (!pairs.length) return path;
  return `${path}?${pairs.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&')}`;
}

/** Percent-encoded UTF-8; half a surrogate pair as the three bytes a lenient encoder writes (invalid UTF-8). */
function encodeQueryPart(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function jsonRequest(method: string, base: Base, body: unknown, query = base.query): RawRequest {
  return {
    method,
    path: withQuery(base.path, query),
    headers: headersFor(base, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  };
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{a:1}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2',
  'NaN',
  '{"a":"\\u12"}',
  '{"a":1}{"b":2}',
  '{"a":"\u0000"',
  '\u0000',
  '<xml/>',
  'undefined',
];

const WRONG_TYPES = [
  // What a page of another site may post without asking first (CSRF): never taken as JSON.
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/xml',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'text/csv',
  'application/octet-stream',
  'image/png',
  'application/json-patch+json',
  'application/x-yaml',
];

/** Bodies bad before any DTO looks at them: not JSON, not sent as JSON, or far too large. */
function garbageBody(base: Base, method: string, bodyText: string): fc.Arbitrary<Case> {
  const raw = (label: string, body: string | Uint8Array, contentType?: string): Case => ({
    label,
    request: {
      method,
      path: withQuery(base.path, base.query),
      headers: headersFor(base, contentType ? { 'content-type': contentType } : {}),
      body,
    },
  });
  return fc.oneof(
    fc.constantFrom(...MALFORMED_JSON).map((text) => raw('malformed JSON', text, 'application/json')),
    fc
      .integer({ min: 1, max: Math.max(1, bodyText.length - 1) })
      .map((cut) => raw('truncated JSON', bodyText.slice(0, cut), 'application/json')),
    fc
      .string({ unit: 'binary', minLength: 1, maxLength: 200 })
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((text) => raw('random text as JSON', text, 'application/json')),
    fc.constantFrom(...WRONG_TYPES).map((type) => raw(`sent as ${type}`, bodyText, type)),
    fc.constant(raw('body without a content type', new TextEncoder().encode(bodyText))),
    fc.constant(raw('over the 1 MB limit', `{"a":"${'x'.repeat(1_100_000)}"}`, 'application/json')),
  );
}

/** Bodies that are JSON but not what the DTO describes; judged by the app's own pipes and the rules. */
function badJsonBody(route: WriteRoute, base: Base, rules?: (body: unknown) => boolean): fc.Arbitrary<Case> {
  const dto = route.body as Dto;
  const valid = base.body as Record<string, unknown>;
  const fields = fieldsOf(dto, valid);
  const judged = (label: string, body: unknown, field?: (typeof fields)[number]): Case => ({
    label,
    request: jsonRequest(route.method, base, body),
    isBad: async () => {
      // What the server sees: JSON drops undefined and turns -0 into 0.
      const sent = JSON.parse(JSON.stringify(body)) as unknown;
      if (ruleBroken(sent) || rules?.(sent)) return true;
      const passed = await throughPipes(dto, sent, 'body');
      return passed === undefined || (!!field && !!fieldRuleBroken(field, getAt(passed, field.path)));
    },
  });
  const cases: fc.Arbitrary<Case>[] = [
    fc
      .oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(fc.string({ maxLength: 10 }), nastyValue, { maxKeys: 4 }),
      )
      .map((body) => judged('arbitrary JSON', body)),
    fc
      .tuple(
        fc.constantFrom(...fields.map((f) => f.path.slice(0, -1)), []),
        fc.constantFrom(...HOSTILE_KEYS),
        nastyValue,
      )
      .filter(([parent]) => {
        const target = getAt(valid, parent);
        return target !== null && typeof target === 'object' && !Array.isArray(target);
      })
      .map(([parent, key, value]) =>
        judged(`extra field ${[...parent, key].join('.')}`, withValue(valid, [...parent, key], value)),
      ),
    // Sent as text: a value this deep overflows the stack of anything that walks it recursively.
    fc.constantFrom(1_000, 20_000, 100_000).map((depth) => {
      const text = JSON.stringify(valid);
      const nested = `"nested":${'['.repeat(depth)}${']'.repeat(depth)}`;
      const body = text === '{}' ? `{${nested}}` : `${text.slice(0, -1)},${nested}}`;
      return {
        label: `an extra field nested ${depth} deep`,
        request: { ...jsonRequest(route.method, base, {}), body },
      };
    }),
  ];
  if (fields.length)
    cases.push(
      fc
        .constantFrom(...fields)
        .chain((field) =>
          badValueFor(field, getAt(valid, field.path)).map((value) =>
            judged(`${field.path.join('.')} = bad value`, withValue(valid, field.path, value), field),
          ),
        ),
    );
  const required = fields.filter((f) => f.required);
  if (required.length)
    cases.push(
      fc
        .constantFrom(...required)
        .map((field) => judged(`${field.path.join('.')} left out`, withValue(valid, field.path, undefined))),
    );
  return fc.oneof(...cases);
}

/** Query strings the query DTO does not describe: bad values, left out, repeated, unknown keys. */
function badQuery(route: WriteRoute, base: Base): fc.Arbitrary<Case> {
  const dto = route.query as Dto;
  const valid = base.query ?? {};
  const keys = Object.keys(valid);
  const fields = fieldsOf(dto, valid);
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const judged = (label: string, pairs: [string, string][], fieldPath?: string): Case => ({
    label,
    request: {
      method: route.method,
      path: withQuery(base.path, pairs),
      headers: headersFor(base, base.body ? { 'content-type': 'application/json' } : {}),
      ...(base.body ? { body: JSON.stringify(base.body) } : {}),
    },
    isBad: async () => {
      // As Fastify parses a query: without a prototype, so `__proto__` is just a key.
      const parsed = Object.create(null) as Record<string, string | string[]>;
      for (const [k, v] of pairs) {
        const had = parsed[k];
        parsed[k] = had === undefined ? v : ([] as string[]).concat(had, v);
      }
      if (ruleBroken(parsed)) return true;
      const passed = await throughPipes(dto, parsed, 'query');
      const field = fields.find((f) => f.path[0] === fieldPath);
      return passed === undefined || (!!field && !!fieldRuleBroken(field, getAt(passed, field.path)));
    },
  });
  const others = (key: string) => Object.entries(valid).filter(([k]) => k !== key);
  const cases: fc.Arbitrary<Case>[] = [
    fc
      .tuple(
        fc.constantFrom(...HOSTILE_KEYS, 'version[]', 'constructor[prototype]', '__proto__[x]'),
        nastyValue,
      )
      .map(([key, value]) => judged(`extra query ${key}`, [...Object.entries(valid), [key, text(value)]])),
  ];
  if (keys.length) {
    cases.push(
      fc.constantFrom(...fields).chain((field) =>
        badValueFor(field, valid[field.path[0] as string]).map((value) => {
          const key = field.path[0] as string;
          return judged(`query ${key} = bad value`, [...others(key), [key, text(value)]], key);
        }),
      ),
      fc
        .constantFrom(...keys)
        .map((key) =>
          judged(`query ${key} repeated`, [...Object.entries(valid), [key, valid[key] as string]]),
        ),
      fc.constantFrom(...keys).map((key) => judged(`query ${key} left out`, others(key))),
    );
  }
  return fc.oneof(...cases);
}

const JUNK_IDS = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  'null',
  'undefined',
  '00000000-0000-4000-8000-00000000000',
  'g0000000-0000-4000-8000-000000000000',
  '%00',
  '%E2%80%AE',
  encodeURIComponent('<script>'),
  encodeURIComponent("' OR 1=1 --"),
  '%C3%A6%C3%B8%C3%A5',
  '1e400',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  'x'.repeat(300),
];

/** The path with one of its parameters replaced by junk, or by an id of nothing. */
function badPathParameter(route: WriteRoute, base: Base): fc.Arbitrary<Case> | undefined {
  const pattern = route.path.split('/');
  const actual = base.path.split('/');
  const params = pattern.flatMap((segment, i) => (segment.startsWith(':') ? [i] : []));
  if (!params.length) return undefined;
  return fc
    .tuple(
      fc.constantFrom(...params),
      fc.oneof(
        fc.constantFrom(...JUNK_IDS),
        fc.uuid(),
        fc.string({ minLength: 1, maxLength: 20 }).map((s) => encodeURIComponent(s)),
      ),
    )
    .filter(
      ([, junk]) =>
        !['.', '..', '%2E', '%2e'].includes(junk) && !Object.values(SurveyKind).includes(junk as SurveyKind),
    )
    .map(([index, junk]) => {
      const path = actual.map((segment, i) => (i === index ? junk : segment)).join('/');
      const request = base.body
        ? jsonRequest(route.method, { ...base, path }, base.body)
        : { method: route.method, path: withQuery(path, base.query), headers: headersFor(base) };
      return { label: `path parameter ${pattern[index]} = ${junk.slice(0, 40)}`, request };
    });
}

// ---------- Uploads ----------

interface Upload {
  label: string;
  content: Buffer;
  fileName: string;
  fields?: Record<string, string>;
}

/** A multipart/form-data body: the upload's text fields, then its file as the part "file" (if asked). */
function multipart(upload: Upload, withFile = true): { body: Buffer; contentType: string } {
  const boundary = 'fuzzboundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(upload.fields ?? {}))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (withFile)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      upload.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An upload sent in a proper multipart form, in a broken one, or as a type the route does not take. */
function uploadRequest(
  base: Base,
  upload: fc.Arbitrary<Upload>,
  options: { raw: boolean; query?: fc.Arbitrary<[string, string][]> },
): fc.Arbitrary<Case> {
  return fc
    .tuple(
      upload,
      fc.constantFrom('multipart', 'multipart', 'raw', 'no file part', 'no boundary', 'json'),
      options.query ?? fc.constant<[string, string][]>([]),
      fc.constantFrom('text/csv', 'application/octet-stream', 'application/vnd.ms-excel'),
    )
    .map(([file, transport, query, rawType]) => {
      const path = withQuery(base.path, query);
      const dryRun = query.some(([k, v]) => k === 'dryRun' && v === 'true');
      const send = (body: string | Uint8Array, contentType: string): Case => ({
        label: `${file.label} (${transport})`,
        request: { method: 'POST', path, headers: headersFor(base, { 'content-type': contentType }), body },
        dryRun,
      });
      switch (transport) {
        case 'raw':
          // Routes that take only multipart answer 415 here; the imports read the bytes.
          return send(file.content, options.raw ? rawType : 'application/octet-stream');
        case 'no file part': {
          const form = multipart({ ...file, fields: { ...file.fields, note: 'x' } }, false);
          return send(form.body, form.contentType);
        }
        case 'no boundary':
          return send(multipart(file).body, 'multipart/form-data');
        case 'json':
          return send(JSON.stringify({ file: file.content.toString('base64') }), 'application/json');
        default: {
          const form = multipart(file);
          return send(form.body, form.contentType);
        }
      }
    });
}

const SAMPLE_EXTENSIONS: [Buffer, string][] = [
  [SAMPLES.pdf, 'pdf'],
  [SAMPLES.png, 'png'],
  [SAMPLES.jpeg, 'jpg'],
  [SAMPLES.docx, 'docx'],
  [SAMPLES.xlsx, 'xlsx'],
];

/** Files no case document or attachment may be: unknown bytes, disguised, cut off, empty, markup. */
function badFile(titleField: boolean): fc.Arbitrary<Upload> {
  const files: fc.Arbitrary<Upload>[] = [
    fc
      .tuple(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.constantFrom('brev.pdf', 'foto.png', 'x.txt', 'x.docx', 'x', 'x.exe'),
      )
      .map(([bytes, fileName]) => ({
        label: 'unknown bytes',
        content: Buffer.concat([Buffer.from([0]), bytes]),
        fileName,
      })),
    fc
      .tuple(
        fc.constantFrom(...SAMPLE_EXTENSIONS),
        fc.constantFrom(...SAMPLE_EXTENSIONS, [SAMPLES.pdf, 'txt'] as [Buffer, string]),
      )
      .filter(([[content], [, ext]]) => !SAMPLE_EXTENSIONS.some(([c, e]) => c === content && e === ext))
      .map(([[content], [, ext]]) => ({ label: `disguised as .${ext}`, content, fileName: `fil.${ext}` })),
    fc
      .tuple(fc.constantFrom(SAMPLES.docx, SAMPLES.xlsx), fc.integer({ min: 4, max: 60 }))
      .map(([content, cut]) => ({
        label: 'zip cut off',
        content: content.subarray(0, cut),
        fileName: 'fil.docx',
      })),
    fc.constant({ label: 'empty file', content: Buffer.alloc(0), fileName: 'tom.pdf' }),
    fc
      .constantFrom(
        '<html><script>alert(1)</script></html>',
        '<?xml version="1.0"?><svg/>',
        '<!doctype html>',
      )
      .map((text) => ({ label: 'markup as text', content: Buffer.from(text), fileName: 'side.txt' })),
    fc.constant({
      label: 'program',
      content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      fileName: 'program.exe',
    }),
  ];
  if (titleField)
    files.push(
      fc.constantFrom('x'.repeat(201), 'x'.repeat(5000), 'titel\u0000', 'a\u0000').map((title) => ({
        label: 'bad title',
        content: SAMPLES.pdf,
        fileName: 'brev.pdf',
        fields: { title },
      })),
    );
  return fc.oneof(...files);
}

/** A column of an import file with cells that are wrong for it. */
interface BadColumn {
  header: string;
  bad: readonly string[];
}

const BAD_DATE_CELLS = ['2026-02-30', 'yesterday', '0000-01-01', '2026-W01', '31-02-2026'];
const NUL_CELL = 'tekst\u0000med nul';

const BAD_CELLS: Record<CellType, readonly string[]> = {
  text: [NUL_CELL],
  textList: [NUL_CELL],
  int: ['abc', '1.5', '99999999999', '-5', '1e400'],
  hours: ['abc', '-1', '99999999999'],
  date: BAD_DATE_CELLS,
  bool: ['måske', '2'],
  enum: ['ukendt_værdi', '=cmd|" /C calc"!A0'],
  enumList: ['ukendt_værdi'],
};

/** The workforce import's columns, each with cells its type refuses. */
function workforceColumns(): BadColumn[][] {
  return Object.values(IMPORT_COLUMNS).map((specs) =>
    specs.map((spec) => ({
      header: spec.header,
      bad: [...BAD_CELLS[spec.type], ...(spec.max ? ['x'.repeat(spec.max + 1)] : [])],
    })),
  );
}

/** A questionnaire's import columns, each with cells it refuses. */
function surveyColumns(kind: SurveyKind): BadColumn[][] {
  const bad = (header: string) =>
    header === 'answered_on'
      ? BAD_DATE_CELLS
      : header === 'organisation'
        ? ['Ukendt Organisation', NUL_CELL]
        : ['ukendt_værdi', NUL_CELL];
  return [surveyImportColumns(kind).map((header) => ({ header, bad: bad(header) }))];
}

function csv(rows: string[][], separator = ';'): string {
  return rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(separator)).join('\r\n');
}

function encodings(text: string): fc.Arbitrary<[string, Buffer]> {
  return fc.constantFrom<[string, Buffer]>(
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['Latin-1', Buffer.from(text, 'latin1')],
  );
}

/** Import files that must not import: random bytes, broken workbooks, wrong columns, bad cells. */
function badImportFile(
  workbooks: { cut: Buffer[]; changed: Buffer[] },
  columns: BadColumn[][],
  keyCells: Record<string, string>,
): fc.Arbitrary<Upload> {
  return fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 4000 }).map((bytes) => ({
      label: 'random bytes',
      content: Buffer.from(bytes),
      fileName: 'import.csv',
    })),
    fc
      .tuple(fc.constantFrom(...workbooks.cut), fc.double({ min: 0, max: 0.99, noNaN: true }))
      .map(([book, share]) => ({
        label: `workbook cut at ${Math.round(share * 100)} %`,
        content: book.subarray(0, Math.floor(book.length * share)),
        fileName: 'import.xlsx',
      })),
    fc
      .tuple(
        fc.constantFrom(...workbooks.changed),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 255 }),
      )
      .map(([book, at, byte]) => {
        // Unreadable, or readable and still without a sheet to import (these workbooks have none).
        const copy = Buffer.from(book);
        const index = at % copy.length;
        copy[index] = copy[index] === byte ? (byte + 1) % 256 : byte;
        return { label: `workbook byte ${index} changed`, content: copy, fileName: 'import.xlsx' };
      }),
    fc
      .tuple(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        fc.constantFrom(';', ',', '\t'),
      )
      .chain(([headers, rows, separator]) =>
        encodings(csv([headers.map((h) => `ukendt_${h}`), ...rows], separator)).map(
          ([encoding, content]) => ({
            label: `CSV with unknown columns (${encoding})`,
            content,
            fileName: 'import.csv',
          }),
        ),
      ),
    fc
      .constantFrom(...columns)
      .chain((sheet) => {
        const open = sheet.filter((column) => !(column.header in keyCells));
        return fc
          .tuple(fc.constant(sheet), fc.constantFrom(...open))
          .chain(([, target]) => fc.constantFrom(...target.bad).map((bad) => ({ sheet, target, bad })));
      })
      .chain(({ sheet, target, bad }) => {
        const headers = sheet.map((column) => column.header);
        const row = headers.map((h) => (h === target.header ? bad : (keyCells[h] ?? '')));
        return encodings(csv([headers, row])).map(([encoding, content]) => ({
          label: `CSV with ${target.header} = ${JSON.stringify(bad.slice(0, 20))} (${encoding})`,
          content,
          fileName: 'import.csv',
        }));
      }),
  );
}

// ---------- The routes ----------

interface Entry {
  /** The demo user who may call it (null: anonymous). */
  as: string | null;
  path(f: Fixtures): string;
  /** A body the route accepts, from the objects' current state. */
  body?(f: Fixtures): Promise<Record<string, unknown>> | Record<string, unknown>;
  query?(f: Fixtures): Promise<Record<string, string>> | Record<string, string>;
  /** Rules the service applies beyond the DTO (from libs/domain): true when the body breaks one. */
  rules?(body: unknown): boolean;
  /** Bad headers sent with the valid body. */
  headers?: fc.Arbitrary<[string, Record<string, string>]>;
  upload?(f: Fixtures): fc.Arbitrary<Upload>;
  /** The upload query (the imports' `dryRun`, `kind`). */
  uploadQuery?: fc.Arbitrary<[string, string][]>;
  /** The route also takes the file as the raw body. */
  rawUpload?: boolean;
}

const contactBody = () => ({
  contactDate: addDays(today, -2),
  startTime: '09:30',
  minutes: 45,
  form: ContactForm.InPersonJobcentre,
  showedUp: true,
  topics: [ContactTopic.Housing, ContactTopic.Finances],
  help: [HelpGiven.PracticalTasks],
  note: 'Fiktiv samtale om bolig.',
  transportMinutes: 15,
});

const version = async (
  f: Fixtures,
  user: string,
  path: string,
  pick: (body: any) => number = (b) => b.version,
) => pick(await f.get(user, path));

const mentorRecord = (f: Fixtures) => f.get(TL, `/api/workforce/mentors/${f.ids[M]}`);
const recordVersion = async (f: Fixtures, list: string, id: string) =>
  ((await mentorRecord(f))[list] as { id: string; version: number }[]).find((r) => r.id === id)!.version;

const IMPORT_QUERY = fc
  .tuple(fc.boolean(), fc.option(fc.constantFrom(...Object.values(ImportKind)), { nil: undefined }))
  .map(
    ([dryRun, kind]) => [['dryRun', String(dryRun)], ...(kind ? [['kind', kind]] : [])] as [string, string][],
  );

const ENTRIES: Record<string, Entry> = {
  'POST /api/auth/login': {
    as: null,
    path: () => '/api/auth/login',
    body: () => ({ username: M2, password: DEMO_PASSWORD }),
  },
  'POST /api/auth/logout': { as: LOGOUT, path: () => '/api/auth/logout' },
  'POST /api/citizens': {
    as: CW,
    path: () => '/api/citizens',
    body: (f) => ({
      name: 'Ny Fiktiv Borger',
      cpr: f.freeCpr,
      phone: '+45 12 34 56 78',
      email: 'borger@example.org',
      address: 'Fiktivvej 1, 2300 København S',
      preferredMeetingPlace: MeetingPlace.Home,
      meetingPlaceReason: 'Har svært ved at forlade hjemmet.',
      targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
    }),
  },
  'PATCH /api/citizens/:id': {
    as: CW,
    path: (f) => `/api/citizens/${f.ids['citizen1']}`,
    body: async (f) => ({
      name: 'Ændret Fiktiv Borger',
      phone: '12345678',
      email: 'ny@example.org',
      address: 'Andenvej 2',
      preferredMeetingPlace: MeetingPlace.Home,
      meetingPlaceReason: 'Tryghed.',
      targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
      version: await version(f, CW, `/api/citizens/${f.ids['citizen1']}`),
    }),
  },
  'POST /api/citizens/:id/case-documents': {
    as: CW,
    path: (f) => `/api/citizens/${f.ids['citizen1']}/case-documents`,
    upload: () => badFile(true),
  },
  'POST /api/citizens/:id/case-notes': {
    as: CW,
    path: (f) => `/api/citizens/${f.ids['citizen1']}/case-notes`,
    body: () => ({ title: 'Fiktivt notat', body: 'Borgeren har fortalt om sin hverdag.' }),
  },
  'POST /api/citizens/:id/cpr-reveal': {
    as: CW,
    path: (f) => `/api/citizens/${f.ids['citizen1']}/cpr-reveal`,
  },
  'DELETE /api/contacts/:id': {
    as: M,
    path: (f) => `/api/contacts/${f.ids['contact']}`,
    query: async (f) => ({
      version: String(
        (await f.get(M, `/api/courses/${f.ids['course1']}/contacts?limit=100`)).items.find(
          (c: { id: string }) => c.id === f.ids['contact'],
        ).version,
      ),
    }),
  },
  'PATCH /api/contacts/:id': {
    as: M,
    path: (f) => `/api/contacts/${f.ids['contact']}`,
    body: async (f) => ({
      ...contactBody(),
      version: (await f.get(M, `/api/courses/${f.ids['course1']}/contacts?limit=100`)).items.find(
        (c: { id: string }) => c.id === f.ids['contact'],
      ).version,
    }),
  },
  'POST /api/contacts/:id/corrections': {
    as: M,
    path: (f) => `/api/contacts/${f.ids['lockedContact']}/corrections`,
    body: contactBody,
  },
  'PATCH /api/courses/:id': {
    as: CW,
    path: (f) => `/api/courses/${f.ids['course5']}`,
    body: async (f) => ({
      mentorId: f.ids[M2],
      version: await version(f, CW, `/api/courses/${f.ids['course5']}`),
    }),
  },
  'POST /api/courses/:id/contacts': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course1']}/contacts`,
    body: contactBody,
    headers: fc
      .constantFrom('', ' ', 'x'.repeat(101), 'nøgle', 'a b', 'key/with/slash', '${jndi:ldap://x}', 'ключ')
      .filter((key) => /^[\x20-\x7e]*$/.test(key))
      .map((key) => [`Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`, { 'idempotency-key': key }]),
  },
  'PUT /api/courses/:id/handover': {
    as: CW,
    path: (f) => `/api/courses/${f.ids['course3']}/handover`,
    body: async (f) => {
      const current = (await f.get(CW, `/api/courses/${f.ids['course3']}/handover`)).current;
      return { content: current.content, version: current.version };
    },
  },
  'POST /api/courses/:id/handover/acknowledge': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course4']}/handover/acknowledge`,
    body: async (f) => ({
      version: await version(f, M, `/api/courses/${f.ids['course4']}/handover`, (b) => b.current.version),
    }),
  },
  'POST /api/courses/:id/handover/send': {
    as: CW,
    path: (f) => `/api/courses/${f.ids['course3']}/handover/send`,
    body: async (f) => ({
      version: await version(f, CW, `/api/courses/${f.ids['course3']}/handover`, (b) => b.current.version),
    }),
  },
  'POST /api/courses/:id/message-attachments': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course1']}/message-attachments`,
    upload: () => badFile(false),
  },
  'POST /api/courses/:id/messages': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course1']}/messages`,
    body: () => ({ body: 'Tak for i dag.', attachmentIds: [] }),
  },
  'POST /api/courses/:id/messages/read': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course1']}/messages/read`,
    body: (f) => ({ upTo: f.ids['message'] }),
  },
  'PUT /api/courses/:id/messages/settings': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course1']}/messages/settings`,
    body: () => ({ needsSparring: true, teamLeaderInvited: false }),
  },
  'POST /api/courses/:id/reports': {
    as: M,
    path: (f) => `/api/courses/${f.ids['course5']}/reports`,
    body: () => ({ periodTo: today }),
  },
  'POST /api/courses/:id/shares': {
    as: CW,
    path: (f) => `/api/courses/${f.ids['course1']}/shares`,
    body: (f) => ({
      itemId: f.ids['note'],
      basis: 'consent',
      consentGivenOn: today,
      consentScope: 'Notatet må deles med mentoren.',
      expiresOn: addDays(today, 30),
    }),
  },
  'POST /api/grants': {
    as: CW,
    path: () => '/api/grants',
    body: (f) => ({
      citizenId: f.ids['freeCitizen'],
      mentorType: MentorType.Holistic,
      purpose: 'Fiktivt formål',
      tasks: 'Fiktive opgaver',
      goals: ['Første mål', 'Andet mål'],
      minutesPerWeek: 90,
      startsOn: today,
      endsOn: addDays(today, 90),
      deliveringOrganisationId: f.org,
      reportingIntervalWeeks: 4,
      mentorId: f.ids[M],
    }),
  },
  'POST /api/grants/:id/minutes': {
    as: CW,
    path: (f) => `/api/grants/${f.ids['grant5']}/minutes`,
    body: async (f) => ({
      minutesPerWeek: 120,
      effectiveFrom: addDays(today, 7),
      version: await version(f, CW, `/api/grants/${f.ids['grant5']}`),
    }),
  },
  'POST /api/me/mentor-profile/suggestions': {
    as: M,
    path: () => '/api/me/mentor-profile/suggestions',
    body: () => ({
      birthYear: 1985,
      targetGroupExperience: true,
      targetGroupExperienceYears: 3,
      mentorSince: addDays(today, -400),
      specialisations: ['Angst'],
      upskillingWishes: [UpskillingTopic.MotivationalResource],
    }),
  },
  'PATCH /api/municipality/settings': {
    as: ADMIN,
    path: () => '/api/municipality/settings',
    body: async (f) => ({
      reportQualityThreshold: 70,
      requireCertificationForAssignment: false,
      version: await version(f, ADMIN, '/api/municipality/settings'),
    }),
  },
  'POST /api/notifications/:id/read': {
    as: M,
    path: (f) => `/api/notifications/${f.ids['notification']}/read`,
  },
  'POST /api/notifications/read-all': { as: M, path: () => '/api/notifications/read-all' },
  'PUT /api/organisations/:id/recruitment-requirements': {
    as: TL,
    path: (f) => `/api/organisations/${f.org}/recruitment-requirements`,
    body: () => ({ competencies: [Object.values(RecruitmentCompetency)[0]] }),
  },
  'POST /api/organisations/:id/workforce/import': {
    as: TL,
    path: (f) => `/api/organisations/${f.org}/workforce/import`,
    upload: (f) =>
      badImportFile(
        { cut: [f.exportWorkbook, SAMPLES.xlsx], changed: [f.exportWorkbook, SAMPLES.xlsx] },
        workforceColumns(),
        {
          employee_number: f.mentorEmployeeNumber,
          email: '',
        },
      ),
    uploadQuery: IMPORT_QUERY,
    rawUpload: true,
  },
  'PATCH /api/reports/:id': {
    as: M,
    path: (f) => `/api/reports/${f.ids['draftReport']}`,
    body: async (f) => {
      const report = await f.get(M, `/api/reports/${f.ids['draftReport']}`);
      return { content: report.content, periodTo: today, version: report.version };
    },
  },
  'POST /api/reports/:id/accept': {
    as: CW,
    path: (f) => `/api/reports/${f.ids['submittedReport']}/accept`,
    body: async (f) => ({ version: await version(f, CW, `/api/reports/${f.ids['submittedReport']}`) }),
  },
  'POST /api/reports/:id/return': {
    as: CW,
    path: (f) => `/api/reports/${f.ids['submittedReport']}/return`,
    body: async (f) => ({
      version: await version(f, CW, `/api/reports/${f.ids['submittedReport']}`),
      comments: [{ section: ReportSection.Goals, comment: 'Uddyb gerne målene.' }],
    }),
  },
  'POST /api/reports/:id/submit': {
    as: M,
    path: (f) => `/api/reports/${f.ids['draftReport']}/submit`,
    body: async (f) => ({
      version: await version(f, M, `/api/reports/${f.ids['draftReport']}`),
      justification: 'Kort periode.',
    }),
  },
  'POST /api/shares/:id/revoke': { as: CW, path: (f) => `/api/shares/${f.ids['share']}/revoke` },
  'POST /api/surveys/:kind/import': {
    as: TL,
    path: () => `/api/surveys/${SurveyKind.Mentor}/import`,
    upload: (f) =>
      badImportFile(
        // The template has the sheet, and a changed byte may leave it readable with no rows (not an error).
        { cut: [...(f.surveyTemplate ? [f.surveyTemplate] : []), SAMPLES.xlsx], changed: [SAMPLES.xlsx] },
        surveyColumns(SurveyKind.Mentor),
        {},
      ),
    uploadQuery: fc.boolean().map((dryRun) => [['dryRun', String(dryRun)]] as [string, string][]),
    rawUpload: true,
  },
  'POST /api/surveys/:kind/responses': {
    as: M,
    path: () => `/api/surveys/${SurveyKind.Mentor}/responses`,
    body: () => ({ answeredOn: today, answers: { primary_approach: 'professional' } }),
    rules: (body) => {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return true;
      const b = body as { answers?: unknown; answeredOn?: unknown };
      return (
        validateSurveyAnswers(SurveyKind.Mentor, b.answers).length > 0 ||
        validateAnsweredOn(b.answeredOn, today).length > 0
      );
    },
  },
  'DELETE /api/workforce/certifications/:id': {
    as: TL,
    path: (f) => `/api/workforce/certifications/${f.ids['certification']}`,
    query: async (f) => ({
      version: String(await recordVersion(f, 'certifications', f.ids['certification']!)),
    }),
  },
  'PATCH /api/workforce/certifications/:id': {
    as: TL,
    path: (f) => `/api/workforce/certifications/${f.ids['certification']}`,
    body: async (f) => ({
      certifiedOn: addDays(today, -21),
      renewalDueOn: addDays(today, 700),
      basis: [CertificationBasis.CoursesAfterHiring],
      note: 'Fiktiv note.',
      version: await recordVersion(f, 'certifications', f.ids['certification']!),
    }),
  },
  'POST /api/workforce/mentors': {
    as: TL,
    path: () => '/api/workforce/mentors',
    body: () => ({
      name: 'Ny Fiktiv Mentor',
      username: 'fuzz.mentor',
      password: 'p'.repeat(MENTOR_PASSWORD_MIN_LENGTH),
      employeeNumber: 'FUZZ-2',
      email: 'fuzz.mentor@example.org',
      birthYear: 1980,
      mentorTypes: [MentorType.Holistic],
      capacityMinutesPerWeek: 600,
    }),
  },
  'POST /api/workforce/mentors/:id/certifications': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/certifications`,
    body: () => ({
      certifiedOn: addDays(today, -3),
      renewalDueOn: addDays(today, 700),
      basis: [CertificationBasis.CoursesAfterHiring],
      note: 'Fiktiv.',
    }),
  },
  'PUT /api/users/:id/active': {
    as: ADMIN,
    path: (f) => `/api/users/${f.ids[M2]}/active`,
    body: () => ({ active: true }),
  },
  'PUT /api/workforce/mentors/:id/password': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M2]}/password`,
    body: () => ({ password: 'q'.repeat(MENTOR_PASSWORD_MIN_LENGTH + 2) }),
  },
  'PATCH /api/workforce/mentors/:id/profile': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/profile`,
    body: async (f) => ({
      name: 'Fiktiv Mentor',
      birthYear: 1979,
      capacityMinutesPerWeek: 900,
      mentorSince: addDays(today, -800),
      version: (await mentorRecord(f)).profile.version,
    }),
  },
  'PUT /api/workforce/mentors/:id/recruitment': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/recruitment`,
    body: () => ({ assessments: [{ competency: Object.values(RecruitmentCompetency)[0], met: true }] }),
  },
  'POST /api/workforce/mentors/:id/supervision': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/supervision`,
    body: () => ({
      kind: SupervisionKind.ManagementSupervision,
      heldOn: addDays(today, -1),
      note: 'Fiktiv.',
    }),
  },
  'POST /api/workforce/mentors/:id/trainings': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/trainings`,
    body: () => ({
      kind: TrainingKind.MunicipalBasicTraining,
      provider: 'Fiktiv Akademi',
      lengthDays: 3,
      completedOn: addDays(today, -60),
      feltWellEquipped: true,
    }),
  },
  'POST /api/workforce/mentors/:id/upskilling': {
    as: TL,
    path: (f) => `/api/workforce/mentors/${f.ids[M]}/upskilling`,
    body: () => ({
      topic: UpskillingTopic.MotivationalResource,
      offeredOn: addDays(today, -2),
      taken: false,
    }),
  },
  'POST /api/workforce/suggestions/:id/accept': {
    as: TL,
    path: (f) => `/api/workforce/suggestions/${f.ids['suggestion']}/accept`,
    body: () => ({ note: 'Godkendt.' }),
  },
  'POST /api/workforce/suggestions/:id/reject': {
    as: TL,
    path: (f) => `/api/workforce/suggestions/${f.ids['suggestion']}/reject`,
    body: () => ({ note: 'Ikke nu.' }),
  },
  'DELETE /api/workforce/supervision/:id': {
    as: TL,
    path: (f) => `/api/workforce/supervision/${f.ids['supervision']}`,
    query: async (f) => ({ version: String(await recordVersion(f, 'supervision', f.ids['supervision']!)) }),
  },
  'PATCH /api/workforce/supervision/:id': {
    as: TL,
    path: (f) => `/api/workforce/supervision/${f.ids['supervision']}`,
    body: async (f) => ({
      kind: SupervisionKind.ManagementSupervision,
      heldOn: addDays(today, -6),
      note: 'Ændret.',
      version: await recordVersion(f, 'supervision', f.ids['supervision']!),
    }),
  },
  'DELETE /api/workforce/trainings/:id': {
    as: TL,
    path: (f) => `/api/workforce/trainings/${f.ids['training']}`,
    query: async (f) => ({ version: String(await recordVersion(f, 'trainings', f.ids['training']!)) }),
  },
  'PATCH /api/workforce/trainings/:id': {
    as: TL,
    path: (f) => `/api/workforce/trainings/${f.ids['training']}`,
    body: async (f) => ({
      kind: TrainingKind.MunicipalBasicTraining,
      provider: 'Ændret Akademi',
      lengthDays: 2,
      completedOn: addDays(today, -31),
      feltWellEquipped: false,
      version: await recordVersion(f, 'trainings', f.ids['training']!),
    }),
  },
  'DELETE /api/workforce/upskilling/:id': {
    as: TL,
    path: (f) => `/api/workforce/upskilling/${f.ids['upskilling']}`,
    query: async (f) => ({ version: String(await recordVersion(f, 'upskilling', f.ids['upskilling']!)) }),
  },
  'PATCH /api/workforce/upskilling/:id': {
    as: TL,
    path: (f) => `/api/workforce/upskilling/${f.ids['upskilling']}`,
    body: async (f) => ({
      topic: UpskillingTopic.MotivationalResource,
      offeredOn: addDays(today, -11),
      taken: false,
      version: await recordVersion(f, 'upskilling', f.ids['upskilling']!),
    }),
  },
};

// ---------- Nothing written ----------

/**
 * Audit records of reads. They are not writes: a read by id is recorded even when it finds
 * nothing (an attempt on another's object is worth recording), and a write reads its object first.
 */
const READ_ACTIONS = '\\.(read|list|search|weeks|reporting_read|pdf|download|access_log)$';

/**
 * Every table's row count and newest row version: an INSERT, UPDATE or DELETE anywhere changes
 * it. A session's last_seen_at is touched by reading, so session rows are compared without it;
 * audit records of reads are left out.
 */
async function fingerprintQuery(db: Client): Promise<string> {
  const tables = await db.query<{ name: string; touched: boolean }>(
    `SELECT c.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'last_seen_at') AS touched
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  return tables.rows
    .map(({ name, touched }) => {
      const state = touched
        ? `coalesce(sum(hashtext((to_jsonb(x) - 'last_seen_at')::text)), 0)`
        : `coalesce(max(x.xmin::text::bigint), 0)`;
      const where = name === 'audit_event' ? ` WHERE x.action !~ '${READ_ACTIONS}'` : '';
      return `SELECT '${name}' AS t, count(*)::int AS n, ${state}::text AS s FROM "${name}" x${where}`;
    })
    .join(' UNION ALL ');
}

// ---------- The test ----------

describe('bad input to every write route', () => {
  let t: TestApp;
  let f: Fixtures;
  let routes: Map<string, WriteRoute>;
  let db: Client;
  let fingerprintSql: string;
  /** The fingerprint after the last run that wrote nothing; re-read after a failed run. */
  let lastClean: string | undefined;
  const counts = { routes: 0, runs: 0, statuses: new Map<number, number>() };

  const fingerprint = async () => {
    const result = await db.query({ name: 'fingerprint', text: fingerprintSql });
    return result.rows.map((r) => `${r.t}:${r.n}:${r.s}`).join(' ');
  };

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    f = await buildFixtures(t);
    routes = new Map(listWriteRoutes(t.app).map((r) => [r.key, r]));
    db = new Client({ connectionString: process.env['MENTOR_TEST_DATABASE_URL'] });
    await db.connect();
    fingerprintSql = await fingerprintQuery(db);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
    const statuses = [...counts.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    console.info(`bad input: ${counts.routes} routes, ${counts.runs} requests (${statuses.join(', ')})`);
  });

  async function baseOf(entry: Entry): Promise<Base> {
    return {
      token: entry.as ? f.tokens[entry.as] : undefined,
      path: entry.path(f),
      body: await entry.body?.(f),
      query: await entry.query?.(f),
    };
  }

  it('has an entry for every write route, of the route’s kind', () => {
    expect([...routes.keys()]).toEqual(Object.keys(ENTRIES).sort((a, b) => a.localeCompare(b)));
    for (const [key, route] of routes) {
      const entry = ENTRIES[key] as Entry;
      expect({ key, body: !!entry.body, query: !!entry.query, upload: !!entry.upload }).toEqual({
        key,
        body: !!route.body,
        query: !!route.query && !route.upload,
        upload: route.upload,
      });
    }
  });

  it('starts from bodies and queries the app’s pipes and rules accept', async () => {
    for (const [key, entry] of Object.entries(ENTRIES)) {
      const route = routes.get(key);
      if (!route) continue;
      const base = await baseOf(entry);
      const refused = {
        key,
        body: !!route.body && !!base.body && (await pipesRefuse(route.body, base.body, 'body')),
        query: !!route.query && !!base.query && (await pipesRefuse(route.query, base.query, 'query')),
        rules: !!base.body && !!entry.rules?.(base.body),
      };
      expect(refused).toEqual({ key, body: false, query: false, rules: false });
    }
  });

  for (const [key, entry] of Object.entries(ENTRIES)) {
    it(`${key}: answers bad input with 4xx problem+json and writes nothing`, async () => {
      const route = routes.get(key);
      if (!route) throw new Error(`${key} is not a route of the app`);
      const base = await baseOf(entry);
      // Reading the objects' state is audit-logged: measure afresh.
      lastClean = undefined;
      const bodyText = JSON.stringify(base.body ?? {});
      const arbitraries: fc.Arbitrary<Case>[] = [];
      if (entry.upload) {
        arbitraries.push(
          uploadRequest(base, entry.upload(f), { raw: !!entry.rawUpload, query: entry.uploadQuery }),
        );
      } else {
        arbitraries.push(garbageBody(base, route.method, bodyText));
        if (route.body) arbitraries.push(badJsonBody(route, base, entry.rules));
        if (route.query) arbitraries.push(badQuery(route, base));
        if (entry.headers && base.body)
          arbitraries.push(
            entry.headers.map(([label, headers]) => ({
              label,
              request: {
                ...jsonRequest(route.method, base, base.body),
                headers: { ...headersFor(base, { 'content-type': 'application/json' }), ...headers },
              },
            })),
          );
      }
      const parameter = badPathParameter(route, base);
      if (parameter) arbitraries.push(parameter);

      await fc.assert(
        fc.asyncProperty(fc.oneof(...arbitraries).map(labelled), async (c) => {
          if (c.isBad) fc.pre(await c.isBad());
          const before = lastClean ?? (await fingerprint());
          lastClean = undefined;
          const response = await fetch(t.baseUrl + c.request.path, {
            method: c.request.method,
            headers: c.request.headers,
            body: c.request.body,
          });
          const text = await response.text();
          counts.runs++;
          counts.statuses.set(response.status, (counts.statuses.get(response.status) ?? 0) + 1);
          const type = response.headers.get('content-type') ?? '';
          let problem: { status?: number; errors?: unknown[] } | undefined;
          try {
            problem = JSON.parse(text);
          } catch {
            problem = undefined;
          }
          const refused =
            response.status >= 400 &&
            response.status < 500 &&
            type.startsWith('application/problem+json') &&
            problem?.status === response.status;
          const dryRunErrors =
            c.dryRun &&
            response.status === 200 &&
            Array.isArray(problem?.errors) &&
            problem.errors.length > 0;
          if (!refused && !dryRunErrors)
            throw new Error(`answered ${response.status} ${type}: ${text.slice(0, 500)}`);
          // The API runs in this process: a request that polluted a prototype would show here.
          const prototypes = prototypeState();
          if (prototypes !== cleanPrototypes) throw new Error(`polluted a prototype: ${prototypes}`);
          const after = await fingerprint();
          if (after !== before) throw new Error(`wrote to the database: ${diff(before, after)}`);
          lastClean = after;
        }),
        { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true },
      );
      counts.routes++;
    }, 300_000);
  }
});

/** The own properties of the built-in prototypes a polluting request would change. */
function prototypeState(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','))
    .join(' | ');
}
const cleanPrototypes = prototypeState();

function diff(before: string, after: string): string {
  const old = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((entry) => !old.has(entry))
    .join(', ');
}
