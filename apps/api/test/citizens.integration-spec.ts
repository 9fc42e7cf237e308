import { startTestApp, type TestApp } from './test-app';

describe('changing a citizen', () => {
  let t: TestApp;
  let caseworker: string;
  beforeAll(async () => {
    t = await startTestApp();
    caseworker = await t.login('sagsbehandler.cji');
  });
  afterAll(() => t.close());

  it('changes only the fields sent, clears an optional one with null, and refuses a stale version', async () => {
    const created = await t.request<any>('POST', '/api/citizens', {
      token: caseworker,
      json: {
        name: 'Rettelse Testborger',
        cpr: '030375-3456',
        phone: '12 34 56 78',
        email: 'rettelse@example.invalid',
        preferredMeetingPlace: 'home',
      },
    });
    expect(created.status).toBe(201);
    const { id, version } = created.body;

    const changed = await t.request<any>('PATCH', `/api/citizens/${id}`, {
      token: caseworker,
      json: { name: 'Rettelse Nytnavn', phone: null, preferredMeetingPlace: 'out_of_home', version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Rettelse Nytnavn',
      phone: null,
      email: 'rettelse@example.invalid',
      preferredMeetingPlace: 'out_of_home',
      version: version + 1,
    });
    const stale = await t.request<any>('PATCH', `/api/citizens/${id}`, {
      token: caseworker,
      json: { name: 'For sent', version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('citizen.stale_version');

    const invalid = await t.request<any>('PATCH', `/api/citizens/${id}`, {
      token: caseworker,
      json: { phone: 'ring mig', email: 'ikke en adresse', version: version + 1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'phone', codes: ['matches'] }),
        expect.objectContaining({ field: 'email', codes: ['isEmail'] }),
      ]),
    );
  });
});
