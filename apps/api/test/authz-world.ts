import { addDays, type CourseHandover, OrganisationKind, Role } from '@mentor/domain';
import { todayInDenmark } from '../src/common/clock';
import { SAMPLES } from './file-samples';
import { completeContent } from './handover-helpers';
import type { TestApp } from './test-app';

/**
 * One municipality's fixtures for the authorisation matrix: three organisations with their users,
 * five courses with everything that hangs on a course (contact, accepted report, shared document,
 * message with attachment), the mentors' workforce records and a notification per user. Users and
 * organisations are inserted (there is no API for them); everything else is made through the API
 * as the people who would make it, so each object is in a state its owner can act on.
 */

/** H: the personas' internal centre; O: another internal centre; X: an external provider. */
export type OrgKey = 'H' | 'O' | 'X';
export type UserKey = 'admin' | 'tl' | 'cw' | 'cw2' | 'm' | 'm2' | 'tlO' | 'cwO' | 'mO' | 'tlX' | 'x' | 'x2';
/** A course is named after its mentor. */
export type CourseKey = 'm' | 'm2' | 'mO' | 'x' | 'x2';
export type RecordKind = 'trainings' | 'certifications' | 'upskilling' | 'supervision';

const ORGS: Record<OrgKey, { kind: OrganisationKind; name: string }> = {
  H: { kind: OrganisationKind.InternalCentre, name: 'Matrixcentret' },
  O: { kind: OrganisationKind.InternalCentre, name: 'Andet Matrixcenter' },
  X: { kind: OrganisationKind.ExternalProvider, name: 'Matrix Mentor ApS' },
};

const USERS: Record<UserKey, { org: OrgKey; role: Role; name: string }> = {
  admin: { org: 'H', role: Role.Admin, name: 'Ada Matrixadmin' },
  tl: { org: 'H', role: Role.TeamLeader, name: 'Tove Teamleder' },
  cw: { org: 'H', role: Role.Caseworker, name: 'Carl Sagsbehandler' },
  cw2: { org: 'H', role: Role.Caseworker, name: 'Cecilie Sagsbehandler' },
  m: { org: 'H', role: Role.Mentor, name: 'Mads Mentor' },
  m2: { org: 'H', role: Role.Mentor, name: 'Maja Mentor' },
  tlO: { org: 'O', role: Role.TeamLeader, name: 'Ole Teamleder' },
  cwO: { org: 'O', role: Role.Caseworker, name: 'Olga Sagsbehandler' },
  mO: { org: 'O', role: Role.Mentor, name: 'Otto Mentor' },
  tlX: { org: 'X', role: Role.TeamLeader, name: 'Xenia Teamleder' },
  x: { org: 'X', role: Role.Mentor, name: 'Xavier Mentor' },
  x2: { org: 'X', role: Role.Mentor, name: 'Xena Mentor' },
};

/** Whose course is whose: the citizen's caseworker, the delivering organisation and the mentor. */
export const COURSES: Record<
  CourseKey,
  {
    caseworker: UserKey;
    org: OrgKey;
    mentor: UserKey;
    share: 'active' | 'revoked';
    teamLeaderInvited: boolean;
  }
> = {
  m: { caseworker: 'cw', org: 'H', mentor: 'm', share: 'active', teamLeaderInvited: true },
  m2: { caseworker: 'cw2', org: 'H', mentor: 'm2', share: 'active', teamLeaderInvited: false },
  mO: { caseworker: 'cwO', org: 'O', mentor: 'mO', share: 'active', teamLeaderInvited: true },
  x: { caseworker: 'cw', org: 'X', mentor: 'x', share: 'active', teamLeaderInvited: true },
  // The mentor without a share: what was shared with them has been revoked.
  x2: { caseworker: 'cw2', org: 'X', mentor: 'x2', share: 'revoked', teamLeaderInvited: false },
};

