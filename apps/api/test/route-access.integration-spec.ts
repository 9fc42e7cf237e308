import { listRouteAccess } from '../src/auth/route-access';
import { startTestApp, type TestApp } from './test-app';

const DOWNLOADS: [string, string][] = [
  ['/pdf', 'application/pdf'],
  ['.csv', 'text/csv'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  // A stored file (case document), served with the type detected from its content.
  ['/file', 'application/octet-stream'],
  // The citizen's access log as a PDF, and a message attachment (a stored file, as above).
  ['.pdf', 'application/pdf'],
  ['/message-attachments/{attachmentId}', 'application/octet-stream'],
];

describe('route access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // Review a change of this list as a change of who may do what.
  it('lists every route with the access it declares', () => {
    const routes = listRouteAccess(t.app).map((r) => `${r.method} ${r.path} -> ${r.access}`);
    expect(routes).toEqual([
      'POST /api/auth/login -> public',
      'POST /api/auth/logout -> session:own',
      'GET /api/auth/oidc/:provider/callback -> public',
      'GET /api/auth/oidc/:provider/start -> public',
      'GET /api/auth/oidc/providers -> public',
      'GET /api/case-items/:id/file -> case:share',
      'GET /api/citizens -> citizens:read',
      'POST /api/citizens -> citizens:write',
      'GET /api/citizens/:id -> citizens:read',
      'PATCH /api/citizens/:id -> citizens:write',
      'GET /api/citizens/:id/access-log -> access-log:read',
      'GET /api/citizens/:id/access-log.csv -> access-log:read',
      'GET /api/citizens/:id/access-log.pdf -> access-log:read',
      'POST /api/citizens/:id/case-documents -> case:share',
      'GET /api/citizens/:id/case-items -> case:share',
      'POST /api/citizens/:id/case-notes -> case:share',
      'POST /api/citizens/:id/cpr-reveal -> citizens:cpr-reveal',
      'GET /api/citizens/:id/export.json -> citizens:export',
      'GET /api/citizens/:id/export.pdf -> citizens:export',
      'DELETE /api/contacts/:id -> contacts:write',
      'PATCH /api/contacts/:id -> contacts:write',
      'POST /api/contacts/:id/corrections -> contacts:write',
      'GET /api/courses -> courses:read',
      'GET /api/courses/:id -> courses:read',
      'PATCH /api/courses/:id -> courses:manage',
      'GET /api/courses/:id/contacts -> courses:read',
      'POST /api/courses/:id/contacts -> contacts:write',
      'GET /api/courses/:id/handover -> courses:read',
      'PUT /api/courses/:id/handover -> handover:write',
      'POST /api/courses/:id/handover/acknowledge -> handover:acknowledge',
      'POST /api/courses/:id/handover/send -> handover:write',
      'POST /api/courses/:id/message-attachments -> messages:write',
      'GET /api/courses/:id/message-attachments/:attachmentId -> messages:write',
      'GET /api/courses/:id/messages -> messages:write',
      'POST /api/courses/:id/messages -> messages:write',
      'POST /api/courses/:id/messages/read -> messages:write',
      'PUT /api/courses/:id/messages/settings -> messages:write',
      'GET /api/courses/:id/reporting -> courses:read',
      'GET /api/courses/:id/reports -> courses:read',
      'POST /api/courses/:id/reports -> reports:write',
      'GET /api/courses/:id/shared-items -> shared:read',
      'GET /api/courses/:id/shares -> case:share',
      'POST /api/courses/:id/shares -> case:share',
      'GET /api/courses/:id/weeks -> courses:read',
      'POST /api/grants -> grants:write',
      'GET /api/grants/:id -> courses:read',
      'POST /api/grants/:id/minutes -> grants:write',
      'GET /api/health -> public',
      'GET /api/me -> session:own',
      'GET /api/me/mentor-profile -> profile:own',
      'POST /api/me/mentor-profile/suggestions -> profile:own',
      'GET /api/municipality/settings -> municipality:manage',
      'PATCH /api/municipality/settings -> municipality:manage',
      'GET /api/notifications -> session:own',
      'POST /api/notifications/:id/read -> session:own',
      'POST /api/notifications/read-all -> session:own',
      'GET /api/organisations -> organisations:read',
      'GET /api/organisations/:id/mentors -> courses:manage',
      'GET /api/organisations/:id/recruitment-requirements -> workforce:read',
      'PUT /api/organisations/:id/recruitment-requirements -> workforce:manage',
      'GET /api/organisations/:id/workforce -> workforce:read',
      'GET /api/organisations/:id/workforce.csv -> workforce:read',
      'GET /api/organisations/:id/workforce.xlsx -> workforce:read',
      'POST /api/organisations/:id/workforce/import -> workforce:manage',
      'GET /api/organisations/:id/workforce/suggestions -> workforce:read',
      'GET /api/reports/:id -> courses:read',
      'PATCH /api/reports/:id -> reports:write',
      'POST /api/reports/:id/accept -> reports:review',
      'GET /api/reports/:id/pdf -> courses:read',
      'POST /api/reports/:id/return -> reports:review',
      'POST /api/reports/:id/submit -> reports:write',
      'GET /api/reports/indicators -> indicators:read',
      'GET /api/reports/indicators.csv -> indicators:read',
      'GET /api/reports/indicators.pdf -> indicators:read',
      'GET /api/reports/indicators.xlsx -> indicators:read',
      'GET /api/reports/quality -> reports:quality',
      'GET /api/shares/:id -> shared:read',
      'GET /api/shares/:id/file -> shared:read',
      'POST /api/shares/:id/revoke -> case:share',
      'POST /api/surveys/:kind/import -> surveys:manage',
      'GET /api/surveys/:kind/responses -> surveys:manage',
      'POST /api/surveys/:kind/responses -> surveys:answer',
      'GET /api/surveys/:kind/template.csv -> surveys:manage',
      'GET /api/surveys/:kind/template.xlsx -> surveys:manage',
      'GET /api/users -> users:read',
      'PUT /api/users/:id/active -> users:manage',
      'DELETE /api/workforce/certifications/:id -> workforce:manage',
      'PATCH /api/workforce/certifications/:id -> workforce:manage',
      'POST /api/workforce/mentors -> workforce:manage',
      'GET /api/workforce/mentors/:id -> workforce:read',
      'POST /api/workforce/mentors/:id/certifications -> workforce:manage',
      'PUT /api/workforce/mentors/:id/password -> workforce:manage',
      'PATCH /api/workforce/mentors/:id/profile -> workforce:manage',
      'PUT /api/workforce/mentors/:id/recruitment -> workforce:manage',
      'POST /api/workforce/mentors/:id/supervision -> workforce:manage',
      'POST /api/workforce/mentors/:id/trainings -> workforce:manage',
      'POST /api/workforce/mentors/:id/upskilling -> workforce:manage',
      'POST /api/workforce/suggestions/:id/accept -> workforce:manage',
      'POST /api/workforce/suggestions/:id/reject -> workforce:manage',
      'DELETE /api/workforce/supervision/:id -> workforce:manage',
      'PATCH /api/workforce/supervision/:id -> workforce:manage',
      'DELETE /api/workforce/trainings/:id -> workforce:manage',
      'PATCH /api/workforce/trainings/:id -> workforce:manage',
      'DELETE /api/workforce/upskilling/:id -> workforce:manage',
      'PATCH /api/workforce/upskilling/:id -> workforce:manage',
    ]);
  });

  it('has no route without declared access', () => {
    const undeclared = listRouteAccess(t.app).filter((r) => r.access === 'undeclared');
    expect(undeclared).toEqual([]);
  });

  it('answers 401 problem+json to every non-public route called anonymously', async () => {
    const protectedRoutes = listRouteAccess(t.app).filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const route of protectedRoutes) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.request(route.method, path, route.method === 'GET' ? {} : { json: {} });
      expect({ route: `${route.method} ${path}`, status: response.status }).toEqual({
        route: `${route.method} ${path}`,
        status: 401,
      });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 401 to a forged or malformed token', async () => {
    for (const token of ['forged-token', 'x'.repeat(500)]) {
      expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
    }
    const badScheme = await t.request('GET', '/api/me', { headers: { authorization: 'Basic abc' } });
    expect(badScheme.status).toBe(401);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = await t.request<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const route of listRouteAccess(t.app)) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect({
        route: `${route.method} ${path}`,
        documented: !!doc.body.paths[path]?.[route.method.toLowerCase()],
      }).toEqual({
        route: `${route.method} ${path}`,
        documented: true,
      });
    }
    for (const [path, item] of Object.entries(doc.body.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, any>)) {
        const responses = operation.responses as Record<string, any>;
        const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        // A page the browser navigates to (OpenID Connect sign-in) answers with a redirect instead.
        const redirect = success.length === 0 && !!responses['302'] && !responses['302'].content;
        expect({ route: `${method} ${path}`, success: success.length > 0 || redirect }).toEqual({
          route: `${method} ${path}`,
          success: true,
        });
        // JSON everywhere, except a download declared with its own media type (the report PDF, the load
        // table, stored files).
        for (const [status, response] of success) {
          if (status === '204') continue;
          const media = Object.keys(response.content ?? {});
          expect({ route: `${method} ${path}`, media }).toEqual({
            route: `${method} ${path}`,
            media: [DOWNLOADS.find(([suffix]) => path.endsWith(suffix))?.[1] ?? 'application/json'],
          });
          expect(response.content[media[0] as string].schema).toBeDefined();
        }
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) >= 400)
            expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
    const docs = await t.request<string>('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
