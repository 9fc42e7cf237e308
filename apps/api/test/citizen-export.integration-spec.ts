import { CITIZEN_EXPORT_SECTIONS, type CitizenExport } from '@mentor/domain';
import { inflateSync } from 'node:zlib';
import { EXPORT_EXEMPT_TABLES, EXPORTED_TABLES, SECTION_SQL } from '../src/citizen-export/citizen-export-sql';
import { startTestApp, type TestApp } from './test-app';

/** The text a PDF shows: its content streams inflated, each text array's strings joined per line. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, array] of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1').replace(/\x96/g, '–'));
    }
  }
  return lines.join('\n');
}

/** Columns that tie a row to a citizen, directly or through their grants, courses, reports, messages or case. */
const LINK_COLUMNS = [
  'citizen_id',
  'citizen_ids',
  'course_id',
  'grant_id',
  'report_id',
  'message_id',
  'item_id',
  'contact_id',
  'stored_file_id',
];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("the citizen's full export (right of access)", () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  /** The demo citizen with the most kinds of data: case items, messages, handover and reports. */
  let citizenId: string;
  let citizenName: string;
  /** A citizen of the same caseworker with the record and nothing more. */
  let plainCitizenId: string;

  const get = async (path: string, token: string) => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
  const exportJson = async (id: string, token = tokens['caseworker']!) => {
    const response = await get(`/api/citizens/${id}/export.json`, token);
    return {
      ...response,
      json: response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(response.body.toString('utf8')) as any)
        : undefined,
    };
  };
  const count = async (sql: string, id: string): Promise<number> =>
    Number((await t.db.query<{ n: string }[]>(sql, [id]))[0]!.n);

  const COURSES = `(SELECT co.id FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id WHERE g.citizen_id = $1)`;
  /** What the database holds about the citizen, counted directly (the export's own record not yet written). */
  const expectedCounts = async (id: string) => ({
    grants: await count(`SELECT count(*) AS n FROM mentor_grant WHERE citizen_id = $1`, id),
    grantMinutes: await count(
      `SELECT count(*) AS n FROM grant_minutes WHERE grant_id IN (SELECT id FROM mentor_grant WHERE citizen_id = $1)`,
      id,
    ),
    courses: await count(`SELECT count(*) AS n FROM ${COURSES} c`, id),
    mentorPeriods: await count(
      `SELECT count(*) AS n FROM course_mentor_period WHERE course_id IN ${COURSES}`,
      id,
    ),
    contacts: await count(`SELECT count(*) AS n FROM contact WHERE course_id IN ${COURSES}`, id),
    deletedContacts: await count(
      `SELECT count(*) AS n FROM contact WHERE course_id IN ${COURSES} AND deleted_at IS NOT NULL`,
      id,
    ),
    reports: await count(`SELECT count(*) AS n FROM progress_report WHERE course_id IN ${COURSES}`, id),
    reportVersions: await count(
      `SELECT count(*) AS n FROM progress_report_version
        WHERE report_id IN (SELECT id FROM progress_report WHERE course_id IN ${COURSES})`,
      id,
    ),
    handoverPackets: await count(
      `SELECT count(*) AS n FROM handover_packet WHERE course_id IN ${COURSES}`,
      id,
    ),
    caseItems: await count(`SELECT count(*) AS n FROM case_item WHERE citizen_id = $1`, id),
    caseFiles: await count(
      `SELECT count(*) AS n FROM case_item WHERE citizen_id = $1 AND stored_file_id IS NOT NULL`,
      id,
    ),
    shares: await count(
      `SELECT count(*) AS n FROM case_share WHERE item_id IN (SELECT id FROM case_item WHERE citizen_id = $1)`,
      id,
    ),
    threads: await count(
      `SELECT count(*) AS n FROM ${COURSES} c
        WHERE EXISTS (SELECT 1 FROM message_thread t WHERE t.course_id = c.id)
           OR EXISTS (SELECT 1 FROM message m WHERE m.course_id = c.id)
           OR EXISTS (SELECT 1 FROM message_attachment a WHERE a.course_id = c.id)`,
      id,
    ),
    messages: await count(`SELECT count(*) AS n FROM message WHERE course_id IN ${COURSES}`, id),
    reads: await count(
      `SELECT count(*) AS n FROM message_read WHERE message_id IN (SELECT id FROM message WHERE course_id IN ${COURSES})`,
      id,
    ),
    attachments: await count(
      `SELECT count(*) AS n FROM message_attachment WHERE course_id IN ${COURSES}`,
      id,
    ),
    notifications: await count(
      `SELECT count(*) AS n FROM notification
        WHERE course_id IN ${COURSES} OR report_id IN (SELECT id FROM progress_report WHERE course_id IN ${COURSES})`,
      id,
    ),
    accessLog:
      // The export made after this count records itself, unseen by its own statement.
      await count(`SELECT count(*) AS n FROM audit_event WHERE citizen_ids @> ARRAY[$1]::uuid[]`, id),
  });
  const sum = <T>(items: T[], f: (item: T) => number) => items.reduce((n, item) => n + f(item), 0);
  const actualCounts = (data: CitizenExport) => ({
    grants: data.grants.length,
    grantMinutes: sum(data.grants, (g) => g.minutesHistory.length),
    courses: data.courses.length,
    mentorPeriods: sum(data.courses, (c) => c.mentorPeriods.length),
    contacts: data.contacts.length,
    deletedContacts: data.contacts.filter((c) => c.state === 'deleted').length,
    reports: data.progressReports.length,
    reportVersions: sum(data.progressReports, (r) => r.versions.length),
    handoverPackets: data.handoverPackets.length,
    caseItems: data.caseItems.length,
    caseFiles: data.caseItems.filter((i) => i.file).length,
    shares: sum(data.caseItems, (i) => i.shares.length),
    threads: data.messageThreads.length,
    messages: sum(data.messageThreads, (th) => th.messages.length),
    reads: sum(data.messageThreads, (th) => sum(th.messages, (m) => m.readBy.length)),
    attachments: sum(
      data.messageThreads,
      (th) => th.unsentAttachments.length + sum(th.messages, (m) => m.attachments.length),
    ),
    notifications: data.notifications.length,
    accessLog: data.accessLog.length,
  });

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    // Another municipality with a caseworker and an administrator of its own.
    const [other] = await t.db.query<{ id: string }[]>(
      `INSERT INTO municipality (code, name) VALUES (615, 'Eksportby Kommune') RETURNING id`,
    );
    const [org] = await t.db.query<{ id: string }[]>(
      `INSERT INTO organisation (municipality_id, kind, name, version)
       VALUES ($1, 'internal_centre', 'Jobcenter Eksportby', 1) RETURNING id`,
      [other!.id],
    );
    for (const [username, role] of [
      ['eksportby.sagsbehandler', 'caseworker'],
      ['eksportby.admin', 'admin'],
    ])
      await t.db.query(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         VALUES ($1, $2, $3, $3, $4, (SELECT password_hash FROM app_user WHERE username = 'admin'), 1)`,
        [other!.id, org!.id, username, role],
      );
    for (const [key, username] of [
      ['caseworker', 'sagsbehandler.cji'],
      ['colleague', 'sagsbehandler2.cji'],
      ['admin', 'admin'],
      ['mentor', 'mentor.cji1'],
      ['teamLeader', 'teamleder.cji'],
      ['otherCaseworker', 'eksportby.sagsbehandler'],
      ['otherAdmin', 'eksportby.admin'],
    ])
      tokens[key!] = await t.login(username!);

    const citizens = await t.db.query<{ id: string; name: string; score: number }[]>(
      `SELECT ci.id, ci.name,
              (SELECT count(*) FROM case_item it WHERE it.citizen_id = ci.id)::int
              + (SELECT count(*) FROM message m JOIN mentor_course co ON co.id = m.course_id
                   JOIN mentor_grant g ON g.id = co.grant_id WHERE g.citizen_id = ci.id)::int AS score,
              EXISTS (SELECT 1 FROM handover_packet h JOIN mentor_course co ON co.id = h.course_id
                        JOIN mentor_grant g ON g.id = co.grant_id WHERE g.citizen_id = ci.id) AS handover,
              EXISTS (SELECT 1 FROM progress_report r JOIN mentor_course co ON co.id = r.course_id
                        JOIN mentor_grant g ON g.id = co.grant_id WHERE g.citizen_id = ci.id) AS reports
         FROM citizen ci JOIN app_user u ON u.id = ci.caseworker_id
        WHERE u.username = 'sagsbehandler.cji'
        ORDER BY 3 DESC, ci.name`,
    );
    const rich = citizens.find((c: any) => c.handover && c.reports && c.score > 0);
    if (!rich)
      throw new Error('the demo data has no citizen with case items, messages, handover and reports');
    citizenId = rich.id;
    citizenName = rich.name;

    // A contact deleted and one corrected, so both are seen marked.
    const contacts = await t.db.query<{ id: string }[]>(
      `SELECT ct.id FROM contact ct JOIN mentor_course co ON co.id = ct.course_id JOIN mentor_grant g ON g.id = co.grant_id
        WHERE g.citizen_id = $1 AND ct.deleted_at IS NULL AND ct.corrects_contact_id IS NULL
        ORDER BY ct.contact_date LIMIT 2`,
      [citizenId],
    );
    expect(contacts).toHaveLength(2);
    await t.db.query(`UPDATE contact SET deleted_at = now(), deleted_by = created_by WHERE id = $1`, [
      contacts[0]!.id,
    ]);
    await t.db.query(
      `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                            note, corrects_contact_id, created_by, version)
       SELECT municipality_id, course_id, contact_date, start_time, minutes + 5, form, showed_up, topics, help,
              'Rettelse', id, created_by, 1 FROM contact WHERE id = $1`,
      [contacts[1]!.id],
    );

    // A citizen with nothing but the record, for the statement count.
    const created = await t.request<any>('POST', '/api/citizens', {
      token: tokens['caseworker'],
      json: { name: 'Eksport Tomsen', cpr: '150372-1234', preferredMeetingPlace: 'home' },
    });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    plainCitizenId = created.body.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('covers every table tied to a citizen, or names why it does not', async () => {
    const tables = await t.db.query<{ table: string }[]>(
      `SELECT DISTINCT c.relname AS table
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                          AND NOT a.attisdropped AND a.attname = ANY ($1))
               OR EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid
                           WHERE k.conrelid = c.oid AND k.contype = 'f' AND r.relname = ANY ($2)))`,
      [LINK_COLUMNS, EXPORTED_TABLES],
    );
    const found = tables.map((r) => r.table).sort();
    const uncovered = found.filter(
      (table) => !EXPORTED_TABLES.includes(table) && !EXPORT_EXEMPT_TABLES[table],
    );
    expect({ uncovered }).toEqual({ uncovered: [] });
    // Neither list names a table that is gone, and each section reads the tables it claims.
    const existing = (
      await t.db.query<{ table: string }[]>(
        `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
      )
    ).map((r) => r.table);
    expect(
      [...EXPORTED_TABLES, ...Object.keys(EXPORT_EXEMPT_TABLES)].filter((x) => !existing.includes(x)),
    ).toEqual([]);
    for (const [section, { sql, tables: claimed }] of Object.entries(SECTION_SQL))
      for (const table of claimed)
        expect({ section, table, read: new RegExp(`\\b(FROM|JOIN)\\s+${table}\\b`).test(sql) }).toEqual({
          section,
          table,
          read: true,
        });
    // The linked tables include the exported ones and the exemptions: the query finds what it should.
    expect(found).toEqual(
      expect.arrayContaining(['contact', 'message_read', 'audit_event', 'course_minutes']),
    );
  });

  it('exports every section as JSON with the counts the database holds', async () => {
    const richExpected = await expectedCounts(citizenId);
    const response = await exportJson(citizenId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="indsigt-alle-data-\d{4}-\d{2}-\d{2}\.json"$/);
    for (const part of citizenName.split(' ')) expect(disposition).not.toContain(part);

    const data = response.json as CitizenExport;
    expect(Object.keys(data)).toEqual([
      'formatVersion',
      'exportedAt',
      'exportedBy',
      'municipality',
      'citizen',
      ...CITIZEN_EXPORT_SECTIONS,
    ]);
    expect(data.formatVersion).toBe(1);
    expect(data.exportedAt).toMatch(ISO_INSTANT);
    expect(data.exportedBy).toEqual({
      name: 'Peter Falk Nielsen',
      role: 'caseworker',
      organisationName: 'Center for Jobindsats',
    });
    expect(data.municipality).toEqual({ code: 101, name: 'Københavns Kommune' });
    const reveal = await t.request<any>('POST', `/api/citizens/${citizenId}/cpr-reveal`, {
      token: tokens['caseworker'],
    });
    expect(data.citizen).toMatchObject({ id: citizenId, name: citizenName, cpr: reveal.body.cpr });
    expect(data.citizen.caseworker).toEqual(data.exportedBy);
    expect(data.citizen.createdAt).toMatch(ISO_INSTANT);

    // Every section's count against the database, for each citizen of the caseload: together they
    // have something in every section.
    const caseload = await t.db.query<{ id: string }[]>(
      `SELECT ci.id FROM citizen ci JOIN app_user u ON u.id = ci.caseworker_id WHERE u.username = 'sagsbehandler.cji'`,
    );
    expect(caseload.length).toBeGreaterThan(1);
    const totals: Record<string, number> = {};
    for (const { id } of caseload) {
      const expected = id === citizenId ? richExpected : await expectedCounts(id);
      const other = id === citizenId ? data : ((await exportJson(id)).json as CitizenExport);
      expect({ id, counts: actualCounts(other) }).toEqual({ id, counts: expected });
      for (const [key, value] of Object.entries(expected)) totals[key] = (totals[key] ?? 0) + value;
    }
    for (const [key, value] of Object.entries(totals))
      expect({ key, some: value > 0 }).toEqual({ key, some: true });

    // Contacts: the deleted one and the corrected one are marked, the correction names what it corrects.
    const correction = data.contacts.find((c) => c.correctsContactId);
    expect(correction).toMatchObject({ state: 'current', note: 'Rettelse' });
    expect(data.contacts.find((c) => c.id === correction!.correctsContactId)?.state).toBe('corrected');
    expect(data.contacts.find((c) => c.state === 'deleted')).toMatchObject({
      deletedAt: expect.stringMatching(ISO_INSTANT),
      deletedBy: expect.objectContaining({ role: 'mentor' }),
    });
    expect(data.contacts[0]).toMatchObject({
      contactDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      startTime: expect.stringMatching(/^\d{2}:\d{2}$/),
    });
    // Files are described, never included.
    const file = data.caseItems.find((i) => i.file)!.file!;
    expect(Object.keys(file).sort()).toEqual(
      ['contentType', 'fileName', 'id', 'sizeBytes', 'uploadedAt', 'uploadedBy'].sort(),
    );
    expect(response.body.toString('utf8')).not.toMatch(/storage_?key|sha256|cpr_?hash|password/i);
    // The access log has who (name, role, organisation), when and what.
    expect(data.accessLog[0]).toEqual({
      at: expect.stringMatching(ISO_INSTANT),
      action: expect.any(String),
      kind: expect.stringMatching(/^(read|change)$/),
      purpose: expect.any(String),
      actor: { name: expect.any(String), role: expect.any(String), organisationName: expect.any(String) },
    });
    expect(data.accessLog.map((e) => e.at)).toEqual([...data.accessLog.map((e) => e.at)].sort());
  });

  it('writes an audit record of the export with its format', async () => {
    for (const [format, token, role] of [
      ['json', tokens['caseworker'], 'caseworker'],
      ['pdf', tokens['admin'], 'admin'],
    ] as const) {
      expect((await get(`/api/citizens/${citizenId}/export.${format}`, token!)).status).toBe(200);
      const [event] = await t.db.query(
        `SELECT entity_type, entity_id, details, actor_role, citizen_ids FROM audit_event
          WHERE action = 'citizen.export' ORDER BY at DESC, id DESC LIMIT 1`,
      );
      expect(event).toEqual({
        entity_type: 'citizen',
        entity_id: citizenId,
        details: { format },
        actor_role: role,
        citizen_ids: [citizenId],
      });
    }
    // The next export lists it, as a read for the right of access.
    const again = await exportJson(citizenId);
    expect(again.json.accessLog.at(-1)).toMatchObject({
      action: 'citizen.export',
      kind: 'read',
      purpose: 'right_of_access',
      actor: { name: 'Anne Admin', role: 'admin', organisationName: 'Center for Jobindsats' },
    });
  });

  it('makes a Danish PDF with headings, tables and page numbers', async () => {
    const response = await get(`/api/citizens/${citizenId}/export.pdf`, tokens['caseworker']!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="indsigt-alle-data-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const bytes = response.body.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const pages = (bytes.match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(response.body);
    for (const heading of [
      'Indsigt efter databeskyttelsesforordningens artikel 15',
      '1. Borgerens oplysninger',
      '4. Kontakter',
      '10. Log over adgange til oplysningerne',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(citizenName);
    expect(text).toContain(`Side 1 af ${pages}`);
    expect(text).toContain(`Side ${pages} af ${pages}`);
  });

  it('refuses mentors and team leaders (403), and answers 404 for a citizen out of reach', async () => {
    for (const key of ['mentor', 'teamLeader']) {
      for (const format of ['json', 'pdf']) {
        const response = await t.request<any>('GET', `/api/citizens/${citizenId}/export.${format}`, {
          token: tokens[key],
        });
        expect({ key, format, status: response.status, code: response.body?.code }).toEqual({
          key,
          format,
          status: 403,
          code: 'auth.forbidden',
        });
      }
    }
    // Another caseworker of the same centre: not theirs, as for reading the citizen (404, not 403).
    expect(
      (await t.request('GET', `/api/citizens/${citizenId}`, { token: tokens['colleague'] })).status,
    ).toBe(404);
    for (const key of ['colleague', 'otherCaseworker', 'otherAdmin']) {
      for (const format of ['json', 'pdf']) {
        const response = await t.request<any>('GET', `/api/citizens/${citizenId}/export.${format}`, {
          token: tokens[key],
        });
        expect({ key, format, status: response.status, code: response.body?.code }).toEqual({
          key,
          format,
          status: 404,
          code: 'citizen.not_found',
        });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    const unknown = await exportJson('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const malformed = await t.request<any>('GET', '/api/citizens/not-a-uuid/export.json', {
      token: tokens['caseworker'],
    });
    expect(malformed.status).toBe(400);
  });

  it("lets the administrator export any of the municipality's citizens", async () => {
    const response = await exportJson(plainCitizenId, tokens['admin']);
    expect(response.status).toBe(200);
    expect(response.json.citizen).toMatchObject({ name: 'Eksport Tomsen', cpr: '150372-1234' });
    expect(response.json.exportedBy).toEqual({
      name: 'Anne Admin',
      role: 'admin',
      organisationName: 'Center for Jobindsats',
    });
    for (const section of CITIZEN_EXPORT_SECTIONS.filter((s) => s !== 'accessLog'))
      expect({ section, items: response.json[section] }).toEqual({ section, items: [] });
  });

  it('reads a citizen with much data in as few statements as one with none', async () => {
    const statements = async (id: string) => {
      await t.db.query('UPDATE session SET last_seen_at = now()');
      t.queries.reset();
      expect((await get(`/api/citizens/${id}/export.json`, tokens['caseworker']!)).status).toBe(200);
      return [...t.queries.statements];
    };
    const rich = await statements(citizenId);
    const plain = await statements(plainCitizenId);
    // The session, the whole export in one statement, and its audit record.
    expect(rich.length).toBeLessThanOrEqual(3);
    expect(rich.length).toBe(plain.length);
  });
});
