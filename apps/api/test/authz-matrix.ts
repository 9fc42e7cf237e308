import { addDays, Role } from '@mentor/domain';
import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { SAMPLES } from './file-samples';
import {
  type Call,
  COURSES,
  type CourseFixture,
  type CourseKey,
  fileForm,
  nextCpr,
  type OrgKey,
  type RecordKind,
  send,
  type SharedCourse,
  type UserKey,
  type World,
} from './authz-world';
import type { TestApp } from './test-app';

/**
 * The authorisation matrix: for every route of the API, what each persona gets for each target.
 * A new route without a row here fails the matrix test; review a change here as a change of who may
 * do what.
 *
 * Personas: a municipality's internal mentor, caseworker, team leader and administrator, an external
 * provider's mentor with a share on their course and one whose share was revoked; and the other
 * municipality's mentor, caseworker, team leader and administrator (they expect what their
 * counterparts here expect, each on their own municipality's objects).
 *
 * Targets, as the persona sees them: `own` (their course, citizen, record, organisation or self),
 * `sameOrg` (a colleague's in their organisation), `otherOrg` (another organisation's) and
 * `otherMunicipality` (the counterpart's `own` in the other municipality).
 *
 * Expected, one letter per target in that order:
 *   2  2xx (for a list: 2xx and the target is listed)
 *   N  404 (for a list: 2xx and the target is not listed)
 *   R  403 `auth.forbidden`: the role lacks the route's permission
 *   F  403 with another code: the role has it, the target is visible, but the act is someone else's
 *   V  400 or 422: the target is named in the body and refused as a field error
 * A route without a target (`self`) has one letter per persona.
 */

export const TARGETS = ['own', 'sameOrg', 'otherOrg', 'otherMunicipality'] as const;
export type Target = (typeof TARGETS)[number];

export type Slot = 'mentor' | 'caseworker' | 'teamLeader' | 'admin' | 'external' | 'externalNoShare';
export const SLOTS: Slot[] = ['mentor', 'caseworker', 'teamLeader', 'admin', 'external', 'externalNoShare'];

export const SLOT_ROLE: Record<Slot, Role> = {
  mentor: Role.Mentor,
  caseworker: Role.Caseworker,
  teamLeader: Role.TeamLeader,
  admin: Role.Admin,
  external: Role.Mentor,
  externalNoShare: Role.Mentor,
};

export interface Persona {
  name: string;
  /** `a`: the demo municipality; `b`: the other one. */
  world: 'a' | 'b';
  slot: Slot;
  user: UserKey;
}

export const PERSONAS: Persona[] = [
  { name: 'mentor', world: 'a', slot: 'mentor', user: 'm' },
  { name: 'caseworker', world: 'a', slot: 'caseworker', user: 'cw' },
  { name: 'team leader', world: 'a', slot: 'teamLeader', user: 'tl' },
  { name: 'admin', world: 'a', slot: 'admin', user: 'admin' },
  { name: 'external mentor with share', world: 'a', slot: 'external', user: 'x' },
  { name: 'external mentor without share', world: 'a', slot: 'externalNoShare', user: 'x2' },
  { name: 'other municipality mentor', world: 'b', slot: 'mentor', user: 'm' },
  { name: 'other municipality caseworker', world: 'b', slot: 'caseworker', user: 'cw' },
  { name: 'other municipality team leader', world: 'b', slot: 'teamLeader', user: 'tl' },
  { name: 'other municipality admin', world: 'b', slot: 'admin', user: 'admin' },
];

/** What own / same organisation / other organisation means for each persona, per kind of target. */
const ANCHORS: Record<
  Slot,
  {
    course: [CourseKey, CourseKey, CourseKey];
    org: [OrgKey, OrgKey, OrgKey];
    user: [UserKey, UserKey, UserKey];
  }
> = {
  mentor: { course: ['m', 'm2', 'mO'], org: ['H', 'H', 'O'], user: ['m', 'm2', 'mO'] },
  caseworker: { course: ['m', 'm2', 'mO'], org: ['H', 'H', 'O'], user: ['cw', 'cw2', 'cwO'] },
  teamLeader: { course: ['m', 'm2', 'mO'], org: ['H', 'H', 'O'], user: ['tl', 'cw', 'tlO'] },
  admin: { course: ['m', 'm2', 'mO'], org: ['H', 'H', 'O'], user: ['admin', 'tl', 'tlO'] },
  external: { course: ['x', 'x2', 'm'], org: ['X', 'X', 'H'], user: ['x', 'x2', 'm'] },
  externalNoShare: { course: ['x2', 'x', 'm'], org: ['X', 'X', 'H'], user: ['x2', 'x', 'm'] },
};

