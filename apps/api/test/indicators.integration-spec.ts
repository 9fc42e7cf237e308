import { addDays, addMonths, INDICATOR_CATALOGUE, IndicatorSource } from '@mentor/domain';
import readXlsxFile from 'read-excel-file/node';
import { todayInDenmark } from '../src/common/clock';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

function expectProblem(response: TestResponse<any>, status: number, code?: string) {
  expect({ status: response.status, code: response.body?.code }).toEqual({
    status,
    code: code ?? response.body?.code,
  });
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

/**
 * The indicator report over hand-built records, in a municipality of its own (Indikatorby, 463):
 * organisation A (internal centre) and B (external provider), a team leader each, an administrator,
 * a caseworker and three mentors. The period 2026-03-04 (a Wednesday) to 2026-04-21 (a Tuesday) has
 * edge days at both ends and full weeks between, so both ways of reading contacts are exercised.
 */
describe('indicator report', () => {
  let t: TestApp;
  let municipality: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const orgs: Record<'A' | 'B', string> = { A: '', B: '' };
  const FROM = '2026-03-04';
  const TO = '2026-04-21';
  const PERIOD = `from=${FROM}&to=${TO}`;

  const one = async (sql: string, values: unknown[]) => (await t.db.query(sql, values))[0].id as string;
  const report = async (user: string, query = PERIOD) => {
    const response = await t.request<any>('GET', `/api/reports/indicators?${query}`, { token: tokens[user] });
    expect(response.status).toBe(200);
    return response.body;
  };
  const byId = (body: any) => Object.fromEntries(body.indicators.map((r: any) => [r.id, r]));
  const share = (body: any, id: string) => {
    const r = byId(body)[id];
    return r.suppressed ? 'suppressed' : `${r.numerator}/${r.denominator}`;
  };

  async function citizen(name: string): Promise<string> {
    return one(
      `INSERT INTO citizen (municipality_id, name, cpr_encrypted, cpr_hash, cpr_masked, preferred_meeting_place,
                            target_group, caseworker_id, version)
       VALUES ($1, $2::text, '\\x00', md5($2::text) || md5($2::text), '010101-XXXX', 'home', 'activity_ready_cash_benefit_30_plus', $3, 1)
       RETURNING id`,
      [municipality, name, ids['cw']],
    );
  }

  async function course(options: {
    citizen: string;
    org: 'A' | 'B';
    mentor: string;
    type: 'holistic' | 'retention';
    startsOn: string;
    endsOn: string;
    status?: string;
    endedOn?: string;
  }): Promise<string> {
    const grant = await one(
      `INSERT INTO mentor_grant (municipality_id, citizen_id, caseworker_id, mentor_type, purpose, tasks, goals,
                                 starts_on, ends_on, delivering_organisation_id, version)
       VALUES ($1, $2, $3, $4, 'Formål', 'Opgaver', '[]', $5, $6, $7, 1) RETURNING id`,
      [
        municipality,
        options.citizen,
        ids['cw'],
        options.type,
        options.startsOn,
        options.endsOn,
        orgs[options.org],
      ],
    );
    const status = options.status ?? 'active';
    return one(
      `INSERT INTO mentor_course (municipality_id, grant_id, organisation_id, mentor_id, status, end_reason, ended_on, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
      [
        municipality,
        grant,
        orgs[options.org],
        ids[options.mentor],
        status,
        status === 'ended' ? 'goal_reached' : null,
        options.endedOn ?? null,
      ],
    );
  }

  async function contact(
    courseId: string,
    date: string,
    form: string,
    minutes: number,
    extra: { topics?: string[]; help?: string[]; showedUp?: boolean; corrects?: string } = {},
  ): Promise<string> {
    return one(
      `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                            corrects_contact_id, created_by, version)
       VALUES ($1, $2, $3, '10:00', $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
      [
        municipality,
        courseId,
        date,
        minutes,
        form,
        extra.showedUp ?? true,
        extra.topics ?? [],
        extra.help ?? [],
        extra.corrects ?? null,
        ids['m.a1'],
      ],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    municipality = await one(
      `INSERT INTO municipality (code, name) VALUES (463, 'Indikatorby Kommune') RETURNING id`,
      [],
    );
    orgs.A = await one(
      `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'internal_centre', 'Centret', 1) RETURNING id`,
      [municipality],
    );
    orgs.B = await one(
      `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, 'external_provider', 'Leverandøren', 1) RETURNING id`,
      [municipality],
    );
    const users: [string, 'A' | 'B', string][] = [
      ['tl.a', 'A', 'team_leader'],
      ['tl.b', 'B', 'team_leader'],
      ['admin', 'A', 'admin'],
      ['cw', 'A', 'caseworker'],
      ['m.a1', 'A', 'mentor'],
      ['m.b1', 'B', 'mentor'],
      ['m.b2', 'B', 'mentor'],
    ];
    for (const [username, org, role] of users) {
      ids[username] = await one(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ($1, $2, $3, $3, $4, (SELECT password_hash FROM app_user WHERE username = 'admin'), 1) RETURNING id`,
        [municipality, orgs[org], `ind.${username}`, role],
      );
      tokens[username] = await t.login(`ind.${username}`);
    }

    // C1: holistic, internal. Home twice (60 min), elsewhere twice (35 min, one a correction), phone once.
    const c1 = await course({
      citizen: await citizen('Borger 1'),
      org: 'A',
      mentor: 'm.a1',
      type: 'holistic',
      startsOn: '2026-02-01',
      endsOn: '2026-07-31',
    });
    ids['c1'] = c1;
    await contact(c1, '2026-03-03', 'in_person_elsewhere', 50); // before the period
    await contact(c1, '2026-03-05', 'in_person_home', 30, {
      topics: ['personal_matters'],
      help: ['personal_challenges'],
    }); // head edge
    await contact(c1, '2026-03-10', 'in_person_home', 30, { topics: ['personal_matters', 'housing'] });
    await contact(c1, '2026-03-11', 'in_person_home', 45, { showedUp: false }); // no-show
    await contact(c1, '2026-03-17', 'phone', 10);
    const deleted = await contact(c1, '2026-03-18', 'phone', 10);
    await t.db.query(`UPDATE contact SET deleted_at = now(), deleted_by = created_by WHERE id = $1`, [
      deleted,
    ]);
    const corrected = await contact(c1, '2026-03-24', 'phone', 15);
    await contact(c1, '2026-03-24', 'in_person_elsewhere', 15, { corrects: corrected });
    await contact(c1, '2026-04-21', 'in_person_jobcentre', 20); // tail edge
    // C2: retention, external. SMS and e-mail (remote twice), the provider once; resources clarified.
    const c2 = await course({
      citizen: await citizen('Borger 2'),
      org: 'B',
      mentor: 'm.b1',
      type: 'retention',
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
    });
    await contact(c2, '2026-03-06', 'sms', 2, { topics: ['housing'] });
    await contact(c2, '2026-03-13', 'email', 3, { help: ['clarifying_resources'] });
    await contact(c2, '2026-04-20', 'in_person_provider', 40, { topics: ['housing', 'finances'] });
    // C3: holistic, external, started four days before the period ends, no contacts yet.
    await course({
      citizen: await citizen('Borger 3'),
      org: 'B',
      mentor: 'm.b2',
      type: 'holistic',
      startsOn: '2026-04-18',
      endsOn: '2026-09-30',
    });
    // Not in support in the period: a planned course, and a course that ended before it.
    await course({
      citizen: await citizen('Borger 4'),
      org: 'A',
      mentor: 'm.a1',
      type: 'holistic',
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
      status: 'planned',
    });
    await course({
      citizen: await citizen('Borger 5'),
      org: 'A',
      mentor: 'm.a1',
      type: 'holistic',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      status: 'ended',
      endedOn: '2026-03-01',
    });

    // Mentor profiles and records.
    const profile = (mentor: string, org: 'A' | 'B', values: Record<string, unknown>) =>
      t.db.query(
        `INSERT INTO mentor_profile (municipality_id, mentor_id, organisation_id, gender, birth_year, education_level,
                                     target_group_experience, target_group_experience_years, mentor_since, mentor_types, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)`,
        [
          municipality,
          ids[mentor],
          orgs[org],
          values['gender'] ?? null,
          values['birthYear'] ?? null,
          values['education'] ?? null,
          values['experience'] ?? null,
          values['years'] ?? null,
          values['since'] ?? null,
          values['types'] ?? [],
        ],
      );
    await profile('m.a1', 'A', {
      gender: 'female',
      birthYear: 1970,
      education: 'medium_higher',
      types: ['holistic'],
    });
    await profile('m.b1', 'B', {
      gender: 'male',
      birthYear: 1990,
      education: 'long_higher',
      experience: true,
      years: 8,
      since: '2020-01-01',
      types: ['holistic', 'retention'],
    });
    await t.db.query(
      `INSERT INTO mentor_training (municipality_id, mentor_id, kind, length_days, completed_on, felt_well_equipped, version)
       VALUES ($1, $2, 'workplace_programme', 2, '2025-01-10', true, 1), ($1, $3, 'municipal_basic_training', 4, '2026-05-01', true, 1)`,
      [municipality, ids['m.b1'], ids['m.a1']],
    );
    await t.db.query(
      `INSERT INTO mentor_upskilling (municipality_id, mentor_id, topic, offered_on, taken, version)
       VALUES ($1, $2, 'employment_law', '2026-03-20', true, 1), ($1, $2, 'goals_progression', '2026-01-20', true, 1)`,
      [municipality, ids['m.b1']],
    );
    await t.db.query(
      `INSERT INTO mentor_supervision (municipality_id, mentor_id, kind, held_on, version)
       VALUES ($1, $2, 'management_supervision', '2026-04-01', 1), ($1, $3, 'mentor_network', '2026-02-01', 1)`,
      [municipality, ids['m.b1'], ids['m.b2']],
    );
  });
  afterAll(() => t.close());

  it('answers one entry per catalogue id, in its order, with the study beside it', async () => {
    const body = await report('admin');
    expect(body.from).toBe(FROM);
    expect(body.to).toBe(TO);
    expect(body.filters).toEqual({});
    expect(body.indicators.map((r: any) => r.id)).toEqual(INDICATOR_CATALOGUE.map((d) => d.id));
    expect(body.indicators[0].study).toEqual(INDICATOR_CATALOGUE[0]?.study);
  });

  it('counts citizens in support once, by their most frequent contact form, leaving out who has no contact', async () => {
    const body = await report('admin');
    expect(share(body, 'citizen.sample.holistic_share')).toBe('2/3');
    expect(share(body, 'citizen.sample.internal_mentor_share')).toBe('1/3');
    // C1: home 2 (60 min) ties elsewhere 2 (35 min, the correction counting, not the corrected phone call)
    // and wins on minutes; C2: remote 2 against elsewhere 1; C3 has no contact.
    expect(share(body, 'citizen.contact_form.personal_home')).toBe('1/2');
    expect(share(body, 'citizen.contact_form.personal_elsewhere')).toBe('0/2');
    expect(share(body, 'citizen.contact_form.remote')).toBe('1/2');
    expect(share(body, 'citizen.contact_form.personal_total')).toBe('1/2');
    expect(share(body, 'citizen.help.personal_challenges')).toBe('1/2');
    expect(share(body, 'citizen.help.resources_and_labour_market')).toBe('1/2');
    expect(share(body, 'citizen.topic.personal_primary')).toBe('1/2');
    // C3 has 4 days of active course in the period: left out of weekly contact.
    expect(share(body, 'citizen.weekly_contact.under_1h')).toBe('2/2');
    expect(byId(body)['citizen.contact_form.personal_home'].value).toBe(0.5);
  });

  it('reads the same contacts whatever the period edges (weeks from the totals, edge days from the contacts)', async () => {
    // All edge days, no whole week: C1's home visit on the 5th and C2's SMS on the 6th.
    const head = await report('admin', 'from=2026-03-04&to=2026-03-08');
    expect(share(head, 'citizen.contact_form.personal_home')).toBe('1/2');
    expect(share(head, 'citizen.contact_form.remote')).toBe('1/2');
    // Whole weeks only (Monday to Sunday): C1 home once, phone once and the correction; C2 e-mail once.
    const weeks = await report('admin', 'from=2026-03-09&to=2026-03-29');
    expect(share(weeks, 'citizen.contact_form.personal_home')).toBe('1/2');
    expect(share(weeks, 'citizen.contact_form.remote')).toBe('1/2');
    expect(share(weeks, 'citizen.topic.personal_primary')).toBe('1/1');
    // Part of a week, with a contact after the period in that week (C2's e-mail on the 13th).
    const part = await report('admin', 'from=2026-03-09&to=2026-03-12');
    expect(share(part, 'citizen.contact_form.personal_home')).toBe('1/1');
    expect(share(part, 'citizen.contact_form.remote')).toBe('0/1');
  });

  it('keeps the weekly totals current when contacts change, equal to counting them again', async () => {
    const extra = await contact(ids['c1'] as string, '2026-03-31', 'phone', 5);
    await contact(ids['c1'] as string, '2026-04-01', 'phone', 5);
    await contact(ids['c1'] as string, '2026-04-02', 'phone', 5);
    // C1 now has 4 remote contacts in the period against 2 and 2.
    expect(share(await report('admin'), 'citizen.contact_form.remote')).toBe('2/2');
    await t.db.query(`UPDATE contact SET form = 'in_person_home' WHERE id = $1`, [extra]);
    expect(share(await report('admin'), 'citizen.contact_form.personal_home')).toBe('1/2');
    const kept = await t.db.query(`SELECT * FROM course_contact_stats ORDER BY course_id, week_start`);
    await t.db.query('SELECT rebuild_course_contact_stats()');
    const recounted = await t.db.query(`SELECT * FROM course_contact_stats ORDER BY course_id, week_start`);
    expect(recounted).toEqual(kept);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('filters by organisation type and mentor type', async () => {
    const external = await report('admin', `${PERIOD}&organisationType=external_provider`);
    expect(external.filters).toEqual({ organisationType: 'external_provider' });
    expect(share(external, 'citizen.sample.holistic_share')).toBe('1/2');
    const retention = await report('admin', `${PERIOD}&mentorType=retention`);
    expect(share(retention, 'citizen.sample.holistic_share')).toBe('0/1');
    // Mentors of the type by their profile: only m.b1 lists retention.
    expect(share(retention, 'mentor.profile.women_share')).toBe('0/1');
  });

  it('computes the mentor indicators from profiles and records, leaving out what is not recorded', async () => {
    const body = await report('admin');
    expect(share(body, 'mentor.profile.internal_share')).toBe('1/3');
    expect(share(body, 'mentor.profile.women_share')).toBe('1/2');
    expect(share(body, 'mentor.profile.over_40_share')).toBe('1/2');
    expect(share(body, 'mentor.experience.target_group.over_6y')).toBe('1/1');
    expect(share(body, 'mentor.experience.as_mentor.over_3y.external')).toBe('1/1');
    // m.a1's training was completed after the period: not yet trained.
    expect(share(body, 'mentor.training.completed.internal')).toBe('0/1');
    expect(share(body, 'mentor.training.completed.external')).toBe('1/2');
    expect(share(body, 'mentor.training.length_2_days_or_less.external')).toBe('1/1');
    // Upskilling in the period only: the January offer does not count.
    expect(share(body, 'mentor.upskilling.offered')).toBe('1/3');
    expect(share(body, 'mentor.upskilling.topic.employment_law')).toBe('1/1');
    expect(share(body, 'mentor.upskilling.topic.goals_progression')).toBe('0/1');
    expect(share(body, 'mentor.supervision.management.external')).toBe('1/2');
    expect(share(body, 'mentor.network.participates.external')).toBe('0/2');
  });

  it('counts survey responses dated in the period, a self-answering respondent once', async () => {
    const answer = (user: string, kind: string, answeredOn: string, answers: object, extra: object = {}) =>
      t.request<any>('POST', `/api/surveys/${kind}/responses`, {
        token: tokens[user],
        json: { answeredOn, answers, ...extra },
      });
    expect((await answer('m.b1', 'mentor', '2026-03-10', { primary_approach: 'personal' })).status).toBe(201);
    expect((await answer('m.b1', 'mentor', '2026-04-10', { primary_approach: 'professional' })).status).toBe(
      201,
    );
    expect((await answer('m.b2', 'mentor', '2026-04-11', { primary_approach: 'personal' })).status).toBe(201);
    expect((await answer('m.a1', 'mentor', '2026-05-01', { primary_approach: 'professional' })).status).toBe(
      201,
    );
    const body = await report('admin');
    // m.b1 counts once with the later answer; m.a1 answered after the period.
    expect(share(body, 'mentor.approach.professional')).toBe('1/2');
    expect(share(body, 'mentor.competence.relational')).toBe('0/0');
    expect(byId(body)['mentor.competence.relational'].value).toBeNull();
  });

  it('gives a team leader their own organisation only, with small numbers withheld', async () => {
    const body = await report('tl.a');
    expect(body.filters).toEqual({ organisationId: orgs.A });
    const holistic = byId(body)['citizen.sample.holistic_share'];
    expect(holistic).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(holistic.study).toEqual({ value: 0.8, n: 20 });
    // Nothing at all is not a small number.
    expect(byId(body)['citizen.contact_form.remote']).toMatchObject({ suppressed: true });
    expect(byId(body)['recruiter.predefined_requirements']).toMatchObject({
      denominator: 0,
      suppressed: false,
    });
    expect((await report('tl.a', `${PERIOD}&organisationId=${orgs.A}`)).filters).toEqual({
      organisationId: orgs.A,
    });
    const other = await t.request<any>('GET', `/api/reports/indicators?${PERIOD}&organisationId=${orgs.B}`, {
      token: tokens['tl.a'],
    });
    expectProblem(other, 404, 'organisation.not_found');
  });

  it("lets an administrator name the municipality's organisations only", async () => {
    const own = await report('admin', `${PERIOD}&organisationId=${orgs.B}`);
    expect(share(own, 'citizen.sample.holistic_share')).toBe('1/2');
    const [foreign] = await t.db.query(`SELECT id FROM organisation WHERE municipality_id <> $1 LIMIT 1`, [
      municipality,
    ]);
    const response = await t.request<any>(
      'GET',
      `/api/reports/indicators?${PERIOD}&organisationId=${foreign.id}`,
      {
        token: tokens['admin'],
      },
    );
    expectProblem(response, 404, 'organisation.not_found');
  });

  it('answers bad periods with 400 and per-field codes', async () => {
    const codes = async (query: string) => {
      const response = await t.request<any>('GET', `/api/reports/indicators?${query}`, {
        token: tokens['admin'],
      });
      expectProblem(response, 400);
      return response.body.errors.map((e: any) => `${e.field}:${e.codes}`);
    };
    expect(await codes('from=2026-04-01&to=2026-03-01')).toEqual(['to:indicators.period_reversed']);
    expect(await codes('from=2020-01-01&to=2026-03-01')).toEqual(['to:indicators.period_too_long']);
    expect(await codes('from=2026-02-30&to=2026-03-01')).toEqual([expect.stringMatching(/^from:/)]);
    expect(await codes('to=2026-03-01')).toEqual([expect.stringMatching(/^from:/)]);
    expect(await codes(`${PERIOD}&mentorType=both`)).toEqual(['mentorType:isEnum']);
    expect(await codes(`${PERIOD}&organisationId=not-a-uuid`)).toEqual(['organisationId:isUuid']);
  });

  it('is for team leaders and administrators only', async () => {
    for (const user of ['m.a1', 'cw']) {
      const response = await t.request<any>('GET', `/api/reports/indicators?${PERIOD}`, {
        token: tokens[user],
      });
      expectProblem(response, 403, 'auth.forbidden');
    }
  });

  it('exports CSV, XLSX and PDF with every indicator in the study order', async () => {
    const download = async (extension: string) => {
      const response = await fetch(`${t.baseUrl}/api/reports/indicators.${extension}?${PERIOD}`, {
        headers: { authorization: `Bearer ${tokens['admin']}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="indikatorer-${FROM}-${TO}.${extension}"`,
      );
      return {
        type: response.headers.get('content-type'),
        content: Buffer.from(await response.arrayBuffer()),
      };
    };
    const csv = await download('csv');
    expect(csv.type).toContain('text/csv');
    const lines = csv.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(INDICATOR_CATALOGUE.length + 1);
    expect(lines[0]).toBe(
      'Gruppe;Figur;Id;Spørgsmål;Studie 2015;Studie 2015 N;Nu (%);Tæller;N (nævner);Skjult (små tal)',
    );
    expect(lines[1]).toContain(';citizen.sample.holistic_share;');
    expect(lines[1]).toContain(';80 %;20;66,7;2;3;nej');

    const xlsx = await download('xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = (await readXlsxFile(xlsx.content)) as { sheet: string; data: unknown[][] }[];
    expect(sheet?.sheet).toBe('Indikatorer');
    expect(sheet?.data.slice(1).map((row) => row[2])).toEqual(INDICATOR_CATALOGUE.map((d) => d.id));

    const pdf = await download('pdf');
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.content.length).toBeGreaterThan(5000);

    const teamLeader = await fetch(`${t.baseUrl}/api/reports/indicators.pdf?${PERIOD}`, {
      headers: { authorization: `Bearer ${tokens['tl.b']}` },
    });
    expect(teamLeader.status).toBe(200);
    const mentor = await fetch(`${t.baseUrl}/api/reports/indicators.csv?${PERIOD}`, {
      headers: { authorization: `Bearer ${tokens['m.a1']}` },
    });
    expect(mentor.status).toBe(403);
  });

  it("shows the demo team leaders every questionnaire indicator of their organisation, near the study's values", async () => {
    const survey = INDICATOR_CATALOGUE.filter((d) => d.source !== IndicatorSource.Operational);
    const today = todayInDenmark();
    const lastYear = `from=${addDays(addMonths(today, -12), 1)}&to=${today}`;
    for (const username of ['teamleder.cji', 'teamleder.vejenvidere']) {
      const token = await t.login(username);
      for (const filter of ['', '&mentorType=holistic', '&mentorType=retention']) {
        const response = await t.request<any>('GET', `/api/reports/indicators?${lastYear}${filter}`, {
          token,
        });
        expect(response.status).toBe(200);
        const results = byId(response.body);
        // Recruiters are not asked about a mentor type: they drop out under that filter.
        for (const { id, source, study } of survey.filter(
          (d) => !filter || d.source !== IndicatorSource.SurveyRecruiter,
        )) {
          const { value, denominator, suppressed } = results[id];
          expect([id, suppressed, denominator >= 5]).toEqual([id, false, true]);
          if (filter) continue;
          const aim = study.value ?? ((study.min ?? study.max! - 0.1) + (study.max ?? study.min! + 0.1)) / 2;
          // The nearest share of N to the study's (bounds: to their middle, or 5 points inside one).
          expect([id, source, Math.abs(value - aim) <= 0.5 / denominator + 0.05]).toEqual([id, source, true]);
        }
      }
    }
    // The demo mentors' own answers are theirs; the rest came from a survey tool.
    const own = await t.db.query(
      `SELECT u.username FROM survey_response r JOIN app_user u ON u.id = r.respondent_id
        WHERE r.kind = 'mentor' ORDER BY u.username`,
    );
    expect(own.map((r: { username: string }) => r.username)).toEqual(
      expect.arrayContaining(['mentor.cji1', 'mentor.cji2', 'mentor.vejenvidere1', 'mentor.vejenvidere2']),
    );
  });
});