/** The team leader who keeps an organisation's mentors. */
const TEAM_LEADER: Record<OrgKey, UserKey> = { H: 'tl', O: 'tlO', X: 'tlX' };

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A request as the matrix and the builders send it: JSON, a multipart form, or a raw body. */
export interface Call {
  method: string;
  path: string;
  token?: string;
  json?: unknown;
  form?: FormData;
  raw?: { body: Buffer; type: string };
}

export async function send(t: TestApp, call: Call): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (call.token) headers['authorization'] = `Bearer ${call.token}`;
  let body: RequestInit['body'];
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    body = call.form;
  } else if (call.raw) {
    headers['content-type'] = call.raw.type;
    body = new Uint8Array(call.raw.body);
  }
  const response = await fetch(t.baseUrl + call.path, { method: call.method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A multipart form with one file part, as a browser sends an upload. */
export function fileForm(content: Buffer, fileName: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  return form;
}

export interface CourseFixture {
  key: CourseKey;
  id: string;
  grantId: string;
  citizenId: string;
  citizenName: string;
}

/** A shared course: with its contact, accepted report, shared document, message and attachment. */
export interface SharedCourse extends CourseFixture {
  contactId: string;
  reportId: string;
  documentId: string;
  shareId: string;
  messageId: string;
  attachmentId: string;
}

export type MentorRecords = Record<RecordKind, string> & { suggestionId: string };

let cprCounter = 0;

/** A fictional CPR number no other call of this run uses (a birth date per call, one serial). */
export function nextCpr(): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + cprCounter++ * 86_400_000);
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  return `${dd}${mm}${yy}-3791`;
}

let nameCounter = 0;
let recordCounter = 0;

export class World {
  readonly orgs = {} as Record<OrgKey, string>;
  readonly users = {} as Record<UserKey, { id: string; username: string; token: string }>;
  readonly courses = {} as Record<CourseKey, SharedCourse>;
  readonly records = {} as Record<CourseKey, MentorRecords>;
  readonly notifications = {} as Record<UserKey, string>;
  readonly today = todayInDenmark();

  private constructor(
    private readonly t: TestApp,
    /** `a` or `b`: in usernames and names, so the two municipalities' people differ. */
    readonly label: string,
    readonly municipalityId: string,
  ) {}

  /** Builds a municipality's organisations, users and fixtures; `municipalityId` reuses an existing one. */
  static async build(t: TestApp, label: string, municipality: { id?: string; code: number; name: string }) {
    const id =
      municipality.id ??
      (
        await t.db.query<{ id: string }[]>(
          `INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id`,
          [municipality.code, municipality.name],
        )
      )[0]!.id;
    const world = new World(t, label, id);
    await world.seedPeople();
    for (const key of Object.keys(COURSES) as CourseKey[]) world.courses[key] = await world.sharedCourse(key);
    for (const key of Object.keys(COURSES) as CourseKey[])
      world.records[key] = await world.mentorRecords(key);
    for (const key of Object.keys(USERS) as UserKey[])
      world.notifications[key] = await world.notification(key);
    return world;
  }

  // ---------- Calls ----------

  /** Sends as a world user and insists on the status the owner gets; anything else is a broken fixture. */
  async as(user: UserKey, call: Omit<Call, 'token'>, status: number): Promise<any> {
    const answer = await send(this.t, { ...call, token: this.users[user].token });
    if (answer.status !== status)
      throw new Error(
        `fixture ${this.label}.${user} ${call.method} ${call.path}: ${answer.status} ${answer.text.slice(0, 400)}`,
      );
    return answer.body;
  }

