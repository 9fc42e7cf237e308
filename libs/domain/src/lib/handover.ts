/**
 * The caseworker–mentor handover packet (study section 3.5): what the mentor needs to know to start,
 * written by the citizen's caseworker when a course starts or its mentor changes, and acknowledged
 * by the mentor before the first contact.
 */
import type { ContactForm, MeetingPlace } from './mentoring';

export enum HandoverStatus {
  /** Being written by the caseworker; the mentor does not see it. */
  Draft = 'draft',
  /** Sent to the mentor, awaiting acknowledgement. */
  Sent = 'sent',
  Acknowledged = 'acknowledged',
}

export const HANDOVER_STATUSES = Object.values(HandoverStatus);

/** Where a packet's pre-filled content came from. */
export enum HandoverSource {
  /** A course's first mentor: pre-filled from the grant and the citizen. */
  Grant = 'grant',
  /** A change of mentor: pre-filled from the course (latest accepted report, last contacts, next steps). */
  Course = 'course',
  /** Courses that existed before handover packets: recorded as acknowledged, without content. */
  Migrated = 'migrated',
}

export enum OtherActorKind {
  Doctor = 'doctor',
  Treatment = 'treatment',
  HousingSupport = 'housing_support',
  Psychiatry = 'psychiatry',
  Family = 'family',
  Other = 'other',
}

export const OTHER_ACTOR_KINDS = Object.values(OtherActorKind);

export interface HandoverOtherActor {
  kind: OtherActorKind;
  /** Organisation or role, e.g. "Egen læge" or "Bostøtte, Center Nord". */
  name: string;
  /** How the mentor may reach them, if agreed; free text. */
  contact: string;
}

export interface HandoverContactPreferences {
  meetingPlace: MeetingPlace | null;
  /** Why home or out of home (pre-filled from the citizen). */
  meetingPlaceReason: string;
  /** Good and bad times, e.g. "formiddage, ikke mandag". */
  times: string;
  /** Preferred contact forms. */
  forms: ContactForm[];
}

/** The packet's content; every text field may be empty in a draft, but not when sent (see handoverContentErrors). */
export interface HandoverContent {
  /** Background in brief. */
  background: string;
  /** The grant's purpose (pre-filled). */
  purpose: string;
  /** The grant's goals (pre-filled), one per entry. */
  goals: string[];
  knownBarriers: string;
  /** What has been tried before, and how it went. */
  triedBefore: string;
  contactPreferences: HandoverContactPreferences;
  /** Safety notes for meetings, e.g. "mød ikke alene i hjemmet". Empty when none. */
  safetyNotes: string;
  otherActors: HandoverOtherActor[];
  /** Agreed first steps, one per entry. */
  firstSteps: string[];
  /** For a change of mentor: a short account of the course so far (latest accepted report, last contacts). */
  courseSoFar: string;
}

export const HANDOVER_TEXT_MAX_LENGTH = 4000;
export const HANDOVER_LIST_MAX_ITEMS = 20;
export const HANDOVER_ITEM_MAX_LENGTH = 500;
/** A sent packet not acknowledged within this many working days is flagged to mentor and caseworker. */
export const HANDOVER_ACKNOWLEDGE_WORKING_DAYS = 3;

export interface HandoverPacket {
  /** Null for a pre-filled packet not yet saved (only the caseworker gets one). */
  id: string | null;
  courseId: string;
  /** The mentor the packet is for. */
  mentorId: string;
  mentorName: string;
  status: HandoverStatus;
  source: HandoverSource;
  content: HandoverContent;
  createdByName: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  sentAt: string | null;
  /** The working day by which the mentor should acknowledge (sent packets). */
  acknowledgeBy: string | null;
  /** Sent, not acknowledged, and acknowledgeBy has passed. */
  acknowledgeOverdue: boolean;
  acknowledgedAt: string | null;
  /** 0 for a packet not yet saved. */
  version: number;
}

/** `GET /api/courses/:id/handover`: the current mentor's packet, and earlier mentors' packets (newest first). */
export interface CourseHandover {
  /**
   * The packet for the course's current mentor. A caseworker always gets one (pre-filled when none is
   * saved); a mentor gets it once sent; null when the course has no mentor, or for a mentor before it is sent.
   */
  current: HandoverPacket | null;
  earlier: HandoverPacket[];
}

/** `PUT /api/courses/:id/handover`: save the current packet's draft (creates it at version 0). */
export interface SaveHandoverRequest {
  content: HandoverContent;
  version: number;
}

/** `POST /api/courses/:id/handover/send` and `.../acknowledge`. */
export interface HandoverActionRequest {
  version: number;
}

/** Per-field errors of content that cannot be sent (paths like `content.background`); empty when it can. */
export function handoverContentErrors(content: HandoverContent): { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  const required: (keyof HandoverContent)[] = ['background', 'purpose', 'knownBarriers'];
  for (const key of required) {
    if (String(content[key] ?? '').trim() === '') errors.push({ field: `content.${key}`, code: 'required' });
  }
  if (content.goals.every((goal) => goal.trim() === '')) {
    errors.push({ field: 'content.goals', code: 'required' });
  }
  if (content.firstSteps.every((step) => step.trim() === '')) {
    errors.push({ field: 'content.firstSteps', code: 'required' });
  }
  return errors;
}

export function emptyHandoverContent(): HandoverContent {
  return {
    background: '',
    purpose: '',
    goals: [],
    knownBarriers: '',
    triedBefore: '',
    contactPreferences: { meetingPlace: null, meetingPlaceReason: '', times: '', forms: [] },
    safetyNotes: '',
    otherActors: [],
    firstSteps: [],
    courseSoFar: '',
  };
}
