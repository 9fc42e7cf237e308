import {
  addDays,
  addWorkingDays,
  ContactForm,
  emptyHandoverContent,
  HANDOVER_ACKNOWLEDGE_WORKING_DAYS,
  type HandoverContent,
  HandoverSource,
  HandoverStatus,
  maskCpr,
  MeetingPlace,
  MentorType,
  NotificationKind,
  OtherActorKind,
  TargetGroup,
} from '@mentor/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CprCipher } from '../citizens/cpr-cipher';
import { insertCourses, insertRows } from './demo-mentoring';

/** Fictional case stories a packet is written from; every demo course gets one in turn. */
const STORIES: Omit<HandoverContent, 'purpose' | 'goals' | 'contactPreferences' | 'courseSoFar'>[] = [
  {
    background:
      'Borgeren er først i 40’erne og har været ledig i fire år efter en lang sygemelding med stress. Bor alene i lejlighed og har en voksen datter. Har arbejdet på lager og vil gerne tilbage til fysisk arbejde.',
    knownBarriers:
      'Sover dårligt og har lav energi om formiddagen. Bliver let overvældet af breve fra det offentlige og åbner dem ikke.',
    triedBefore:
      'Virksomhedspraktik i et supermarked – stoppede efter tre uger på grund af fravær. Et samtaleforløb hos psykolog hjalp godt.',
    safetyNotes: '',
    otherActors: [
      { kind: OtherActorKind.Doctor, name: 'Egen læge', contact: 'Via borgeren' },
      { kind: OtherActorKind.Treatment, name: 'Psykolog (afsluttet forløb)', contact: '' },
    ],
    firstSteps: [
      'Første møde ude: en kop kaffe på biblioteket',
      'Lave en ugeplan sammen med borgeren',
      'Gennemgå post fra kommunen sammen',
    ],
  },
  {
    background:
      'Borgeren er midt i 40’erne, har ikke haft fast arbejde i seks år og har haft flere afbrudte aktiveringsforløb. Bor midlertidigt hos en ven.',
    knownBarriers:
      'Gæld og intet overblik over økonomien. Ingen fast adresse, hvilket gør det svært at holde aftaler.',
    triedBefore:
      'To aktiveringstilbud er afbrudt. Har været hos gældsrådgivningen én gang, men mødte ikke op til opfølgningen.',
    safetyNotes: '',
    otherActors: [
      {
        kind: OtherActorKind.HousingSupport,
        name: 'Bostøtte, Center Nord',
        contact: 'Kontaktperson via sagsbehandleren',
      },
    ],
    firstSteps: [
      'Tage med til gældsrådgivningen',
      'Hjælpe med at blive skrevet op til en bolig',
      'Aftale faste mødetider hver uge',
    ],
  },
  {
    background:
      'Borgeren er først i 30’erne og har afbrudt en erhvervsuddannelse som tømrer. Har siden haft korte vikarjob. Er god med hænderne og interesseret i byggeri.',
    knownBarriers:
      'Social angst i nye sammenhænge; trækker sig, når der kommer mange aftaler. Tager ikke telefonen fra ukendte numre.',
    triedBefore:
      'Et mentorforløb for to år siden fungerede godt, så længe møderne var få, korte og uden for hjemmet.',
    safetyNotes:
      'Mød ikke alene i hjemmet: der har været konflikter med en tidligere samlever, som stadig kommer på adressen.',
    otherActors: [
      {
        kind: OtherActorKind.Psychiatry,
        name: 'Distriktspsykiatrien',
        contact: 'Kun efter aftale med borgeren',
      },
    ],
    firstSteps: ['Sende en sms dagen før hvert møde', 'Besøge en byggeplads i praktik-øjemed sammen'],
  },
  {
    background:
      'Borgeren er først i 50’erne og har arbejdet som rengøringsassistent i mange år. Har nu smerter i ryg og skuldre og er motiveret for et job med lettere opgaver.',
    knownBarriers: 'Kroniske smerter; kan ikke stå eller gå længe ad gangen. Usikker på egne kompetencer.',
    triedBefore: 'Arbejdsprøvning hos en kommunal arbejdsgiver, hvor borgeren holdt til 10 timer om ugen.',
    safetyNotes: '',
    otherActors: [
      { kind: OtherActorKind.Doctor, name: 'Egen læge', contact: '' },
      {
        kind: OtherActorKind.Family,
        name: 'Voksen søn',
        contact: 'Må kontaktes, hvis borgeren ikke møder op (borgeren har givet samtykke)',
      },
    ],
    firstSteps: [
      'Lave en liste over hvad borgeren kan og gerne vil',
      'Tage med til lægen om en funktionsbeskrivelse',
    ],
  },
];

