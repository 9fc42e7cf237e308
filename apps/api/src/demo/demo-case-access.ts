import { addDays, CaseItemKind, NotificationKind, type Role, ShareBasis } from '@mentor/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { danishDate } from '../common/danish-format';
import { pdfWriter } from '../common/pdf';
import type { StoredFile } from '../files/stored-file.entity';
import { insertRows } from './demo-mentoring';

/**
 * Demo data of case access and messages, on `sagsbehandler.cji`'s caseload: case notes and
 * documents, shares with the external mentor `mentor.mentorhuset1` and the internal mentor
 * `mentor.cji1` (one share revoked), and message threads with read receipts, one where the mentor
 * asks for sparring. The audit trail gets what these steps record in the product, so the citizens'
 * access logs have content. Everything is fictional.
 */

/** A demo user as the seed acts for them. */
export interface DemoActor {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
}

/** Stores a demo file through the FileStore (checked and encrypted like an upload) in the seed's transaction. */
export type DemoFileStore = (owner: DemoActor, fileName: string, content: Buffer) => Promise<StoredFile>;

interface DemoCourse {
  courseId: string;
  citizenId: string;
  firstName: string;
  endsOn: string;
  mentorUsername: string;
  mentor: DemoActor;
  caseworker: DemoActor;
}

type ShareGround = { consentGivenOn: string; consentScope: string } | { legalBasis: string };

const CASEWORKER = 'sagsbehandler.cji';
const EXTERNAL_MENTOR = 'mentor.mentorhuset1';
const INTERNAL_MENTOR = 'mentor.cji1';

/** A legal basis without consent, as a caseworker names it. */
const PUBLIC_TASK =
  'Myndighedsudøvelse i beskæftigelsesindsatsen, jf. databeskyttelsesforordningens art. 6, stk. 1, litra e';

/**
 * Seeds the case items, shares and threads. Runs only while the municipality has neither case items
 * nor messages, and only when the demo caseworker's courses with both demo mentors exist.
 */