/**
 * One cell: a persona calling a route on a target. Ids come from the shared fixtures; a cell that
 * is expected to change something (`fresh`) gets new objects in the same position instead, so the
 * shared ones stay as every other cell expects them.
 */
export class Cell {
  constructor(
    readonly t: TestApp,
    readonly persona: Persona,
    readonly target: Target,
    /** The persona's municipality. */
    readonly home: World,
    /** The target's municipality. */
    readonly there: World,
    readonly fresh: boolean,
  ) {}

  get token(): string {
    return this.home.users[this.persona.user].token;
  }

  private get position(): 0 | 1 | 2 {
    return this.target === 'sameOrg' ? 1 : this.target === 'otherOrg' ? 2 : 0;
  }

  get courseKey(): CourseKey {
    return ANCHORS[this.persona.slot].course[this.position];
  }

  /** The target course of the shared fixtures, with all that hangs on it. */
  get shared(): SharedCourse {
    return this.there.courses[this.courseKey];
  }

  get orgId(): string {
    return this.there.orgs[ANCHORS[this.persona.slot].org[this.position]];
  }

  get userKey(): UserKey {
    return ANCHORS[this.persona.slot].user[this.position];
  }

  get userId(): string {
    return this.there.users[this.userKey].id;
  }

  /** The target course's mentor (a team leader's and an administrator's mentor records). */
  get mentorId(): string {
    return this.there.users[COURSES[this.courseKey].mentor].id;
  }

  async course(
    handover: 'none' | 'draft' | 'sent' | 'acknowledged' = 'acknowledged',
  ): Promise<CourseFixture> {
    return this.fresh ? this.there.course(this.courseKey, handover) : this.shared;
  }

  async citizenId(): Promise<string> {
    return this.fresh ? (await this.there.citizen(this.courseKey)).id : this.shared.citizenId;
  }

  async contact(locked = false): Promise<string> {
    return this.fresh ? this.there.contact(this.shared, locked) : this.shared.contactId;
  }

  /** A report on a new course in that state when fresh; the shared course's accepted one otherwise. */
  async report(state: 'draft' | 'submitted'): Promise<string> {
    return this.fresh
      ? this.there.report(await this.there.course(this.courseKey), state)
      : this.shared.reportId;
  }

  async share(): Promise<string> {
    return this.fresh
      ? this.there.share(this.shared, await this.there.document(this.shared))
      : this.shared.shareId;
  }

  /** An item to share on the target course: a new note when fresh, else the (already shared) document. */
  async item(): Promise<string> {
    return this.fresh ? this.there.note(this.shared) : this.shared.documentId;
  }

  async record(kind: RecordKind): Promise<string> {
    return this.fresh ? this.there.record(this.courseKey, kind) : this.there.records[this.courseKey][kind];
  }

  async suggestion(): Promise<string> {
    return this.fresh
      ? this.there.suggestion(this.courseKey)
      : this.there.records[this.courseKey].suggestionId;
  }

  async mentor(): Promise<string> {
    return this.fresh ? this.there.freshMentor(this.courseKey) : this.mentorId;
  }

  /** The row's current version, read as the owner would have read it. */
  async version(table: string, id: string, where = 'id'): Promise<number> {
    const [row] = await this.t.db.query<{ version: number }[]>(
      `SELECT version FROM ${table} WHERE ${where} = $1 ORDER BY version DESC LIMIT 1`,
      [id],
    );
    return row?.version ?? 0;
  }

  /** Every item of a paged list, as the persona sees it. */
  async allItems(path: string): Promise<{ id: string }[]> {
    const items: { id: string }[] = [];
    for (let offset = 0; ; offset += 100) {
      const joiner = path.includes('?') ? '&' : '?';
      const answer = await send(this.t, {
        method: 'GET',
        path: `${path}${joiner}limit=100&offset=${offset}`,
        token: this.token,
      });
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
      items.push(...answer.body.items);
      if (items.length >= answer.body.total || answer.body.items.length === 0) return items;
    }
  }
}