const TIMES = [
  'Formiddage efter kl. 10, ikke mandag',
  'Eftermiddage, helst faste dage',
  'Tirsdag og torsdag formiddag',
];

interface DemoPeriod {
  courseId: string;
  periodId: string;
  mentorId: string;
  caseworkerId: string;
  purpose: string;
  goals: { id: string; text: string }[];
  meetingPlace: MeetingPlace;
  meetingPlaceReason: string | null;
  startsOn: string;
}

function packetContent(period: DemoPeriod, index: number): HandoverContent {
  const story = STORIES[index % STORIES.length] as (typeof STORIES)[number];
  const atHome = period.meetingPlace === MeetingPlace.Home;
  return {
    ...emptyHandoverContent(),
    ...story,
    purpose: period.purpose,
    goals: period.goals.map((goal) => goal.text),
    contactPreferences: {
      meetingPlace: period.meetingPlace,
      meetingPlaceReason: period.meetingPlaceReason ?? '',
      times: TIMES[index % TIMES.length] as string,
      forms: atHome
        ? [ContactForm.InPersonHome, ContactForm.Phone]
        : [ContactForm.InPersonElsewhere, ContactForm.Sms],
    },
  };
}

/**
 * Demo handover packets: every demo course's mentor acknowledged the caseworker's packet before the
 * course started; a new course of `mentor.mentorhuset1` (an external provider), without contacts
 * yet, has a packet sent today and not yet acknowledged. Runs only while the municipality has no
 * packets (a demo database made before packets got `migrated` ones from the migration instead).
 */
export async function seedDemoHandovers(
  tx: EntityManager,
  municipalityId: string,
  cipher: CprCipher,
  today: string,
): Promise<number> {
  const [{ n }] = await tx.query(
    'SELECT count(*)::int AS n FROM handover_packet WHERE municipality_id = $1',
    [municipalityId],
  );
  if (n > 0) return 0;
  const pending = await seedPendingCourse(tx, municipalityId, cipher, today);
  const periods: DemoPeriod[] = await tx.query(
    `SELECT co.id AS "courseId", mp.id AS "periodId", mp.mentor_id AS "mentorId", ci.caseworker_id AS "caseworkerId",
            g.purpose, g.goals, ci.preferred_meeting_place AS "meetingPlace",
            ci.meeting_place_reason AS "meetingPlaceReason", to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn"
       FROM mentor_course co
       JOIN mentor_grant g ON g.id = co.grant_id
       JOIN citizen ci ON ci.id = g.citizen_id
       JOIN LATERAL (SELECT p.id, p.mentor_id FROM course_mentor_period p WHERE p.course_id = co.id
                      ORDER BY p.from_date DESC, p.created_at DESC LIMIT 1) mp ON mp.mentor_id = co.mentor_id
      WHERE co.municipality_id = $1
      ORDER BY g.starts_on, co.id`,
    [municipalityId],
  );
  const rows: unknown[][] = [];
  periods.forEach((period, index) => {
    const content = JSON.stringify(packetContent(period, index));
    const base = [
      municipalityId,
      period.courseId,
      period.mentorId,
      period.periodId,
      HandoverSource.Grant,
      content,
    ];
    if (period.courseId === pending?.courseId) {
      const sentAt = new Date().toISOString();
      const due = addWorkingDays(today, HANDOVER_ACKNOWLEDGE_WORKING_DAYS);
      rows.push([
        ...base,
        HandoverStatus.Sent,
        period.caseworkerId,
        sentAt,
        period.caseworkerId,
        due,
        null,
        null,
      ]);
      return;
    }
    // Handed over a few days before the course started, acknowledged the next day.
    const sentOn = addDays(period.startsOn, -3);
    rows.push([
      ...base,
      HandoverStatus.Acknowledged,
      period.caseworkerId,
      `${sentOn}T10:00:00+01:00`,
      period.caseworkerId,
      addWorkingDays(sentOn, HANDOVER_ACKNOWLEDGE_WORKING_DAYS),
      `${addDays(sentOn, 1)}T09:15:00+01:00`,
      period.mentorId,
    ]);
  });
  await insertRows(
    tx,
    'handover_packet',
    [
      'municipality_id',
      'course_id',
      'mentor_id',
      'mentor_period_id',
      'source',
      'content',
      'status',
      'created_by',
      'sent_at',
      'sent_by',
      'acknowledge_by',
      'acknowledged_at',
      'acknowledged_by',
    ],
    rows,
    'version',
    1,
  );
  if (pending) {
    await tx.query(
      `INSERT INTO notification (municipality_id, user_id, kind, course_id, payload, key)
       SELECT hp.municipality_id, hp.mentor_id, $2::varchar, hp.course_id,
              jsonb_build_object('dueOn', to_char(hp.acknowledge_by, 'YYYY-MM-DD')), $2::varchar || ':' || hp.id
         FROM handover_packet hp WHERE hp.course_id = $1`,
      [pending.courseId, NotificationKind.HandoverSent],
    );
  }
  return rows.length + (pending ? 4 : 0);
}