  private async seedPeople() {
    for (const [key, org] of Object.entries(ORGS) as [OrgKey, (typeof ORGS)[OrgKey]][]) {
      const [row] = await this.t.db.query<{ id: string }[]>(
        `INSERT INTO organisation (municipality_id, kind, name, version) VALUES ($1, $2, $3, 1) RETURNING id`,
        [this.municipalityId, org.kind, `${org.name} ${this.label.toUpperCase()}`],
      );
      this.orgs[key] = row!.id;
    }
    for (const [key, user] of Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][]) {
      const username = `authz.${this.label}.${key.toLowerCase()}`;
      const id = await this.insertUser(username, user.name, user.role, user.org);
      this.users[key] = { id, username, token: await this.t.login(username) };
    }
  }

  /** A user with the demo password (copied from the demo administrator, so it signs in with "demo"). */
  private async insertUser(username: string, name: string, role: Role, org: OrgKey): Promise<string> {
    const [row] = await this.t.db.query<{ id: string }[]>(
      `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
       VALUES ($1, $2, $3, $4, $5, (SELECT password_hash FROM app_user WHERE username = 'admin'), 1) RETURNING id`,
      [this.municipalityId, this.orgs[org], username, `${name} ${this.label.toUpperCase()}`, role],
    );
    return row!.id;
  }

  /** A new mentor of the organisation of `like` (the password matrix cell ends the mentor's sessions). */
  async freshMentor(like: CourseKey): Promise<string> {
    const n = ++nameCounter;
    return this.insertUser(
      `authz.${this.label}.fresh${n}`,
      `Frisk Mentor ${n}`,
      Role.Mentor,
      USERS[COURSES[like].mentor].org,
    );
  }

  // ---------- Courses ----------

  /** A new citizen of the course's caseworker, with a unique name to search for. */
  async citizen(key: CourseKey): Promise<{ id: string; name: string }> {
    const name = `Borger ${this.label.toUpperCase()}-${key}-${++nameCounter} Matrixsen`;
    const caseworker = COURSES[key].caseworker;
    for (;;) {
      const answer = await send(this.t, {
        method: 'POST',
        path: '/api/citizens',
        token: this.users[caseworker].token,
        json: { name, cpr: nextCpr(), preferredMeetingPlace: 'home' },
      });
      // A CPR number the demo data happens to use: take the next.
      if (answer.status === 409) continue;
      if (answer.status !== 201) throw new Error(`fixture citizen: ${answer.status} ${answer.text}`);
      return { id: answer.body.id, name };
    }
  }

  /** A grant and its course for `key`'s positions, handed over as far as `handover` says. */
  async course(
    key: CourseKey,
    handover: 'none' | 'draft' | 'sent' | 'acknowledged' = 'acknowledged',
    citizen?: { id: string; name: string },
  ): Promise<CourseFixture> {
    const spec = COURSES[key];
    const person = citizen ?? (await this.citizen(key));
    const grant = await this.as(
      spec.caseworker,
      { method: 'POST', path: '/api/grants', json: this.grantBody(key, person.id) },
      201,
    );
    const course: CourseFixture = {
      key,
      id: grant.courseId,
      grantId: grant.id,
      citizenId: person.id,
      citizenName: person.name,
    };
    if (handover !== 'none') await this.handOver(course, handover);
    return course;
  }

  grantBody(key: CourseKey, citizenId: string) {
    const spec = COURSES[key];
    return {
      citizenId,
      mentorType: 'holistic',
      purpose: 'Stabil hverdag og fremmøde',
      tasks: 'Støtte til møder og struktur',
      goals: ['Møde op til aftaler'],
      minutesPerWeek: 120,
      startsOn: addDays(this.today, -30),
      endsOn: addDays(this.today, 120),
      deliveringOrganisationId: this.orgs[spec.org],
      mentorId: this.users[spec.mentor].id,
    };
  }

  /** The course's current packet as its caseworker sees it, completed: a body the packet can be saved with. */
  async handoverDraft(course: CourseFixture): Promise<{ content: unknown; version: number }> {
    const read: CourseHandover = await this.as(
      COURSES[course.key].caseworker,
      { method: 'GET', path: `/api/courses/${course.id}/handover` },
      200,
    );
    return { content: completeContent(read.current!.content), version: read.current!.version };
  }

  private async handOver(course: CourseFixture, until: 'draft' | 'sent' | 'acknowledged') {
    const { caseworker, mentor } = COURSES[course.key];
    const path = `/api/courses/${course.id}/handover`;
    const read: CourseHandover = await this.as(caseworker, { method: 'GET', path }, 200);
    const current = read.current!;
    const saved: CourseHandover = await this.as(
      caseworker,
      { method: 'PUT', path, json: { content: completeContent(current.content), version: current.version } },
      200,
    );
    if (until === 'draft') return;
    const sent: CourseHandover = await this.as(
      caseworker,
      { method: 'POST', path: `${path}/send`, json: { version: saved.current!.version } },
      200,
    );
    if (until === 'sent') return;
    await this.as(
      mentor,
      { method: 'POST', path: `${path}/acknowledge`, json: { version: sent.current!.version } },
      200,
    );
  }

  private async sharedCourse(key: CourseKey): Promise<SharedCourse> {
    const spec = COURSES[key];
    const course = await this.course(key);
    if (spec.teamLeaderInvited)
      await this.as(
        spec.caseworker,
        {
          method: 'PUT',
          path: `/api/courses/${course.id}/messages/settings`,
          json: { teamLeaderInvited: true },
        },
        200,
      );
    const contactId = await this.contact(course);
    const reportId = await this.report(course, 'accepted');
    const documentId = await this.document(course);
    const shareId = await this.share(course, documentId);
    if (spec.share === 'revoked')
      await this.as(spec.caseworker, { method: 'POST', path: `/api/shares/${shareId}/revoke` }, 200);
    const { messageId, attachmentId } = await this.message(course);
    return { ...course, contactId, reportId, documentId, shareId, messageId, attachmentId };
  }

  contactBody(note = 'Samtale om ugens aftaler') {
    return {
      contactDate: addDays(this.today, -1),
      startTime: '10:00',
      minutes: 30,
      form: 'phone',
      showedUp: true,
      topics: [],
      help: [],
      note,
    };
  }

  /** A contact by the course's mentor; `locked` dates it back past its days of editing. */
  async contact(course: CourseFixture, locked = false): Promise<string> {
    const logged = await this.as(
      COURSES[course.key].mentor,
      { method: 'POST', path: `/api/courses/${course.id}/contacts`, json: this.contactBody() },
      201,
    );
    const id: string = logged.contact.id;
    if (locked)
      await this.t.db.query(`UPDATE contact SET created_at = now() - interval '8 days' WHERE id = $1`, [id]);
    return id;
  }

  /** A report by the course's mentor, taken as far as `state` (accepted by the caseworker). */
  async report(course: CourseFixture, state: 'draft' | 'submitted' | 'accepted'): Promise<string> {
    const { mentor, caseworker } = COURSES[course.key];
    const created = await this.as(
      mentor,
      {
        method: 'POST',
        path: `/api/courses/${course.id}/reports`,
        json: { periodTo: addDays(this.today, -1) },
      },
      201,
    );
    if (state === 'draft') return created.id;
    const submitted = await this.as(
      mentor,
      {
        method: 'POST',
        path: `/api/reports/${created.id}/submit`,
        json: { version: created.version, justification: 'Forløbet er netop startet.' },
      },
      200,
    );
    if (state === 'submitted') return created.id;
    await this.as(
      caseworker,
      { method: 'POST', path: `/api/reports/${created.id}/accept`, json: { version: submitted.version } },
      200,
    );
    return created.id;
  }

  /** A PDF document on the course citizen's case, by their caseworker. */
  async document(course: CourseFixture): Promise<string> {
    const item = await this.as(
      COURSES[course.key].caseworker,
      {
        method: 'POST',
        path: `/api/citizens/${course.citizenId}/case-documents`,
        form: fileForm(SAMPLES.pdf, 'handleplan.pdf', { title: 'Handleplan' }),
      },
      201,
    );
    return item.id;
  }

  /** The item shared with the course's mentor on a legal basis. */
  async share(course: CourseFixture, itemId: string): Promise<string> {
    const share = await this.as(
      COURSES[course.key].caseworker,
      { method: 'POST', path: `/api/courses/${course.id}/shares`, json: this.shareBody(itemId) },
      201,
    );
    return share.id;
  }

  shareBody(itemId: string) {
    return { itemId, basis: 'legal_basis', legalBasis: 'Lov om en aktiv beskæftigelsesindsats § 31' };
  }

  /** A note on the course citizen's case (not shared). */
  async note(course: CourseFixture): Promise<string> {
    const item = await this.as(
      COURSES[course.key].caseworker,
      {
        method: 'POST',
        path: `/api/citizens/${course.citizenId}/case-notes`,
        json: { title: 'Notat', body: 'Borgeren ønsker praktik.' },
      },
      201,
    );
    return item.id;
  }

  /** A message by the course's mentor with a PDF attachment. */
  private async message(course: CourseFixture): Promise<{ messageId: string; attachmentId: string }> {
    const mentor = COURSES[course.key].mentor;
    const attachment = await this.as(
      mentor,
      {
        method: 'POST',
        path: `/api/courses/${course.id}/message-attachments`,
        form: fileForm(SAMPLES.pdf, 'aftale.pdf'),
      },
      201,
    );
    const message = await this.as(
      mentor,
      {
        method: 'POST',
        path: `/api/courses/${course.id}/messages`,
        json: { body: 'Vi ses torsdag.', attachmentIds: [attachment.id] },
      },
      201,
    );
    return { messageId: message.id, attachmentId: attachment.id };
  }

  // ---------- Workforce ----------

  /** A valid record of the kind; every call another date, since a mentor's records are unique by date. */
  recordBody(kind: RecordKind): Record<string, unknown> {
    const day = addDays(this.today, -1 - (++recordCounter % 300));
    switch (kind) {
      case 'trainings':
        return { kind: 'municipal_basic_training', provider: 'Kommunen', lengthDays: 3, completedOn: day };
      case 'certifications':
        return { certifiedOn: day, renewalDueOn: addDays(this.today, 365), basis: ['education'] };
      case 'upskilling':
        return { topic: 'motivational_resource', offeredOn: day, taken: false };
      case 'supervision':
        return { kind: 'collegial_sparring', heldOn: day };
    }
  }

  /** A record of the course mentor's, kept by their organisation's team leader. */
  async record(key: CourseKey, kind: RecordKind): Promise<string> {
    const spec = COURSES[key];
    const created = await this.as(
      TEAM_LEADER[spec.org],
      {
        method: 'POST',
        path: `/api/workforce/mentors/${this.users[spec.mentor].id}/${kind}`,
        json: this.recordBody(kind),
      },
      201,
    );
    return created.id;
  }

  /** A pending profile suggestion by the course's mentor. */
  async suggestion(key: CourseKey): Promise<string> {
    const created = await this.as(
      COURSES[key].mentor,
      { method: 'POST', path: '/api/me/mentor-profile/suggestions', json: { specialisations: ['ADHD'] } },
      201,
    );
    return created.id;
  }

  private async mentorRecords(key: CourseKey): Promise<MentorRecords> {
    const records = {} as MentorRecords;
    for (const kind of ['trainings', 'certifications', 'upskilling', 'supervision'] as const)
      records[kind] = await this.record(key, kind);
    records.suggestionId = await this.suggestion(key);
    return records;
  }

  teamLeaderOf(key: CourseKey): UserKey {
    return TEAM_LEADER[COURSES[key].org];
  }

  /** A notification of the user's own (inserted: not every role is notified of something). */
  private async notification(user: UserKey): Promise<string> {
    const [row] = await this.t.db.query<{ id: string }[]>(
      `INSERT INTO notification (municipality_id, user_id, kind, course_id, report_id, payload, key)
       VALUES ($1, $2, 'message_received', NULL, NULL, '{}', $3) RETURNING id`,
      [this.municipalityId, this.users[user].id, `authz:${this.users[user].id}`],
    );
    return row!.id;
  }

  organisationOf(user: UserKey): OrgKey {
    return USERS[user].org;
  }
}