export type Request = Omit<Call, 'method'>;

export interface RouteCase {
  /** Per persona slot: one letter per target, or one letter for a route without a target. */
  expect: Record<Slot, string>;
  /** The route has no target (the caller's own session, profile or municipality). */
  self?: true;
  /** An allowed call changes its target: allowed cells run on fresh objects. */
  changes?: true;
  request(c: Cell): Request | Promise<Request>;
  /** A list: whether the answer lists the target. */
  listed?(c: Cell, body: any): boolean | Promise<boolean>;
}

/** Expectations in slot order: mentor, caseworker, team leader, admin, external with share, without. */
function who(
  mentor: string,
  caseworker: string,
  teamLeader: string,
  admin: string,
  external: string,
  externalNoShare: string,
) {
  return { mentor, caseworker, teamLeader, admin, external, externalNoShare };
}

const ALL_SELF = who('2', '2', '2', '2', '2', '2');
/** Course reads: a mentor their own, a caseworker their caseload, a team leader their organisation's. */
const COURSE_READ = who('2NNN', '2NNN', '22NN', 'RRRR', '2NNN', '2NNN');
/** The citizen's caseworker only. */
const CASEWORKER = who('RRRR', '2NNN', 'RRRR', 'RRRR', 'RRRR', 'RRRR');
/** The course's mentor only. */
const MENTOR = who('2NNN', 'RRRR', 'RRRR', 'RRRR', '2NNN', '2NNN');
/** A course's thread: its mentor, the citizen's caseworker, the organisation's team leader once asked in. */
const THREAD = who('2NNN', '2NNN', '2NNN', 'RRRR', '2NNN', '2NNN');
/** What is shared with a mentor: the active shares on their own courses. */
const SHARED = who('2NNN', 'RRRR', 'RRRR', 'RRRR', '2NNN', 'NNNN');
/** The workforce: a team leader their organisation's, an administrator the municipality's. */
const WORKFORCE_READ = who('RRRR', 'RRRR', '22NN', '222N', 'RRRR', 'RRRR');
/** Keeping the workforce: a team leader of their own organisation. */
const WORKFORCE_MANAGE = who('RRRR', 'RRRR', '22NN', 'RRRR', 'RRRR', 'RRRR');

/** Figures of an organisation (no citizen data): a team leader their own, an administrator the municipality's. */
const FIGURES = WORKFORCE_READ;

const q = encodeURIComponent;

const indicators = (c: Cell, format: string) =>
  `/api/reports/indicators${format}?from=${addDays(c.there.today, -90)}&to=${c.there.today}&organisationId=${c.orgId}`;

/** The questionnaire each role answers or enters, with one answer. */
const SURVEY_OF: Record<Role, [string, Record<string, unknown>]> = {
  [Role.Mentor]: ['mentor', { primary_approach: 'professional' }],
  [Role.Caseworker]: ['citizen', { makes_difference: true }],
  [Role.TeamLeader]: ['recruiter', { easy_to_recruit: true }],
  [Role.Admin]: ['citizen', { makes_difference: true }],
};
const listedBy =
  (id: (c: Cell) => string) =>
  (c: Cell, body: any): boolean =>
    (body.items as { id: string }[]).some((item) => item.id === id(c));

const recordRoutes = (kind: RecordKind, path: string): Record<string, RouteCase> => ({
  [`POST /api/workforce/mentors/:id/${kind}`]: {
    expect: WORKFORCE_MANAGE,
    request: (c) => ({
      path: `/api/workforce/mentors/${c.mentorId}/${kind}`,
      json: c.there.recordBody(kind),
    }),
  },
  [`PATCH /api/workforce/${path}/:id`]: {
    expect: WORKFORCE_MANAGE,
    changes: true,
    request: async (c) => {
      const id = await c.record(kind);
      return { path: `/api/workforce/${path}/${id}`, json: { ...c.there.recordBody(kind), version: 1 } };
    },
  },
  [`DELETE /api/workforce/${path}/:id`]: {
    expect: WORKFORCE_MANAGE,
    changes: true,
    request: async (c) => ({ path: `/api/workforce/${path}/${await c.record(kind)}?version=1` }),
  },
});