/** A citizen just granted a course with `mentor.mentorhuset1`, with no contacts yet. */
async function seedPendingCourse(
  tx: EntityManager,
  municipalityId: string,
  cipher: CprCipher,
  today: string,
): Promise<{ courseId: string } | null> {
  const [people]: { mentorId: string; organisationId: string; caseworkerId: string }[] = await tx.query(
    `SELECT m.id AS "mentorId", m.organisation_id AS "organisationId", c.id AS "caseworkerId"
       FROM app_user m, app_user c
      WHERE m.municipality_id = $1 AND m.username = 'mentor.mentorhuset1'
        AND c.municipality_id = $1 AND c.username = 'sagsbehandler.cji'`,
    [municipalityId],
  );
  if (!people) return null;
  const citizenId = randomUUID();
  const grantId = randomUUID();
  const courseId = randomUUID();
  // Day 30 never comes out of the other demo citizens' generator (days 1–28): no clash.
  const digits = '3008874410';
  await insertCourses(tx, {
    citizens: [
      [
        citizenId,
        municipalityId,
        'Vibeke Skitsesen',
        cipher.encrypt(digits),
        cipher.hash(digits),
        maskCpr(digits),
        MeetingPlace.OutOfHome,
        'Vil helst mødes på neutral grund',
        TargetGroup.ActivityReadyCashBenefit30Plus,
        people.caseworkerId,
      ],
    ],
    grants: [
      [
        grantId,
        municipalityId,
        citizenId,
        people.caseworkerId,
        MentorType.Holistic,
        'Borgeren skal have støtte til at komme ud af isolationen og i gang med et aktiveringstilbud.',
        'Ugentlige møder uden for hjemmet, hjælp til at holde aftaler og kontakt til relevante instanser.',
        JSON.stringify([
          { id: randomUUID(), text: 'Komme ud af hjemmet mindst to gange om ugen' },
          { id: randomUUID(), text: 'Starte i et aktiveringstilbud' },
        ]),
        today,
        addDays(today, 150),
        people.organisationId,
      ],
    ],
    minutes: [[municipalityId, grantId, 60, today, people.caseworkerId]],
    courses: [[courseId, municipalityId, grantId, people.organisationId, people.mentorId]],
    periods: [[municipalityId, courseId, people.mentorId, today, people.caseworkerId]],
  });
  return { courseId };
}