export async function seedDemoCaseAccess(
  tx: EntityManager,
  municipalityId: string,
  store: DemoFileStore,
  today: string,
): Promise<number> {
  const [{ used }] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM case_item WHERE municipality_id = $1)
         OR EXISTS (SELECT 1 FROM message WHERE municipality_id = $1) AS used`,
    [municipalityId],
  );
  if (used) return 0;
  const courses = await demoCourses(tx, municipalityId, today);
  const [external, secondExternal] = courses.filter((c) => c.mentorUsername === EXTERNAL_MENTOR);
  const internal = courses.find((c) => c.mentorUsername === INTERNAL_MENTOR);
  if (!external || !internal) return 0;
  const history = new DemoHistory(municipalityId, today);
  await externalCourse(history, store, external);
  if (secondExternal) secondExternalCourse(history, secondExternal);
  await internalCourse(history, store, internal);
  return history.insert(tx);
}

/**
 * The first external course: a job plan shared on consent and read by the mentor, a note on a legal
 * basis, health notes shared by mistake and revoked the next day, an internal note not shared, and
 * a thread with an attachment and the mentor's latest message not yet read by the caseworker.
 */
async function externalCourse(h: DemoHistory, store: DemoFileStore, course: DemoCourse): Promise<void> {
  const { caseworker, mentor, firstName } = course;
  const plan = await store(
    caseworker,
    'jobplan.pdf',
    await demoPdf('Jobplan', [
      `Jobplan for ${firstName}, aftalt med jobcentret den ${danishDate(addDays(h.today, -21))}.`,
      'Mål: Komme i virksomhedspraktik inden for byggeri eller lager, 15 timer om ugen.',
      'Skridt: Møde stabilt op til aftaler med mentor; undersøge praktiksteder sammen med mentor; ' +
        'opfølgning hos sagsbehandler hver fjerde uge.',
      'Hensyn: Sover dårligt og har lav energi om formiddagen – møder helst efter kl. 10.',
    ]),
  );
  const planId = h.item(course, h.at(20, '09:05'), { title: 'Jobplan', file: plan });
  const planShare = h.share(
    course,
    planId,
    h.at(20, '09:20'),
    {
      consentGivenOn: addDays(h.today, -21),
      consentScope: 'Jobplanen og aftaler om praktik må deles med mentoren hos Mentorhuset ApS.',
    },
    { seenAt: h.at(19, '10:01') },
  );
  h.mentorOpens(course, planShare, h.at(19, '10:02'), 'share.download');

  const agreementsId = h.item(course, h.at(20, '09:12'), {
    title: 'Aftaler om praktik',
    body:
      `${firstName} vil gerne i praktik i et byggemarked eller på et lager. Vi har aftalt, at mentor ` +
      'hjælper med at finde to–tre mulige steder, og at jobcentret tager den første kontakt til virksomheden.',
  });
  const agreementsShare = h.share(
    course,
    agreementsId,
    h.at(20, '09:22'),
    { legalBasis: PUBLIC_TASK },
    { seenAt: h.at(19, '10:01') },
  );
  h.mentorOpens(course, agreementsShare, h.at(19, '10:05'), 'share.read');

  const health = await store(
    caseworker,
    'helbred-udkast.txt',
    Buffer.from(
      'Udkast: oplysninger fra egen læge om søvn og medicin. Kun til sagsbehandlerens brug.\n' +
        'Demodata: personer og oplysninger er opdigtede.\n',
      'utf8',
    ),
  );
  const healthId = h.item(course, h.at(12, '14:30'), { title: 'Helbredsoplysninger (udkast)', file: health });
  // Shared by mistake, revoked the next morning before the mentor looked.
  h.share(course, healthId, h.at(12, '14:35'), { legalBasis: PUBLIC_TASK }, { revokedAt: h.at(11, '08:40') });
  h.item(course, h.at(12, '14:50'), {
    title: 'Intern vurdering',
    body: 'Vurdering af rådighed og næste skridt i sagen. Deles ikke med mentoren.',
  });

  h.message(
    course,
    caseworker,
    h.at(19, '09:10'),
    `Hej ${mentor.name.split(' ')[0]}. Jeg har delt jobplanen og vores aftaler om praktik med dig under »Delte sagsdele«. Sig til, hvis du mangler noget.`,
    h.at(19, '10:00'),
  );
  h.message(
    course,
    mentor,
    h.at(19, '13:40'),
    `Tak, ${caseworker.name.split(' ')[0]}. Jeg har læst dem. Vi mødes på biblioteket torsdag, og jeg tager jobplanen med.`,
    h.at(19, '15:12'),
  );
  const weekPlan = await store(
    mentor,
    'ugeplan.txt',
    Buffer.from(
      'Ugeplan\nMandag: gåtur kl. 11\nTirsdag: møde med mentor kl. 13\nTorsdag: jobsøgning på biblioteket kl. 10\n' +
        'Demodata: personer og oplysninger er opdigtede.\n',
      'utf8',
    ),
  );
  const withPlan = h.message(
    course,
    mentor,
    h.at(4, '15:05'),
    `${firstName} har lavet en ugeplan sammen med mig – den er vedhæftet. ${firstName} vil helst i praktik i et byggemarked.`,
    h.at(3, '09:48'),
  );
  h.attach(course, withPlan, weekPlan, mentor, h.at(4, '15:01'), h.at(3, '09:49'));
  h.message(
    course,
    caseworker,
    h.at(3, '10:20'),
    'Godt nyt! Jeg undersøger, om vi har en virksomhed i den retning, og vender tilbage i næste uge.',
    h.at(3, '12:31'),
  );
  h.message(
    course,
    mentor,
    h.at(1, '11:15'),
    `Super. ${firstName} spørger, om praktikken kan begynde efter efterårsferien?`,
    null,
  );
}

/** The second external course: a contact note shared on consent, and the caseworker's message unread by the mentor. */
function secondExternalCourse(h: DemoHistory, course: DemoCourse): void {
  const noteId = h.item(course, h.at(6, '13:00'), {
    title: 'Kontakt og mødeaftaler',
    body:
      `${course.firstName} har fået nyt telefonnummer: 20 00 00 00 (fiktivt). Ring helst mellem kl. 12 og 15; ` +
      'sms virker bedst dagen før et møde.',
  });
  h.share(course, noteId, h.at(6, '13:05'), {
    consentGivenOn: addDays(h.today, -7),
    consentScope: 'Telefonnummer og aftaler om kontakt må deles med mentoren.',
  });
  h.message(
    course,
    course.caseworker,
    h.at(2, '08:55'),
    `Hej ${course.mentor.name.split(' ')[0]}. ${course.firstName} har fået nyt telefonnummer – det står i notatet, jeg har delt med dig.`,
    null,
  );
}

/**
 * The internal course, whose citizen has gone quiet: a meeting plan shared on a legal basis and a
 * note on consent, and the mentor's two unread messages asking for sparring (the caseload's flag).
 */
async function internalCourse(h: DemoHistory, store: DemoFileStore, course: DemoCourse): Promise<void> {
  const { caseworker, mentor, firstName } = course;
  const meetings = await store(
    caseworker,
    'moedeplan.pdf',
    await demoPdf('Mødeplan', [
      `Mødeplan for ${firstName} i de kommende uger.`,
      'Opfølgningssamtale på jobcentret hver fjerde uge, næste gang om to uger kl. 10.',
      'Mentor og borger mødes to gange om ugen, gerne uden for hjemmet.',
      'Ved udeblivelse: mentor kontakter borgeren samme dag og giver sagsbehandleren besked.',
    ]),
  );
  const planId = h.item(course, h.at(18, '11:00'), { title: 'Mødeplan', file: meetings });
  const planShare = h.share(
    course,
    planId,
    h.at(18, '11:10'),
    { legalBasis: PUBLIC_TASK },
    { seenAt: h.at(18, '13:29') },
  );
  h.mentorOpens(course, planShare, h.at(18, '13:30'), 'share.download');
  const backgroundId = h.item(course, h.at(18, '11:05'), {
    title: 'Baggrund fra tidligere forløb',
    body:
      'Et tidligere mentorforløb fungerede godt, så længe møderne var korte og faste. ' +
      `${firstName} bliver let overvældet af mange aftaler på én gang.`,
  });
  const backgroundShare = h.share(
    course,
    backgroundId,
    h.at(18, '11:12'),
    {
      consentGivenOn: addDays(h.today, -19),
      consentScope: 'Oplysninger om tidligere forløb må deles med mentoren.',
    },
    { seenAt: h.at(18, '13:29') },
  );
  h.mentorOpens(course, backgroundShare, h.at(18, '13:34'), 'share.read');

  h.message(
    course,
    mentor,
    h.at(5, '14:00'),
    `Hej ${caseworker.name.split(' ')[0]}. ${firstName} er ikke mødt op de sidste to gange og tager ikke telefonen. ` +
      'Jeg har sendt en sms og lagt en seddel i postkassen.',
    null,
  );
  h.message(
    course,
    mentor,
    h.at(2, '09:30'),
    'Jeg har sat »Brug for sparring« på forløbet – kan vi tage en snak om, hvordan vi kommer videre? ' +
      'Jeg kan tirsdag eller onsdag formiddag.',
    null,
  );
  h.askForSparring(course, h.at(2, '09:31'));
}

/** A one-page fictional document, marked as demo data. */
async function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  const pdf = pdfWriter(title, 56);
  pdf.doc.font('Helvetica-Bold').fontSize(18);
  pdf.text(title);
  pdf.doc.font('Helvetica').fontSize(11).moveDown(0.6);
  for (const line of lines) pdf.text(line, { paragraphGap: 4 });
  pdf.doc.moveDown(1).fontSize(9);
  pdf.text('Demodata: personer og oplysninger er opdigtede.');
  return pdf.end();
}

/** The demo caseworker's active courses with the two demo mentors, begun three weeks ago or more. */
async function demoCourses(tx: EntityManager, municipalityId: string, today: string): Promise<DemoCourse[]> {
  const rows: (Omit<DemoCourse, 'mentor' | 'caseworker'> & Record<string, string>)[] = await tx.query(
    `SELECT co.id AS "courseId", ci.id AS "citizenId", split_part(ci.name, ' ', 1) AS "firstName",
            to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn", m.username AS "mentorUsername",
            m.id AS "mentorId", m.name AS "mentorName", m.role AS "mentorRole",
            m.organisation_id AS "mentorOrganisationId", cw.id AS "caseworkerId", cw.name AS "caseworkerName",
            cw.role AS "caseworkerRole", cw.organisation_id AS "caseworkerOrganisationId"
       FROM mentor_course co
       JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
       JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
       JOIN app_user m ON m.id = co.mentor_id
       JOIN app_user cw ON cw.id = ci.caseworker_id
      WHERE co.municipality_id = $1 AND co.status = 'active'
        AND g.starts_on <= $2::date - 21 AND g.ends_on > $2::date
        AND cw.username = $3 AND m.username IN ($4, $5)
      ORDER BY g.starts_on, co.id`,
    [municipalityId, today, CASEWORKER, EXTERNAL_MENTOR, INTERNAL_MENTOR],
  );
  const actor = (r: Record<string, string>, who: 'mentor' | 'caseworker'): DemoActor => ({
    id: r[`${who}Id`] as string,
    name: r[`${who}Name`] as string,
    role: r[`${who}Role`] as Role,
    organisationId: r[`${who}OrganisationId`] as string,
  });
  return rows.map((r) => ({
    courseId: r.courseId,
    citizenId: r.citizenId,
    firstName: r.firstName,
    endsOn: r.endsOn,
    mentorUsername: r.mentorUsername,
    mentor: actor(r, 'mentor'),
    caseworker: actor(r, 'caseworker'),
  }));
}

/**
 * The demo's history as rows, each step with its time and the audit records and notifications the
 * product makes for it; inserted table by table at the end.
 */
class DemoHistory {
  private readonly caseItems: unknown[][] = [];
  private readonly shares: unknown[][] = [];
  private readonly threads: unknown[][] = [];
  private readonly messages: unknown[][] = [];
  private readonly reads: unknown[][] = [];
  private readonly attachments: unknown[][] = [];
  private readonly notifications: unknown[][] = [];
  private readonly audit: unknown[][] = [];
  private readonly fileTimes: [string, string][] = [];

  constructor(
    private readonly municipalityId: string,
    readonly today: string,
  ) {}

  /** A Danish time `daysAgo` days before today, as timestamptz input. */
  at(daysAgo: number, time: string): string {
    return `${addDays(this.today, -daysAgo)} ${time}:00 Europe/Copenhagen`;
  }

  /** A note or a stored document the caseworker puts on the citizen's case. */
  item(
    course: DemoCourse,
    at: string,
    item: { title: string; body: string } | { title: string; file: StoredFile },
  ) {
    const id = randomUUID();
    const kind = 'file' in item ? CaseItemKind.Document : CaseItemKind.Note;
    const fileId = 'file' in item ? item.file.id : null;
    this.caseItems.push([
      id,
      this.municipalityId,
      course.citizenId,
      kind,
      item.title,
      'body' in item ? item.body : null,
      fileId,
      course.caseworker.id,
      at,
      at,
    ]);
    if (fileId) this.fileTimes.push([fileId, at]);
    this.record(course.caseworker, at, 'case_item.create', course, ['case_item', id], { kind });
    return id;
  }

  /**
   * The caseworker shares an item with the course's mentor until the course ends, or revokes it at
   * `revokedAt`; the mentor read the notification at `seenAt` (null: not yet).
   */
  share(
    course: DemoCourse,
    itemId: string,
    at: string,
    ground: ShareGround,
    { seenAt = null, revokedAt = null }: { seenAt?: string | null; revokedAt?: string | null } = {},
  ) {
    const id = randomUUID();
    const consent = 'consentGivenOn' in ground;
    const basis = consent ? ShareBasis.Consent : ShareBasis.LegalBasis;
    this.shares.push([
      id,
      this.municipalityId,
      course.courseId,
      course.mentor.id,
      itemId,
      basis,
      consent ? null : ground.legalBasis,
      consent ? ground.consentGivenOn : null,
      consent ? ground.consentScope : null,
      course.endsOn,
      revokedAt,
      revokedAt ? course.caseworker.id : null,
      course.caseworker.id,
      at,
      revokedAt ?? at,
    ]);
    this.record(course.caseworker, at, 'share.create', course, ['case_share', id], {
      itemId,
      courseId: course.courseId,
      basis,
    });
    this.notify(course.mentor.id, NotificationKind.ItemShared, course, id, at, seenAt);
    if (revokedAt) this.record(course.caseworker, revokedAt, 'share.revoke', course, ['case_share', id]);
    return id;
  }

  /** The mentor opens the shared items and reads (`share.read`) or downloads (`share.download`) one. */
  mentorOpens(course: DemoCourse, shareId: string, at: string, action: 'share.read' | 'share.download') {
    this.record(course.mentor, at, 'share.list', course, ['course', course.courseId]);
    this.record(course.mentor, at, action, course, ['case_share', shareId]);
  }

  /** A message of the thread, read by the other participant at `readAt` (null: not yet). */
  message(course: DemoCourse, author: DemoActor, at: string, body: string, readAt: string | null) {
    const id = randomUUID();
    const reader = author.id === course.mentor.id ? course.caseworker : course.mentor;
    this.messages.push([id, this.municipalityId, course.courseId, author.id, body, at]);
    this.record(author, at, 'message.create', course, ['message', id]);
    this.notify(reader.id, NotificationKind.MessageReceived, course, id, at, readAt);
    if (readAt) {
      this.reads.push([this.municipalityId, id, reader.id, readAt]);
      this.record(reader, readAt, 'message.list', course, ['mentor_course', course.courseId]);
    }
    return id;
  }

  /** A file sent with a message, uploaded at `at` and downloaded by the other participant at `downloadedAt`. */
  attach(
    course: DemoCourse,
    messageId: string,
    file: StoredFile,
    uploader: DemoActor,
    at: string,
    downloadedAt: string,
  ) {
    const id = randomUUID();
    this.attachments.push([
      id,
      this.municipalityId,
      course.courseId,
      messageId,
      file.id,
      uploader.id,
      at,
      at,
    ]);
    this.fileTimes.push([file.id, at]);
    this.record(uploader, at, 'message.attachment_upload', course, ['message_attachment', id]);
    const reader = uploader.id === course.mentor.id ? course.caseworker : course.mentor;
    this.record(reader, downloadedAt, 'message.download', course, ['message_attachment', id]);
  }

  /** The mentor turns "needs sparring" on; the caseworker is notified. */
  askForSparring(course: DemoCourse, at: string) {
    // Version 2: the row made at version 1, then changed, as MessagesService.changeSettings does.
    this.threads.push([this.municipalityId, course.courseId, true, course.mentor.id, at, 2, at, at]);
    this.record(course.mentor, at, 'message.settings', course, ['mentor_course', course.courseId], {
      needsSparring: true,
    });
    this.notify(
      course.caseworker.id,
      NotificationKind.SparringRequested,
      course,
      `${course.courseId}:2`,
      at,
      null,
    );
  }

  async insert(tx: EntityManager): Promise<number> {
    await insertRows(
      tx,
      'case_item',
      [
        'id',
        'municipality_id',
        'citizen_id',
        'kind',
        'title',
        'body',
        'stored_file_id',
        'created_by',
        'created_at',
        'updated_at',
      ],
      this.caseItems,
    );
    await insertRows(
      tx,
      'case_share',
      [
        'id',
        'municipality_id',
        'course_id',
        'mentor_id',
        'item_id',
        'basis',
        'legal_basis',
        'consent_given_on',
        'consent_scope',
        'expires_on',
        'revoked_at',
        'revoked_by',
        'shared_by',
        'created_at',
        'updated_at',
      ],
      this.shares,
    );
    await insertRows(
      tx,
      'message_thread',
      [
        'municipality_id',
        'course_id',
        'needs_sparring',
        'needs_sparring_set_by',
        'needs_sparring_set_at',
        'version',
        'created_at',
        'updated_at',
      ],
      this.threads,
    );
    await insertRows(
      tx,
      'message',
      ['id', 'municipality_id', 'course_id', 'author_id', 'body', 'created_at'],
      this.messages,
    );
    await insertRows(tx, 'message_read', ['municipality_id', 'message_id', 'user_id', 'read_at'], this.reads);
    await insertRows(
      tx,
      'message_attachment',
      [
        'id',
        'municipality_id',
        'course_id',
        'message_id',
        'stored_file_id',
        'uploaded_by',
        'created_at',
        'updated_at',
      ],
      this.attachments,
    );
    await insertRows(
      tx,
      'notification',
      ['municipality_id', 'user_id', 'kind', 'course_id', 'payload', 'key', 'created_at', 'read_at'],
      this.notifications,
    );
    await insertRows(
      tx,
      'audit_event',
      [
        'municipality_id',
        'user_id',
        'actor_role',
        'actor_organisation_id',
        'at',
        'action',
        'citizen_ids',
        'entity_type',
        'entity_id',
        'details',
      ],
      this.audit,
    );
    // The files were stored just now; their rows get the time of the upload they stand for.
    for (const [id, at] of this.fileTimes) {
      await tx.query('UPDATE stored_file SET created_at = $3 WHERE municipality_id = $1 AND id = $2', [
        this.municipalityId,
        id,
        at,
      ]);
    }
    return (
      this.caseItems.length +
      this.shares.length +
      this.threads.length +
      this.messages.length +
      this.reads.length +
      this.attachments.length +
      this.notifications.length
    );
  }

  private record(
    actor: DemoActor,
    at: string,
    action: string,
    course: DemoCourse,
    [entityType, entityId]: [string, string],
    details: object | null = null,
  ) {
    this.audit.push([
      this.municipalityId,
      actor.id,
      actor.role,
      actor.organisationId,
      at,
      action,
      [course.citizenId],
      entityType,
      entityId,
      details ? JSON.stringify(details) : null,
    ]);
  }

  private notify(
    userId: string,
    kind: NotificationKind,
    course: DemoCourse,
    event: string,
    at: string,
    readAt: string | null,
  ) {
    this.notifications.push([
      this.municipalityId,
      userId,
      kind,
      course.courseId,
      '{}',
      `${kind}:${event}`,
      at,
      readAt,
    ]);
  }
}
