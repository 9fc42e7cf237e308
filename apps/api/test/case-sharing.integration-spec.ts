import { addDays, CASE_FILE_MAX_BYTES } from '@mentor/domain';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInDenmark } from '../src/common/clock';
import { SAMPLES } from './file-samples';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: any;
}

describe('case sharing with the mentor', () => {
  let t: TestApp;
  let storageDir: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, { id: string; organisationId: string }> = {};
  const today = todayInDenmark();
  const endsOn = addDays(today, 90);
  let citizenId: string;
  let otherCitizenId: string;
  let courseId: string;
  let otherItemId: string;
  const items: Record<string, any> = {};
  const shares: Record<string, any> = {};

  const USERS = {
    caseworker: 'sagsbehandler.cji',
    otherCaseworker: 'sagsbehandler.cab',
    mentor: 'mentor.mentorhuset1',
    colleague: 'mentor.mentorhuset2',
    otherProviderMentor: 'mentor.vejenvidere1',
    teamLeader: 'teamleder.mentorhuset',
    admin: 'admin',
  } as const;
  type Who = keyof typeof USERS;

  const call = <T = any>(who: Who, method: string, path: string, json?: unknown) =>
    t.request<T>(method, path, { token: tokens[who], ...(json === undefined ? {} : { json }) });

  const expectProblem = (
    response: { status: number; headers: Headers; body: any },
    status: number,
    code?: string,
  ) => {
    expect({ status: response.status, code: response.body?.code }).toEqual({
      status,
      code: code ?? response.body?.code,
    });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  };

  async function send(
    who: Who,
    method: string,
    path: string,
    body?: NonNullable<Parameters<typeof fetch>[1]>['body'],
    type?: string,
  ): Promise<Download> {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}` };
    if (type) headers['content-type'] = type;
    const response = await fetch(t.baseUrl + path, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    let json: any;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, bytes, json };
  }

  const upload = (
    who: Who,
    citizen: string,
    content: Buffer,
    fileName: string,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return send(who, 'POST', `/api/citizens/${citizen}/case-documents`, form);
  };

  const asResponse = (d: Download): TestResponse<any> => ({
    status: d.status,
    headers: d.headers,
    body: d.json,
  });

  const auditCount = async (action: string, citizen = citizenId, userId?: string) => {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND $2 = ANY(citizen_ids) AND ($3::uuid IS NULL OR user_id = $3)`,
      [action, citizen, userId ?? null],
    );
    return row.n as number;
  };

  const storedFiles = () => readdirSync(storageDir);

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'mentor-case-files-'));
    t = await startTestApp({ FILE_STORAGE_DIR: storageDir });
    await Promise.all(
      Object.entries(USERS).map(async ([who, username]) => {
        tokens[who] = await t.login(username);
        const me = await t.request<any>('GET', '/api/me', { token: tokens[who] });
        users[who] = { id: me.body.id, organisationId: me.body.organisationId };
      }),
    );
    const citizen = async (name: string, cpr: string) => {
      const created = await call('caseworker', 'POST', '/api/citizens', {
        name,
        cpr,
        preferredMeetingPlace: 'home',
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    citizenId = await citizen('Delborger Fiktivsen', '120384-3311');
    otherCitizenId = await citizen('Andenborger Fiktivsen', '130384-3312');
    const grant = await call('caseworker', 'POST', '/api/grants', {
      citizenId,
      mentorType: 'holistic',
      purpose: 'Stabilisere hverdagen',
      tasks: 'Støtte til møder',
      goals: ['Fast struktur i ugen'],
      minutesPerWeek: 90,
      startsOn: addDays(today, -14),
      endsOn,
      deliveringOrganisationId: users['mentor']!.organisationId,
      mentorId: users['mentor']!.id,
    });
    expect(grant.status).toBe(201);
    courseId = grant.body.courseId;
    const note = await call('caseworker', 'POST', `/api/citizens/${otherCitizenId}/case-notes`, {
      title: 'Anden borgers notat',
      body: 'Hører ikke til dette forløb.',
    });
    expect(note.status).toBe(201);
    otherItemId = note.body.id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  describe('the case', () => {
    it('keeps notes and documents on the case of a citizen in the caseload', async () => {
      const note = await call('caseworker', 'POST', `/api/citizens/${citizenId}/case-notes`, {
        title: '  Aftale om møder ',
        body: 'Borgeren foretrækker møder om formiddagen.',
      });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({
        citizenId,
        kind: 'note',
        title: 'Aftale om møder',
        body: 'Borgeren foretrækker møder om formiddagen.',
        file: null,
        createdByName: 'Peter Falk Nielsen',
        activeShareCount: 0,
      });
      items['note'] = note.body;

      const pdf = await upload('caseworker', citizenId, SAMPLES.pdf, 'Handleplan 2026.pdf', {
        title: 'Handleplan',
      });
      expect(pdf.status).toBe(201);
      expect(pdf.json).toMatchObject({
        kind: 'document',
        title: 'Handleplan',
        body: null,
        file: {
          fileName: 'Handleplan 2026.pdf',
          contentType: 'application/pdf',
          sizeBytes: SAMPLES.pdf.length,
        },
      });
      items['pdf'] = pdf.json;

      // Without a title, the document is titled by its file name.
      const docx = await upload('caseworker', citizenId, SAMPLES.docx, 'Lægeerklæring.docx');
      expect(docx.status).toBe(201);
      expect(docx.json).toMatchObject({
        title: 'Lægeerklæring.docx',
        file: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      });
      items['docx'] = docx.json;

      const png = await upload('caseworker', citizenId, SAMPLES.png, 'skema.png', { title: 'Ugeskema' });
      expect(png.status).toBe(201);
      items['png'] = png.json;

      for (const [sample, name] of [
        [SAMPLES.xlsx, 'budget.xlsx'],
        [SAMPLES.odt, 'brev.odt'],
        [SAMPLES.ods, 'regnskab.ods'],
        [SAMPLES.jpeg, 'foto.JPG'],
        [SAMPLES.text, 'notat.txt'],
      ] as const) {
        expect({ name, status: (await upload('caseworker', otherCitizenId, sample, name)).status }).toEqual({
          name,
          status: 201,
        });
      }

      const before = await auditCount('case_item.list');
      const list = await call('caseworker', 'GET', `/api/citizens/${citizenId}/case-items`);
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      expect(list.body.map((i: any) => i.id)).toEqual([
        items['png'].id,
        items['docx'].id,
        items['pdf'].id,
        items['note'].id,
      ]);
      expect(await auditCount('case_item.list')).toBe(before + 1);

      const events: { action: string; n: number }[] = await t.db.query(
        `SELECT action, count(*)::int AS n FROM audit_event WHERE action = 'case_item.create' AND $1 = ANY(citizen_ids) GROUP BY action`,
        [citizenId],
      );
      expect(events).toEqual([{ action: 'case_item.create', n: 4 }]);
    });

    it('serves a document to its caseworker with safe headers, audit-logged', async () => {
      const before = await auditCount('case_item.download');
      const file = await send('caseworker', 'GET', `/api/case-items/${items['pdf'].id}/file`);
      expect(file.status).toBe(200);
      expect(file.bytes).toEqual(SAMPLES.pdf);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="Handleplan 2026.pdf"; filename*=UTF-8''Handleplan%202026.pdf`,
      );
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toBe('sandbox');
      expect(file.headers.get('cache-control')).toBe('no-store');
      expect(await auditCount('case_item.download')).toBe(before + 1);
      // A note has no file.
      expectProblem(
        asResponse(await send('caseworker', 'GET', `/api/case-items/${items['note'].id}/file`)),
        404,
      );
    });

    it('answers 404 to a caseworker of another caseload and 403 to roles without case access', async () => {
      const other = 'otherCaseworker';
      expectProblem(
        await call(other, 'GET', `/api/citizens/${citizenId}/case-items`),
        404,
        'citizen.not_found',
      );
      expectProblem(
        await call(other, 'POST', `/api/citizens/${citizenId}/case-notes`, { title: 'x', body: 'y' }),
        404,
        'citizen.not_found',
      );
      expectProblem(
        asResponse(await upload(other, citizenId, SAMPLES.pdf, 'x.pdf')),
        404,
        'citizen.not_found',
      );
      expectProblem(asResponse(await send(other, 'GET', `/api/case-items/${items['pdf'].id}/file`)), 404);
      for (const who of ['teamLeader', 'admin', 'mentor'] as const) {
        expectProblem(await call(who, 'GET', `/api/citizens/${citizenId}/case-items`), 403, 'auth.forbidden');
        expectProblem(asResponse(await send(who, 'GET', `/api/case-items/${items['pdf'].id}/file`)), 403);
        expectProblem(asResponse(await upload(who, citizenId, SAMPLES.pdf, 'x.pdf')), 403);
      }
    });

    it('refuses disguised, unknown and oversize files with problem+json, storing nothing', async () => {
      const [{ n: rowsBefore }] = await t.db.query('SELECT count(*)::int AS n FROM stored_file');
      const filesBefore = storedFiles().length;
      const refused: [Buffer, string, number, string][] = [
        [SAMPLES.exe, 'rapport.pdf', 415, 'file.type_not_allowed'],
        [SAMPLES.html, 'rapport.pdf', 415, 'file.type_not_allowed'],
        [SAMPLES.svg, 'billede.png', 415, 'file.type_not_allowed'],
        [SAMPLES.html, 'side.txt', 415, 'file.type_not_allowed'],
        [SAMPLES.zip, 'arkiv.docx', 415, 'file.type_not_allowed'],
        [SAMPLES.png, 'rapport.pdf', 415, 'file.type_mismatch'],
        [SAMPLES.pdf, 'program.exe', 415, 'file.type_mismatch'],
        [SAMPLES.docx, 'regneark.xlsx', 415, 'file.type_mismatch'],
        [SAMPLES.pdf, 'uden-endelse', 415, 'file.type_mismatch'],
        [Buffer.alloc(0), 'tom.txt', 400, 'file.empty'],
        [SAMPLES.pdf, '../..', 400, 'file.name_missing'],
      ];
      for (const [content, name, status, code] of refused) {
        const response = await upload('caseworker', citizenId, content, name);
        expect({ name, status: response.status, code: response.json?.code }).toEqual({ name, status, code });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }

      // Just over the limit: the file is refused; far over: the body is refused before it is read.
      const justOver = Buffer.concat([
        SAMPLES.pdf,
        Buffer.alloc(CASE_FILE_MAX_BYTES + 1 - SAMPLES.pdf.length, 0x20),
      ]);
      expectProblem(
        asResponse(await upload('caseworker', citizenId, justOver, 'stor.pdf')),
        413,
        'file.too_large',
      );
      const farOver = Buffer.alloc(CASE_FILE_MAX_BYTES * 2, 0x20);
      expectProblem(
        asResponse(await upload('caseworker', citizenId, farOver, 'stor.txt')),
        413,
        'request.body_too_large',
      );

      // Bad fields, and a body that is not a multipart form.
      const longTitle = await upload('caseworker', citizenId, SAMPLES.pdf, 'a.pdf', {
        title: 'x'.repeat(201),
      });
      expectProblem(asResponse(longTitle), 400, 'validation.failed');
      expect(longTitle.json.errors).toEqual([
        expect.objectContaining({ field: 'title', codes: ['maxLength'] }),
      ]);
      const unknown = await upload('caseworker', citizenId, SAMPLES.pdf, 'a.pdf', { owner: 'x' });
      expect(unknown.json.errors).toEqual([expect.objectContaining({ field: 'owner' })]);
      expectProblem(
        await call('caseworker', 'POST', `/api/citizens/${citizenId}/case-documents`, { file: 'x' }),
        415,
        'request.unsupported_media_type',
      );
      expectProblem(
        asResponse(
          await send(
            'caseworker',
            'POST',
            `/api/citizens/${citizenId}/case-documents`,
            SAMPLES.pdf,
            'application/octet-stream',
          ),
        ),
        415,
        'request.unsupported_media_type',
      );
      // Other routes still take no uploads.
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(SAMPLES.pdf)]), 'x.pdf');
      expectProblem(
        asResponse(await send('caseworker', 'POST', `/api/citizens/${citizenId}/case-notes`, form)),
        415,
      );

      // Without a session the body is not read at all: 401 at once, even for a large upload.
      const anonymous = new FormData();
      anonymous.append('file', new Blob([new Uint8Array(farOver)]), 'x.txt');
      const unsigned = await fetch(`${t.baseUrl}/api/citizens/${citizenId}/case-documents`, {
        method: 'POST',
        body: anonymous,
      });
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('content-type')).toContain('application/problem+json');

      const [{ n: rowsAfter }] = await t.db.query('SELECT count(*)::int AS n FROM stored_file');
      expect(rowsAfter).toBe(rowsBefore);
      expect(storedFiles()).toHaveLength(filesBefore);
    });

    it('stores files encrypted under random names inside the storage directory; path tricks are harmless', async () => {
      const tricky = await upload('caseworker', citizenId, SAMPLES.text, '../../x.txt');
      expect(tricky.status).toBe(201);
      expect(tricky.json.file.fileName).toBe('x.txt');
      const windows = await upload(
        'caseworker',
        citizenId,
        SAMPLES.pdf,
        '..\\..\\Windows\\evil\u202Efdp.pdf',
      );
      expect(windows.json.file.fileName).toBe('evilfdp.pdf');
      items['text'] = tricky.json;

      const rows: { storage_key: string; file_name: string; size_bytes: number; sha256: string }[] =
        await t.db.query(
          `SELECT f.storage_key, f.file_name, f.size_bytes, f.sha256 FROM stored_file f
           JOIN case_item i ON i.stored_file_id = f.id WHERE i.id = $1`,
          [tricky.json.id],
        );
      const [row] = rows;
      expect(row!.storage_key).toMatch(/^[0-9a-f]{64}$/);
      expect(row!.file_name).toBe('x.txt');
      // Only random names in the directory, none of them the uploader's, nothing outside it.
      for (const name of storedFiles()) expect(name).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(storageDir, row!.storage_key)).isFile()).toBe(true);
      const onDisk = readFileSync(join(storageDir, row!.storage_key));
      expect(onDisk.includes(SAMPLES.text)).toBe(false);
      expect(onDisk.includes(Buffer.from('tirsdag'))).toBe(false);
      expect(onDisk.length).toBe(SAMPLES.text.length + 28);
      const pdfOnDisk = readFileSync(
        join(
          storageDir,
          (
            await t.db.query(
              'SELECT f.storage_key FROM stored_file f JOIN case_item i ON i.stored_file_id = f.id WHERE i.id = $1',
              [items['pdf'].id],
            )
          )[0].storage_key,
        ),
      );
      expect(pdfOnDisk.subarray(0, 5).toString()).not.toBe('%PDF-');

      const text = await send('caseworker', 'GET', `/api/case-items/${tricky.json.id}/file`);
      expect(text.bytes).toEqual(SAMPLES.text);
      expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.headers.get('content-disposition')).toMatch(/^attachment; /);
    });
  });

  describe('shares', () => {
    const consent = (itemId: string, overrides: Record<string, unknown> = {}) => ({
      itemId,
      basis: 'consent',
      consentGivenOn: addDays(today, -2),
      consentScope: 'Handleplan og lægeerklæring må deles med mentor',
      ...overrides,
    });

    it('refuses a share without its basis, with bad dates or of another case, naming the field', async () => {
      const codesOf = async (json: object) => {
        const response = await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, json);
        expectProblem(response, 400);
        return response.body.errors.map((e: any) => `${e.field}:${e.codes}`).sort();
      };
      const pdf = items['pdf'].id;
      expect(await codesOf({ itemId: pdf, basis: 'consent' })).toEqual([
        'consentGivenOn:share.consent_date_required',
        'consentScope:share.consent_scope_required',
      ]);
      expect(await codesOf(consent(pdf, { consentGivenOn: addDays(today, 1) }))).toEqual([
        'consentGivenOn:share.consent_in_future',
      ]);
      expect(await codesOf(consent(pdf, { expiresOn: addDays(endsOn, 1) }))).toEqual([
        'expiresOn:share.expires_after_course',
      ]);
      expect(await codesOf(consent(pdf, { expiresOn: addDays(today, -1) }))).toEqual([
        'expiresOn:share.expires_in_past',
      ]);
      expect(await codesOf({ itemId: pdf, basis: 'legal_basis', consentScope: 'x' })).toEqual([
        'consentScope:share.not_for_basis',
        'legalBasis:share.legal_basis_required',
      ]);
      expect(await codesOf(consent(otherItemId))).toEqual(['itemId:share.item_not_on_case']);
      expect(await codesOf({ itemId: 'nope', basis: 'gossip' })).toEqual(['basis:isEnum', 'itemId:isUuid']);
    });

    it('shares on consent or a legal basis, expiring with the course by default, and notifies the mentor', async () => {
      const pdf = await call(
        'caseworker',
        'POST',
        `/api/courses/${courseId}/shares`,
        consent(items['pdf'].id),
      );
      expect(pdf.status).toBe(201);
      expect(pdf.body).toMatchObject({
        courseId,
        itemId: items['pdf'].id,
        itemKind: 'document',
        title: 'Handleplan',
        basis: 'consent',
        legalBasis: null,
        consentGivenOn: addDays(today, -2),
        expiresOn: endsOn,
        state: 'active',
        sharedByName: 'Peter Falk Nielsen',
        revokedAt: null,
      });
      shares['pdf'] = pdf.body;
      const note = await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, {
        itemId: items['note'].id,
        basis: 'legal_basis',
        legalBasis: 'LAB § 167, jf. databeskyttelsesforordningens art. 6, stk. 1, litra e',
        expiresOn: addDays(today, 30),
      });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({
        basis: 'legal_basis',
        consentGivenOn: null,
        expiresOn: addDays(today, 30),
      });
      shares['note'] = note.body;
      shares['png'] = (
        await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, consent(items['png'].id))
      ).body;
      expect(await auditCount('share.create')).toBe(3);

      const again = await call(
        'caseworker',
        'POST',
        `/api/courses/${courseId}/shares`,
        consent(items['pdf'].id),
      );
      expectProblem(again, 409, 'share.already_active');

      const notifications = await call('mentor', 'GET', '/api/notifications');
      expect(
        notifications.body.items.filter((n: any) => n.kind === 'item_shared' && n.courseId === courseId),
      ).toHaveLength(3);

      const list = await call('caseworker', 'GET', `/api/citizens/${citizenId}/case-items`);
      expect(list.body.find((i: any) => i.id === items['pdf'].id).activeShareCount).toBe(1);
    });

    it('keeps shares to the caseload and to caseworkers', async () => {
      expectProblem(
        await call('otherCaseworker', 'POST', `/api/courses/${courseId}/shares`, consent(items['docx'].id)),
        404,
        'course.not_found',
      );
      expectProblem(
        await call('otherCaseworker', 'GET', `/api/courses/${courseId}/shares`),
        404,
        'course.not_found',
      );
      expectProblem(await call('otherCaseworker', 'POST', `/api/shares/${shares['pdf'].id}/revoke`), 404);
      for (const who of ['mentor', 'teamLeader', 'admin'] as const) {
        expectProblem(
          await call(who, 'POST', `/api/courses/${courseId}/shares`, consent(items['docx'].id)),
          403,
          'auth.forbidden',
        );
        expectProblem(await call(who, 'GET', `/api/courses/${courseId}/shares`), 403);
        expectProblem(await call(who, 'POST', `/api/shares/${shares['pdf'].id}/revoke`), 403);
      }
      for (const who of ['caseworker', 'teamLeader', 'admin'] as const) {
        expectProblem(await call(who, 'GET', `/api/courses/${courseId}/shared-items`), 403);
        expectProblem(await call(who, 'GET', `/api/shares/${shares['pdf'].id}`), 403);
        expectProblem(asResponse(await send(who, 'GET', `/api/shares/${shares['pdf'].id}/file`)), 403);
      }
    });
  });

  describe("the mentor's access", () => {
    it('shows the mentor exactly the active shares of their course, every read audit-logged', async () => {
      const mentorId = users['mentor']!.id;
      const counts = async () => ({
        list: await auditCount('share.list', citizenId, mentorId),
        read: await auditCount('share.read', citizenId, mentorId),
        download: await auditCount('share.download', citizenId, mentorId),
      });
      const before = await counts();

      const list = await call('mentor', 'GET', `/api/courses/${courseId}/shared-items`);
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      expect(list.body.map((s: any) => s.shareId).sort()).toEqual(
        [shares['pdf'].id, shares['note'].id, shares['png'].id].sort(),
      );
      // Nothing else of the case: not the unshared document, nor the note's text in the list.
      expect(JSON.stringify(list.body)).not.toContain(items['docx'].id);
      expect(JSON.stringify(list.body)).not.toContain('Lægeerklæring');
      expect(list.body.find((s: any) => s.shareId === shares['note'].id)).toMatchObject({
        kind: 'note',
        title: 'Aftale om møder',
        body: null,
        file: null,
        sharedOn: today,
      });
      expect(list.body.find((s: any) => s.shareId === shares['pdf'].id)).toMatchObject({
        kind: 'document',
        file: { fileName: 'Handleplan 2026.pdf', contentType: 'application/pdf' },
        expiresOn: endsOn,
      });

      const note = await call('mentor', 'GET', `/api/shares/${shares['note'].id}`);
      expect(note.body).toMatchObject({
        shareId: shares['note'].id,
        body: 'Borgeren foretrækker møder om formiddagen.',
      });
      expectProblem(asResponse(await send('mentor', 'GET', `/api/shares/${shares['note'].id}/file`)), 404);

      const pdf = await send('mentor', 'GET', `/api/shares/${shares['pdf'].id}/file`);
      expect(pdf.status).toBe(200);
      expect(pdf.bytes).toEqual(SAMPLES.pdf);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(
        /^attachment; filename=.*; filename\*=UTF-8''Handleplan%202026\.pdf$/,
      );
      expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
      expect(pdf.headers.get('content-security-policy')).toBe('sandbox');
      expect(pdf.headers.get('cache-control')).toBe('no-store');
      const png = await send('mentor', 'GET', `/api/shares/${shares['png'].id}/file`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.headers.get('content-disposition')).toBe(
        `inline; filename="skema.png"; filename*=UTF-8''skema.png`,
      );
      expect(png.bytes).toEqual(SAMPLES.png);

      expect(await counts()).toEqual({
        list: before.list + 1,
        read: before.read + 1,
        download: before.download + 3,
      });
    });

    it('answers 404 to a mentor of another provider, and to a colleague, for the list, the share and the file', async () => {
      for (const who of ['otherProviderMentor', 'colleague'] as const) {
        expectProblem(
          await call(who, 'GET', `/api/courses/${courseId}/shared-items`),
          404,
          'course.not_found',
        );
        for (const share of [shares['pdf'].id, shares['note'].id]) {
          expectProblem(await call(who, 'GET', `/api/shares/${share}`), 404, 'share.not_found');
          expectProblem(
            asResponse(await send(who, 'GET', `/api/shares/${share}/file`)),
            404,
            'share.not_found',
          );
        }
      }
    });

    it('ends access at once when the caseworker revokes a share', async () => {
      const path = `/api/shares/${shares['pdf'].id}`;
      expect((await send('mentor', 'GET', `${path}/file`)).status).toBe(200);
      const revoked = await call('caseworker', 'POST', `${path}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ state: 'revoked', revokedByName: 'Peter Falk Nielsen' });
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      expect(await auditCount('share.revoke')).toBe(1);

      expectProblem(await call('mentor', 'GET', path), 404, 'share.not_found');
      expectProblem(asResponse(await send('mentor', 'GET', `${path}/file`)), 404, 'share.not_found');
      const list = await call('mentor', 'GET', `/api/courses/${courseId}/shared-items`);
      expect(list.body.map((s: any) => s.shareId)).not.toContain(shares['pdf'].id);

      // Revoking twice is a conflict, not a silent success: the first revocation's time and author stay.
      expectProblem(await call('caseworker', 'POST', `${path}/revoke`), 409, 'share.already_revoked');
      const all = await call('caseworker', 'GET', `/api/courses/${courseId}/shares`);
      expect(all.status).toBe(200);
      expect(Object.fromEntries(all.body.map((s: any) => [s.id, s.state]))).toEqual({
        [shares['pdf'].id]: 'revoked',
        [shares['note'].id]: 'active',
        [shares['png'].id]: 'active',
      });
      expect(all.body[0].id).toBe(shares['png'].id);
      expect(await auditCount('share.list', citizenId, users['caseworker']!.id)).toBeGreaterThan(0);

      // The item can be shared again, as a new share.
      const again = await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, {
        itemId: items['pdf'].id,
        basis: 'consent',
        consentGivenOn: today,
        consentScope: 'Fornyet samtykke',
      });
      expect(again.status).toBe(201);
      shares['pdf'] = again.body;
    });

    it('hides a share past its expiry date', async () => {
      const path = `/api/shares/${shares['note'].id}`;
      expect((await call('mentor', 'GET', path)).status).toBe(200);
      await t.db.query('UPDATE case_share SET expires_on = $2 WHERE id = $1', [
        shares['note'].id,
        addDays(today, -1),
      ]);
      expectProblem(await call('mentor', 'GET', path), 404, 'share.not_found');
      const list = await call('mentor', 'GET', `/api/courses/${courseId}/shared-items`);
      expect(list.body.map((s: any) => s.shareId)).not.toContain(shares['note'].id);
      const all = await call('caseworker', 'GET', `/api/courses/${courseId}/shares`);
      expect(all.body.find((s: any) => s.id === shares['note'].id).state).toBe('expired');
    });

    it('gives a new mentor nothing of the previous mentor’s shares until shared again', async () => {
      const course = await call('caseworker', 'GET', `/api/courses/${courseId}`);
      const changed = await call('caseworker', 'PATCH', `/api/courses/${courseId}`, {
        mentorId: users['colleague']!.id,
        version: course.body.version,
      });
      expect(changed.status).toBe(200);

      expectProblem(await call('mentor', 'GET', `/api/shares/${shares['png'].id}`), 404);
      expectProblem(await call('mentor', 'GET', `/api/courses/${courseId}/shared-items`), 404);
      expectProblem(await call('colleague', 'GET', `/api/shares/${shares['png'].id}`), 404);
      expect((await call('colleague', 'GET', `/api/courses/${courseId}/shared-items`)).body).toEqual([]);
      const all = await call('caseworker', 'GET', `/api/courses/${courseId}/shares`);
      expect(all.body.filter((s: any) => s.state === 'active')).toEqual([]);

      const shared = await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, {
        itemId: items['png'].id,
        basis: 'consent',
        consentGivenOn: today,
        consentScope: 'Ugeskema til ny mentor',
      });
      expect(shared.status).toBe(201);
      const list = await call('colleague', 'GET', `/api/courses/${courseId}/shared-items`);
      expect(list.body.map((s: any) => s.shareId)).toEqual([shared.body.id]);
      shares['png'] = shared.body;
    });

    it('hides every share once the course has ended, and takes no new ones', async () => {
      await t.db.query(
        `UPDATE mentor_course SET status = 'ended', end_reason = 'goal_reached', ended_on = $2 WHERE id = $1`,
        [courseId, today],
      );
      expectProblem(await call('colleague', 'GET', `/api/shares/${shares['png'].id}`), 404);
      expectProblem(asResponse(await send('colleague', 'GET', `/api/shares/${shares['png'].id}/file`)), 404);
      expect((await call('colleague', 'GET', `/api/courses/${courseId}/shared-items`)).body).toEqual([]);
      expectProblem(
        await call('caseworker', 'POST', `/api/courses/${courseId}/shares`, {
          itemId: items['docx'].id,
          basis: 'legal_basis',
          legalBasis: 'LAB § 167',
        }),
        409,
        'share.course_ended',
      );
      const all = await call('caseworker', 'GET', `/api/courses/${courseId}/shares`);
      expect(new Set(all.body.map((s: any) => s.state))).toEqual(new Set(['revoked', 'expired']));
    });
  });
});
