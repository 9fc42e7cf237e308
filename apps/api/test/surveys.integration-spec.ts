import { SURVEYS, SurveyKind, surveyImportColumns } from '@mentor/domain';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { todayInDenmark } from '../src/common/clock';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

const today = todayInDenmark();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function expectProblem(response: TestResponse<any>, status: number, code?: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({
    status,
    code: code ?? response.body?.code,
  });
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

const fieldCodes = (response: TestResponse<any>) =>
  response.body.errors.map((e: { field: string; codes: string[] }) => `${e.field}:${e.codes}`);

/**
 * The built-in questionnaires, in a municipality of their own (Spørgeby, 464): organisation A
 * (internal centre) and B (external provider), a team leader and a mentor each, a caseworker and an
 * administrator.
 */
describe('surveys', () => {
  let t: TestApp;
  let municipality: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const orgs: Record<'A' | 'B', string> = { A: '', B: '' };

  const one = async (sql: string, values: unknown[]) => (await t.db.query(sql, values))[0].id as string;
  const post = (user: string, kind: string, json: unknown) =>
    t.request<any>('POST', `/api/surveys/${kind}/responses`, { token: tokens[user], json });
  const list = (user: string, kind: string, query = '') =>
    t.request<any>('GET', `/api/surveys/${kind}/responses${query}`, { token: tokens[user] });

  async function upload(user: string, kind: string, query: string, content: Buffer, contentType: string) {
    const response = await fetch(`${t.baseUrl}/api/surveys/${kind}/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': contentType },
      body: new Uint8Array(content),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
  const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

  beforeAll(async () => {
    t = await startTestApp();
    municipality = await one(
      `INSERT INTO municipality (code, name) VALUES (464, 'Spørgeby Kommune') RETURNING id`,
      [],
    );
    orgs.A = await one(
      `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'internal_centre', 'Jobcentret', 1) RETURNING id`,
      [municipality],
    );
    orgs.B = await one(
      `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'external_provider', 'Mentorhuset ApS', 1) RETURNING id`,
      [municipality],
    );
    const users: [string, 'A' | 'B', string][] = [
      ['tl.a', 'A', 'team_leader'],
      ['tl.b', 'B', 'team_leader'],
      ['m.a', 'A', 'mentor'],
      ['m.b', 'B', 'mentor'],
      ['cw', 'A', 'caseworker'],
      ['admin', 'A', 'admin'],
    ];
    for (const [username, org, role] of users) {
      ids[username] = await one(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ($1, $2, $3, $3, $4, (SELECT password_hash FROM app_user WHERE username = 'admin'), 1) RETURNING id`,
        [municipality, orgs[org], `srv.${username}`, role],
      );
      tokens[username] = await t.login(`srv.${username}`);
    }
  });
  afterAll(() => t.close());

  describe('answering in the app', () => {
    it("records a mentor's own answers for their organisation", async () => {
      const response = await post('m.b', 'mentor', {
        answeredOn: today,
        mentorType: 'holistic',
        answers: { important_competencies: ['relational', 'empathy'], primary_approach: 'professional' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'mentor',
        answeredOn: today,
        organisationId: orgs.B,
        organisationName: 'Mentorhuset ApS',
        organisationKind: 'external_provider',
        mentorType: 'holistic',
        selfAnswered: true,
        imported: false,
        answers: { important_competencies: ['relational', 'empathy'], primary_approach: 'professional' },
      });
      expect(Object.keys(response.body)).not.toContain('enteredBy');
    });

    it("records a team leader's recruiter answers as their own and their entries for mentors as entered", async () => {
      const own = await post('tl.a', 'recruiter', { answeredOn: today, answers: { easy_to_recruit: false } });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ selfAnswered: true, organisationId: orgs.A });
      const entered = await post('tl.a', 'mentor', {
        answeredOn: today,
        answers: { primary_approach: 'personal' },
      });
      expect(entered.status).toBe(201);
      expect(entered.body.selfAnswered).toBe(false);
      const interview = await post('tl.a', 'citizen', {
        answeredOn: today,
        organisationId: orgs.A,
        answers: { makes_difference: true },
      });
      expect(interview.status).toBe(201);
    });

    it('lets a caseworker enter a citizen interview for a named organisation of the municipality', async () => {
      const missing = await post('cw', 'citizen', { answeredOn: today, answers: { makes_difference: true } });
      expect(fieldCodes(missing)).toEqual(['organisationId:isNotEmpty']);
      const [foreign] = await t.db.query(`SELECT id FROM organisation WHERE municipality_id <> $1 LIMIT 1`, [
        municipality,
      ]);
      const other = await post('cw', 'citizen', {
        answeredOn: today,
        organisationId: foreign.id,
        answers: { makes_difference: true },
      });
      expect(fieldCodes(other)).toEqual(['organisationId:survey.unknown_organisation']);
      const ok = await post('cw', 'citizen', {
        answeredOn: today,
        organisationId: orgs.B,
        mentorType: 'retention',
        answers: { time_with_mentor: 'more', makes_difference: true, overall_satisfaction: 4 },
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ organisationId: orgs.B, selfAnswered: false, mentorType: 'retention' });
    });

    it('refuses a questionnaire the role does not answer, and another organisation', async () => {
      expectProblem(
        await post('m.a', 'citizen', { answeredOn: today, answers: {} }),
        403,
        'survey.not_allowed',
      );
      expectProblem(
        await post('cw', 'mentor', { answeredOn: today, answers: {} }),
        403,
        'survey.not_allowed',
      );
      expectProblem(
        await t.request('POST', '/api/surveys/mentor/responses', {
          token: tokens['admin'],
          json: { answeredOn: today, answers: { primary_approach: 'personal' } },
        }),
        403,
        'auth.forbidden',
      );
      const other = await post('m.a', 'mentor', {
        answeredOn: today,
        organisationId: orgs.B,
        answers: { primary_approach: 'personal' },
      });
      expect(fieldCodes(other)).toEqual(['organisationId:survey.unknown_organisation']);
      expectProblem(
        await post('m.a', 'weather', { answeredOn: today, answers: {} }),
        404,
        'survey.not_found',
      );
    });

    it('checks every answer against the questionnaire, by question', async () => {
      const response = await post('tl.a', 'recruiter', {
        answeredOn: '2099-01-01',
        mentorType: 'holistic',
        answers: {
          predefined_requirements: 'ja',
          onboarding_forms: ['sparring', 'cake'],
          certified_mentors: 'all',
          colour: 'blue',
        },
      });
      expectProblem(response, 400, 'validation.failed');
      expect(fieldCodes(response).sort()).toEqual(
        [
          'answeredOn:survey.in_future',
          'answers.predefined_requirements:isBoolean',
          'answers.onboarding_forms:isIn',
          'answers.certified_mentors:isIn',
          'answers.colour:survey.unknown_question',
          'mentorType:survey.mentor_type_not_asked',
        ].sort(),
      );
      expect(fieldCodes(await post('m.a', 'mentor', { answeredOn: today, answers: {} }))).toEqual([
        'answers:survey.no_answers',
      ]);
      expect(fieldCodes(await post('m.a', 'mentor', { answeredOn: today, answers: [] }))).toEqual([
        'answers:isObject',
      ]);
    });
  });

  describe('listing', () => {
    it("lists a team leader's own organisation's responses without names, newest first", async () => {
      const response = await list('tl.b', 'mentor');
      expect(response.status).toBe(200);
      expect(response.body.items.map((r: any) => r.organisationId)).toEqual([orgs.B]);
      expect(JSON.stringify(response.body)).not.toContain('srv.');
      expectProblem(await list('tl.b', 'mentor', `?organisationId=${orgs.A}`), 404, 'organisation.not_found');
    });

    it("lists the municipality's for an administrator, filtered by organisation and date", async () => {
      const all = await list('admin', 'mentor');
      expect(all.body.total).toBe(2);
      expect((await list('admin', 'mentor', `?organisationId=${orgs.A}`)).body.total).toBe(1);
      expect((await list('admin', 'mentor', `?to=2020-01-01`)).body.total).toBe(0);
      expectProblem(await list('m.a', 'mentor'), 403, 'auth.forbidden');
    });
  });

  describe('importing', () => {
    const header =
      'answered_on;organisation;mentor_type;time_with_mentor;makes_difference;overall_satisfaction';

    it('lists every error by row and column on a dry run, and saves nothing', async () => {
      const file = csv([
        `${header};colour`,
        `${today};;holistic;more;ja;4;x`,
        `31-02-2024;Mentorhuset ApS;both;sometimes;måske;9;`,
        `;;;;;;`,
        `2099-01-01;;;;;;`,
      ]);
      const response = await upload('tl.a', 'citizen', '?dryRun=true', file, 'text/csv');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ dryRun: true, committed: false, rows: 3, created: 0 });
      expect(response.body.errors.map((e: any) => `${e.row}:${e.column}:${e.code}`)).toEqual([
        '1:colour:import.unknown_column',
        '3:answered_on:import.invalid_date',
        '3:makes_difference:import.invalid_boolean',
        '3:mentor_type:isIn',
        '3:organisation:survey.unknown_organisation',
        '3:overall_satisfaction:survey.out_of_scale',
        '3:time_with_mentor:isIn',
        '5:answered_on:survey.in_future',
      ]);
    });

    it('refuses a file with errors as a whole (422, every error listed) and saves a clean one in one go', async () => {
      const before = (await list('tl.a', 'citizen')).body.total;
      const bad = await upload(
        'tl.a',
        'citizen',
        '',
        csv([header, `${today};;;more;ja;4`, `${today};;;never;;`]),
        'text/csv',
      );
      expectProblem(bad, 422, 'import.invalid');
      expect(bad.body.rows).toEqual([
        expect.objectContaining({ row: 3, column: 'time_with_mentor', code: 'isIn' }),
      ]);
      expect(bad.body.errors[0].field).toBe('citizen[3].time_with_mentor');
      expect((await list('tl.a', 'citizen')).body.total).toBe(before);

      const good = await upload(
        'tl.a',
        'citizen',
        '?dryRun=false',
        csv([header, `${today};Jobcentret;holistic;more;ja;4`, `01.03.2026;;;suitable;nej;`]),
        'text/csv',
      );
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ committed: true, rows: 2, created: 2, errors: [] });
      const listed = await list('tl.a', 'citizen');
      expect(listed.body.total).toBe(before + 2);
      expect(listed.body.items.find((r: any) => r.answeredOn === '2026-03-01')).toMatchObject({
        imported: true,
        selfAnswered: false,
        answers: { time_with_mentor: 'suitable', makes_difference: false },
      });
    });

    it("needs the organisation column from an administrator, and takes the municipality's organisations", async () => {
      const columns = 'answered_on;easy_to_recruit;onboarding_forms';
      const noColumn = await upload(
        'admin',
        'recruiter',
        '?dryRun=true',
        csv([columns, `${today};nej;sparring`]),
        'text/csv',
      );
      expect(noColumn.body.errors.map((e: any) => `${e.row}:${e.column}:${e.code}`)).toEqual([
        '1:organisation:import.missing_column',
      ]);
      const withColumn = await upload(
        'admin',
        'recruiter',
        '',
        csv([
          `organisation;${columns}`,
          `Mentorhuset ApS;${today};nej;sparring, supervision`,
          `${orgs.A};${today};ja;`,
        ]),
        'text/csv',
      );
      expect(withColumn.body).toMatchObject({ committed: true, created: 2 });
      const b = await list('admin', 'recruiter', `?organisationId=${orgs.B}`);
      expect(b.body.items[0].answers).toEqual({
        easy_to_recruit: false,
        onboarding_forms: ['sparring', 'supervision'],
      });
    });

    it('reads the XLSX template filled in, and offers the template as CSV', async () => {
      const template = await fetch(`${t.baseUrl}/api/surveys/mentor/template.xlsx`, {
        headers: { authorization: `Bearer ${tokens['tl.b']}` },
      });
      expect(template.status).toBe(200);
      expect(template.headers.get('content-type')).toBe(XLSX);
      const sheets = (await readXlsxFile(Buffer.from(await template.arrayBuffer()))) as {
        sheet: string;
        data: unknown[][];
      }[];
      expect(sheets.map((s) => s.sheet)).toEqual(['svar', 'vejledning']);
      const columns = surveyImportColumns(SurveyKind.Mentor);
      expect(sheets[0]?.data[0]).toEqual(columns);
      expect(sheets[1]?.data.length).toBe(columns.length + 1);

      const filled = await writeXlsxFile([
        {
          sheet: 'svar',
          data: [
            columns.map((c) => ({ value: c })),
            columns.map((c) =>
              c === 'answered_on'
                ? { value: new Date(`${today}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' }
                : c === 'important_competencies'
                  ? { value: 'relational, empathy' }
                  : c === 'primary_approach'
                    ? { value: 'Personal' }
                    : null,
            ),
          ],
        },
        { sheet: 'vejledning', data: [[{ value: 'ignored' }]] },
      ]).toBuffer();
      const response = await upload('tl.b', 'mentor', '', filled, XLSX);
      expect(response.body).toMatchObject({ committed: true, created: 1 });

      const csvTemplate = await fetch(`${t.baseUrl}/api/surveys/recruiter/template.csv`, {
        headers: { authorization: `Bearer ${tokens['admin']}` },
      });
      expect(csvTemplate.headers.get('content-type')).toContain('text/csv');
      expect((await csvTemplate.text()).replace(/^\uFEFF/, '').trim()).toBe(
        ['answered_on', 'organisation', ...SURVEYS.recruiter.questions.map((q) => q.key)].join(';'),
      );
    });

    it('is for team leaders and administrators', async () => {
      const response = await upload('m.a', 'mentor', '', csv(['answered_on', today]), 'text/csv');
      expect(response.status).toBe(403);
    });
  });
});