export const ROUTES: Record<string, RouteCase> = {
  // ---------- Sessions ----------
  'POST /api/auth/login': {
    self: true,
    expect: ALL_SELF,
    request: (c) => ({
      path: '/api/auth/login',
      json: { username: c.home.users[c.persona.user].username, password: DEMO_PASSWORD },
    }),
  },
  'POST /api/auth/logout': {
    self: true,
    expect: ALL_SELF,
    changes: true,
    // A session of its own: the persona's own token is used by every other cell.
    request: async (c) => ({
      path: '/api/auth/logout',
      token: c.fresh ? await c.t.login(c.home.users[c.persona.user].username) : c.token,
    }),
  },
  // Sign-in with OpenID Connect (public; oidc.integration-spec runs the flow against a real provider).
  'GET /api/auth/oidc/providers': {
    self: true,
    expect: ALL_SELF,
    request: () => ({ path: '/api/auth/oidc/providers' }),
  },
  // The matrix's app configures no provider: start and callback answer 404 for anyone alike.
  'GET /api/auth/oidc/:provider/start': {
    self: true,
    expect: who('N', 'N', 'N', 'N', 'N', 'N'),
    request: () => ({ path: '/api/auth/oidc/kk/start' }),
  },
  'GET /api/auth/oidc/:provider/callback': {
    self: true,
    expect: who('N', 'N', 'N', 'N', 'N', 'N'),
    request: () => ({ path: '/api/auth/oidc/kk/callback?code=x&state=y' }),
  },
  'GET /api/health': { self: true, expect: ALL_SELF, request: () => ({ path: '/api/health' }) },
  'GET /api/me': { self: true, expect: ALL_SELF, request: () => ({ path: '/api/me' }) },
  'GET /api/users': {
    expect: who('RRRR', 'RRRR', '222N', '222N', 'RRRR', 'RRRR'),
    request: () => ({ path: '/api/users?limit=1' }),
    listed: async (c) => (await c.allItems('/api/users')).some((u) => u.id === c.userId),
  },
  'PUT /api/users/:id/active': {
    // The administrator disables any user of the municipality (here the course's mentor).
    expect: who('RRRR', 'RRRR', 'RRRR', '222N', 'RRRR', 'RRRR'),
    // Disabling ends the user's sessions: a new mentor in the same position.
    changes: true,
    request: async (c) => ({ path: `/api/users/${await c.mentor()}/active`, json: { active: false } }),
  },

  // ---------- Notifications ----------
  'GET /api/notifications': {
    expect: who('2NNN', '2NNN', '2NNN', '2NNN', '2NNN', '2NNN'),
    request: () => ({ path: '/api/notifications?limit=1' }),
    listed: async (c) =>
      (await c.allItems('/api/notifications')).some((n) => n.id === c.there.notifications[c.userKey]),
  },
  'POST /api/notifications/:id/read': {
    expect: who('2NNN', '2NNN', '2NNN', '2NNN', '2NNN', '2NNN'),
    request: (c) => ({ path: `/api/notifications/${c.there.notifications[c.userKey]}/read` }),
  },
  'POST /api/notifications/read-all': {
    self: true,
    expect: ALL_SELF,
    request: () => ({ path: '/api/notifications/read-all' }),
  },

  // ---------- Organisations and the municipality ----------
  'GET /api/organisations': {
    expect: who('RRRR', '222N', '222N', '222N', 'RRRR', 'RRRR'),
    request: () => ({ path: '/api/organisations?limit=1' }),
    listed: async (c) => (await c.allItems('/api/organisations')).some((o) => o.id === c.orgId),
  },
  'GET /api/organisations/:id/mentors': {
    expect: who('RRRR', '222N', '22NN', 'RRRR', 'RRRR', 'RRRR'),
    request: (c) => ({ path: `/api/organisations/${c.orgId}/mentors` }),
  },
  'GET /api/municipality/settings': {
    self: true,
    expect: who('R', 'R', 'R', '2', 'R', 'R'),
    request: () => ({ path: '/api/municipality/settings' }),
  },
  'PATCH /api/municipality/settings': {
    self: true,
    expect: who('R', 'R', 'R', '2', 'R', 'R'),
    // The threshold it has: a real change of settings, of nothing other cells depend on.
    request: async (c) => {
      const [row] = await c.t.db.query<{ threshold: number; version: number }[]>(
        'SELECT report_quality_threshold AS threshold, version FROM municipality WHERE id = $1',
        [c.home.municipalityId],
      );
      return {
        path: '/api/municipality/settings',
        json: { reportQualityThreshold: row!.threshold, version: row!.version },
      };
    },
  },

  // ---------- Citizens ----------
  'GET /api/citizens': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/citizens?search=${q(c.shared.citizenName)}&limit=100` }),
    listed: listedBy((c) => c.shared.citizenId),
  },
  'POST /api/citizens': {
    self: true,
    expect: who('R', '2', 'R', 'R', 'R', 'R'),
    request: () => ({
      path: '/api/citizens',
      json: { name: 'Ny Matrixborger', cpr: nextCpr(), preferredMeetingPlace: 'home' },
    }),
  },
  'GET /api/citizens/:id': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}` }),
  },
  'PATCH /api/citizens/:id': {
    expect: CASEWORKER,
    request: async (c) => ({
      path: `/api/citizens/${c.shared.citizenId}`,
      json: { phone: '+45 12 34 56 78', version: await c.version('citizen', c.shared.citizenId) },
    }),
  },
  'POST /api/citizens/:id/cpr-reveal': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/cpr-reveal` }),
  },
  'GET /api/citizens/:id/access-log': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/access-log` }),
  },
  'GET /api/citizens/:id/access-log.csv': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/access-log.csv` }),
  },
  'GET /api/citizens/:id/access-log.pdf': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/access-log.pdf` }),
  },
  // The right-of-access export: the citizen's caseworker, and the municipality's administrator.
  'GET /api/citizens/:id/export.json': {
    expect: who('RRRR', '2NNN', 'RRRR', '222N', 'RRRR', 'RRRR'),
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/export.json` }),
  },
  'GET /api/citizens/:id/export.pdf': {
    expect: who('RRRR', '2NNN', 'RRRR', '222N', 'RRRR', 'RRRR'),
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/export.pdf` }),
  },

  // ---------- Case items and shares ----------
  'GET /api/citizens/:id/case-items': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/citizens/${c.shared.citizenId}/case-items` }),
  },
  'POST /api/citizens/:id/case-documents': {
    expect: CASEWORKER,
    request: (c) => ({
      path: `/api/citizens/${c.shared.citizenId}/case-documents`,
      form: fileForm(SAMPLES.pdf, 'bilag.pdf', { title: 'Bilag' }),
    }),
  },
  'POST /api/citizens/:id/case-notes': {
    expect: CASEWORKER,
    request: (c) => ({
      path: `/api/citizens/${c.shared.citizenId}/case-notes`,
      json: { title: 'Notat', body: 'Aftalt opfølgning.' },
    }),
  },
  'GET /api/case-items/:id/file': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/case-items/${c.shared.documentId}/file` }),
  },
  'GET /api/courses/:id/shares': {
    expect: CASEWORKER,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/shares` }),
  },
  'POST /api/courses/:id/shares': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => ({
      path: `/api/courses/${c.shared.id}/shares`,
      json: c.there.shareBody(await c.item()),
    }),
  },
  'POST /api/shares/:id/revoke': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => ({ path: `/api/shares/${await c.share()}/revoke` }),
  },
  'GET /api/courses/:id/shared-items': {
    expect: who('2NNN', 'RRRR', 'RRRR', 'RRRR', '2NNN', '2NNN'),
    request: (c) => ({ path: `/api/courses/${c.shared.id}/shared-items` }),
  },
  'GET /api/shares/:id': { expect: SHARED, request: (c) => ({ path: `/api/shares/${c.shared.shareId}` }) },
  'GET /api/shares/:id/file': {
    expect: SHARED,
    request: (c) => ({ path: `/api/shares/${c.shared.shareId}/file` }),
  },

  // ---------- Grants and courses ----------
  'POST /api/grants': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => ({
      path: '/api/grants',
      json: c.there.grantBody(c.courseKey, await c.citizenId()),
    }),
  },
  'GET /api/grants/:id': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/grants/${c.shared.grantId}` }),
  },
  'POST /api/grants/:id/minutes': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => {
      const grantId = (await c.course()).grantId;
      return {
        path: `/api/grants/${grantId}/minutes`,
        json: {
          minutesPerWeek: 90,
          effectiveFrom: c.there.today,
          version: await c.version('mentor_grant', grantId),
        },
      };
    },
  },
  'GET /api/courses': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses?search=${q(c.shared.citizenName)}&limit=100` }),
    listed: listedBy((c) => c.shared.id),
  },
  'GET /api/courses/:id': { expect: COURSE_READ, request: (c) => ({ path: `/api/courses/${c.shared.id}` }) },
  'GET /api/courses/:id/weeks': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/weeks` }),
  },
  'PATCH /api/courses/:id': {
    expect: who('RRRR', '2NNN', '22NN', 'RRRR', 'RRRR', 'RRRR'),
    changes: true,
    request: async (c) => {
      const course = await c.course();
      return {
        path: `/api/courses/${course.id}`,
        json: { status: 'paused', version: await c.version('mentor_course', course.id) },
      };
    },
  },

  // ---------- Contacts ----------
  'GET /api/courses/:id/contacts': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/contacts` }),
  },
  'POST /api/courses/:id/contacts': {
    expect: MENTOR,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/contacts`, json: c.there.contactBody() }),
  },
  'PATCH /api/contacts/:id': {
    expect: MENTOR,
    changes: true,
    request: async (c) => {
      const id = await c.contact();
      return {
        path: `/api/contacts/${id}`,
        json: { ...c.there.contactBody('Rettet note'), version: await c.version('contact', id) },
      };
    },
  },
  'DELETE /api/contacts/:id': {
    expect: MENTOR,
    changes: true,
    request: async (c) => {
      const id = await c.contact();
      return { path: `/api/contacts/${id}?version=${await c.version('contact', id)}` };
    },
  },
  'POST /api/contacts/:id/corrections': {
    expect: MENTOR,
    changes: true,
    request: async (c) => ({
      path: `/api/contacts/${await c.contact(true)}/corrections`,
      json: c.there.contactBody('Rettelse'),
    }),
  },

  // ---------- Handover ----------
  'GET /api/courses/:id/handover': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/handover` }),
  },
  'PUT /api/courses/:id/handover': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => {
      const course = await c.course('none');
      const draft = await c.there.handoverDraft(course);
      return { path: `/api/courses/${course.id}/handover`, json: draft };
    },
  },
  'POST /api/courses/:id/handover/send': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => {
      const course = await c.course('draft');
      return {
        path: `/api/courses/${course.id}/handover/send`,
        json: { version: await c.version('handover_packet', course.id, 'course_id') },
      };
    },
  },
  'POST /api/courses/:id/handover/acknowledge': {
    expect: MENTOR,
    changes: true,
    request: async (c) => {
      const course = await c.course('sent');
      return {
        path: `/api/courses/${course.id}/handover/acknowledge`,
        json: { version: await c.version('handover_packet', course.id, 'course_id') },
      };
    },
  },

  // ---------- Messages ----------
  'GET /api/courses/:id/messages': {
    expect: THREAD,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/messages` }),
  },
  'POST /api/courses/:id/messages': {
    expect: THREAD,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/messages`, json: { body: 'Kort besked.' } }),
  },
  'POST /api/courses/:id/messages/read': {
    expect: THREAD,
    request: (c) => ({
      path: `/api/courses/${c.shared.id}/messages/read`,
      json: { upTo: c.shared.messageId },
    }),
  },
  'PUT /api/courses/:id/messages/settings': {
    // The team leader takes part once asked in, but does not change the thread's settings.
    expect: who('2NNN', '2NNN', 'FNNN', 'RRRR', '2NNN', '2NNN'),
    request: (c) => ({
      path: `/api/courses/${c.shared.id}/messages/settings`,
      json: { needsSparring: true },
    }),
  },
  'POST /api/courses/:id/message-attachments': {
    expect: THREAD,
    request: (c) => ({
      path: `/api/courses/${c.shared.id}/message-attachments`,
      form: fileForm(SAMPLES.pdf, 'vedhaeftning.pdf'),
    }),
  },
  'GET /api/courses/:id/message-attachments/:attachmentId': {
    expect: THREAD,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/message-attachments/${c.shared.attachmentId}` }),
  },

  // ---------- Progression reports ----------
  'GET /api/courses/:id/reports': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/reports` }),
  },
  'GET /api/courses/:id/reporting': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/courses/${c.shared.id}/reporting` }),
  },
  'POST /api/courses/:id/reports': {
    expect: MENTOR,
    changes: true,
    request: async (c) => ({
      path: `/api/courses/${(await c.course()).id}/reports`,
      json: { periodTo: addDays(c.there.today, -1) },
    }),
  },
  'GET /api/reports/:id': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/reports/${c.shared.reportId}` }),
  },
  'GET /api/reports/:id/pdf': {
    expect: COURSE_READ,
    request: (c) => ({ path: `/api/reports/${c.shared.reportId}/pdf` }),
  },
  'PATCH /api/reports/:id': {
    expect: MENTOR,
    changes: true,
    request: async (c) => {
      const id = await c.report('draft');
      const [row] = await c.t.db.query<{ content: unknown; version: number }[]>(
        'SELECT content, version FROM progress_report WHERE id = $1',
        [id],
      );
      return { path: `/api/reports/${id}`, json: { content: row!.content, version: row!.version } };
    },
  },
  'POST /api/reports/:id/submit': {
    expect: MENTOR,
    changes: true,
    request: async (c) => {
      const id = await c.report('draft');
      return {
        path: `/api/reports/${id}/submit`,
        json: {
          version: await c.version('progress_report', id),
          justification: 'Forløbet er netop startet.',
        },
      };
    },
  },
  'POST /api/reports/:id/return': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => {
      const id = await c.report('submitted');
      return {
        path: `/api/reports/${id}/return`,
        json: {
          version: await c.version('progress_report', id),
          comments: [{ section: 'goals', comment: 'Uddyb målene.' }],
        },
      };
    },
  },
  'POST /api/reports/:id/accept': {
    expect: CASEWORKER,
    changes: true,
    request: async (c) => {
      const id = await c.report('submitted');
      return { path: `/api/reports/${id}/accept`, json: { version: await c.version('progress_report', id) } };
    },
  },
  'GET /api/reports/quality': {
    expect: WORKFORCE_READ,
    request: (c) => ({
      path: `/api/reports/quality?from=${addDays(c.there.today, -400)}&to=${addDays(c.there.today, 400)}&organisationId=${c.orgId}`,
    }),
  },

  // ---------- The mentor workforce ----------
  'GET /api/organisations/:id/workforce': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/organisations/${c.orgId}/workforce` }),
  },
  'GET /api/organisations/:id/workforce.csv': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/organisations/${c.orgId}/workforce.csv` }),
  },
  'GET /api/organisations/:id/workforce.xlsx': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/organisations/${c.orgId}/workforce.xlsx` }),
  },
  'GET /api/organisations/:id/workforce/suggestions': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/organisations/${c.orgId}/workforce/suggestions` }),
  },
  'POST /api/organisations/:id/workforce/import': {
    expect: WORKFORCE_MANAGE,
    // A dry run: checked and answered in full, nothing saved.
    request: (c) => ({
      path: `/api/organisations/${c.orgId}/workforce/import?kind=supervision&dryRun=true`,
      raw: { body: Buffer.from('email;kind;held_on;note\r\n', 'utf8'), type: 'text/csv' },
    }),
  },
  'GET /api/organisations/:id/recruitment-requirements': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/organisations/${c.orgId}/recruitment-requirements` }),
  },
  'PUT /api/organisations/:id/recruitment-requirements': {
    expect: WORKFORCE_MANAGE,
    request: (c) => ({
      path: `/api/organisations/${c.orgId}/recruitment-requirements`,
      json: { competencies: ['relational'] },
    }),
  },
  'POST /api/workforce/mentors': {
    self: true,
    expect: who('R', 'R', '2', 'R', 'R', 'R'),
    request: (c) => ({
      path: '/api/workforce/mentors',
      json: {
        name: 'Ny Matrixmentor',
        username: `authz.${c.persona.world}.new${nextCpr().slice(0, 6)}`,
        password: 'hemmelig-kode',
      },
    }),
  },
  'GET /api/workforce/mentors/:id': {
    expect: WORKFORCE_READ,
    request: (c) => ({ path: `/api/workforce/mentors/${c.mentorId}` }),
  },
  'PATCH /api/workforce/mentors/:id/profile': {
    expect: WORKFORCE_MANAGE,
    request: async (c) => ({
      path: `/api/workforce/mentors/${c.mentorId}/profile`,
      json: {
        capacityMinutesPerWeek: 900,
        version: await c.version('mentor_profile', c.mentorId, 'mentor_id'),
      },
    }),
  },
  'PUT /api/workforce/mentors/:id/password': {
    expect: WORKFORCE_MANAGE,
    // Ends the mentor's sessions: a new mentor in the same position.
    changes: true,
    request: async (c) => ({
      path: `/api/workforce/mentors/${await c.mentor()}/password`,
      json: { password: 'nyt-hemmeligt-kodeord' },
    }),
  },
  'PUT /api/workforce/mentors/:id/recruitment': {
    expect: WORKFORCE_MANAGE,
    request: (c) => ({
      path: `/api/workforce/mentors/${c.mentorId}/recruitment`,
      json: { assessments: [{ competency: 'relational', met: true }] },
    }),
  },
  ...recordRoutes('trainings', 'trainings'),
  ...recordRoutes('certifications', 'certifications'),
  ...recordRoutes('upskilling', 'upskilling'),
  ...recordRoutes('supervision', 'supervision'),
  'POST /api/workforce/suggestions/:id/accept': {
    expect: WORKFORCE_MANAGE,
    changes: true,
    request: async (c) => ({ path: `/api/workforce/suggestions/${await c.suggestion()}/accept`, json: {} }),
  },
  'POST /api/workforce/suggestions/:id/reject': {
    expect: WORKFORCE_MANAGE,
    changes: true,
    request: async (c) => ({
      path: `/api/workforce/suggestions/${await c.suggestion()}/reject`,
      json: { note: 'Ikke nu.' },
    }),
  },
  // ---------- The study's indicators and questionnaires (no citizen data) ----------
  'GET /api/reports/indicators': { expect: FIGURES, request: (c) => ({ path: indicators(c, '') }) },
  'GET /api/reports/indicators.csv': { expect: FIGURES, request: (c) => ({ path: indicators(c, '.csv') }) },
  'GET /api/reports/indicators.xlsx': { expect: FIGURES, request: (c) => ({ path: indicators(c, '.xlsx') }) },
  'GET /api/reports/indicators.pdf': { expect: FIGURES, request: (c) => ({ path: indicators(c, '.pdf') }) },
  'POST /api/surveys/:kind/responses': {
    // The organisation a response concerns is named in the body: another is a field error.
    expect: who('22VV', '222V', '22VV', 'RRRR', '22VV', '22VV'),
    request: (c) => {
      const [kind, answers] = SURVEY_OF[SLOT_ROLE[c.persona.slot]];
      return {
        path: `/api/surveys/${kind}/responses`,
        json: { answeredOn: c.there.today, organisationId: c.orgId, answers },
      };
    },
  },
  'GET /api/surveys/:kind/responses': {
    expect: FIGURES,
    request: (c) => ({ path: `/api/surveys/mentor/responses?organisationId=${c.orgId}` }),
  },
  'POST /api/surveys/:kind/import': {
    // The organisation is named in the file: another is a row error and nothing is saved.
    expect: who('RRRR', 'RRRR', '22VV', '222V', 'RRRR', 'RRRR'),
    request: (c) => ({
      path: '/api/surveys/citizen/import',
      raw: {
        body: Buffer.from(
          `answered_on;organisation;makes_difference\r\n${c.there.today};${c.orgId};ja\r\n`,
          'utf8',
        ),
        type: 'text/csv',
      },
    }),
  },
  'GET /api/surveys/:kind/template.csv': {
    self: true,
    expect: who('R', 'R', '2', '2', 'R', 'R'),
    request: () => ({ path: '/api/surveys/citizen/template.csv' }),
  },
  'GET /api/surveys/:kind/template.xlsx': {
    self: true,
    expect: who('R', 'R', '2', '2', 'R', 'R'),
    request: () => ({ path: '/api/surveys/recruiter/template.xlsx' }),
  },

  'GET /api/me/mentor-profile': {
    self: true,
    expect: who('2', 'R', 'R', 'R', '2', '2'),
    request: () => ({ path: '/api/me/mentor-profile' }),
  },
  'POST /api/me/mentor-profile/suggestions': {
    self: true,
    expect: who('2', 'R', 'R', 'R', '2', '2'),
    request: () => ({ path: '/api/me/mentor-profile/suggestions', json: { specialisations: ['angst'] } }),
  },
};
