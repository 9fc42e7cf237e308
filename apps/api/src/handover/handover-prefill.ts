import {
  type ContactForm,
  ContactTopic,
  emptyHandoverContent,
  type GoalProgress,
  HANDOVER_ITEM_MAX_LENGTH,
  HANDOVER_LIST_MAX_ITEMS,
  HANDOVER_TEXT_MAX_LENGTH,
  type HandoverContent,
  HandoverSource,
  type MeetingPlace,
  type ReportContent,
} from '@mentor/domain';
import { danishDate } from '../common/danish-format';
import { BARRIER_KIND_DA, CONTACT_FORM_DA, GOAL_PROGRESS_DA } from '../common/danish-labels';

/**
 * The pre-filled draft of a handover packet, in Danish (the caseworker edits it before sending):
 * for a course's first mentor from the grant and the citizen; for a change of mentor also from the
 * previous packet, the latest accepted progression report and the last contacts.
 */

export interface PrefillGrant {
  purpose: string;
  goals: { id: string; text: string }[];
}

export interface PrefillCitizen {
  preferredMeetingPlace: MeetingPlace | null;
  meetingPlaceReason: string | null;
}

export interface PrefillReport {
  periodFrom: string;
  periodTo: string;
  content: ReportContent;
}

export interface PrefillContact {
  contactDate: string;
  form: ContactForm;
  minutes: number;
  showedUp: boolean;
  topics: ContactTopic[];
}

export interface PrefillInput {
  grant: PrefillGrant;
  citizen: PrefillCitizen;
  /** For a change of mentor: the packet of the mentor before. */
  previous?: HandoverContent | null;
  /** For a change of mentor: the latest accepted report. */
  report?: PrefillReport | null;
  /** For a change of mentor: the last contacts, newest first. */
  contacts?: PrefillContact[];
}

/** How many of the last contacts a change of mentor's packet recounts. */
export const PREFILL_CONTACTS = 5;

const CONTACT_TOPIC: Record<ContactTopic, string> = {
  [ContactTopic.PersonalMatters]: 'Personlige forhold',
  [ContactTopic.Housing]: 'Bolig',
  [ContactTopic.Finances]: 'Økonomi',
  [ContactTopic.JobAndEducation]: 'Job og uddannelse',
  [ContactTopic.ActivationOffer]: 'Aktiveringstilbud',
  [ContactTopic.EmploymentGoals]: 'Beskæftigelsesmål',
  [ContactTopic.Family]: 'Familie',
  [ContactTopic.Health]: 'Helbred',
  [ContactTopic.Other]: 'Andet',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A list as the packet may hold it: non-empty entries, at most the contract's count and length. */
function items(list: string[]): string[] {
  return list
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .slice(0, HANDOVER_LIST_MAX_ITEMS)
    .map((item) => clip(item, HANDOVER_ITEM_MAX_LENGTH));
}

/** The source a new packet gets: a course's first mentor period is handed over from the grant. */
export function prefillSource(hasEarlierPeriod: boolean): HandoverSource {
  return hasEarlierPeriod ? HandoverSource.Course : HandoverSource.Grant;
}

export function prefillHandover(source: HandoverSource, input: PrefillInput): HandoverContent {
  const content = emptyHandoverContent();
  content.purpose = clip(input.grant.purpose, HANDOVER_TEXT_MAX_LENGTH);
  content.goals = items(input.grant.goals.map((goal) => goal.text));
  content.contactPreferences = {
    ...content.contactPreferences,
    meetingPlace: input.citizen.preferredMeetingPlace,
    meetingPlaceReason: clip(input.citizen.meetingPlaceReason ?? '', HANDOVER_ITEM_MAX_LENGTH),
  };
  if (source !== HandoverSource.Course) return content;

  const previous = input.previous;
  if (previous) {
    content.background = previous.background;
    content.knownBarriers = previous.knownBarriers;
    content.triedBefore = previous.triedBefore;
    content.safetyNotes = previous.safetyNotes;
    content.otherActors = previous.otherActors.map((actor) => ({ ...actor }));
    // A packet without a meeting place (one migrated without content) leaves the citizen's own.
    if (previous.contactPreferences.meetingPlace !== null) {
      content.contactPreferences = {
        ...previous.contactPreferences,
        forms: [...previous.contactPreferences.forms],
      };
    }
  }
  content.courseSoFar = clip(courseSoFar(input), HANDOVER_TEXT_MAX_LENGTH);
  content.firstSteps = items(
    (input.report?.content.nextSteps ?? []).map((step) => {
      const details = [step.owner.trim(), step.dueOn ? `senest ${danishDate(step.dueOn)}` : '']
        .filter((detail) => detail !== '')
        .join(', ');
      return details ? `${step.action.trim()} (${details})` : step.action;
    }),
  );
  return content;
}

/** A short account of the course: the latest accepted report's goals, barriers and citizen's view, and the last contacts. */
function courseSoFar(input: PrefillInput): string {
  const lines: string[] = [];
  const report = input.report;
  if (report) {
    lines.push(
      `Seneste godkendte statusrapport (${danishDate(report.periodFrom)}–${danishDate(report.periodTo)}):`,
    );
    const goalText = new Map(input.grant.goals.map((goal) => [goal.id, goal.text]));
    const goals = report.content.goals.filter((entry) => goalText.has(entry.goalId) && entry.status);
    if (goals.length) {
      lines.push('Mål:');
      for (const entry of goals)
        lines.push(`- ${goalText.get(entry.goalId)}: ${GOAL_PROGRESS_DA[entry.status as GoalProgress]}`);
    }
    if (report.content.barriers.length) {
      lines.push('Barrierer:');
      for (const barrier of report.content.barriers) {
        const action = barrier.action.trim() ? ` Handling: ${barrier.action.trim()}` : '';
        lines.push(`- ${BARRIER_KIND_DA[barrier.kind]}: ${barrier.description.trim()}${action}`);
      }
    }
    if (report.content.citizenView.trim()) {
      lines.push(`Borgerens egen vurdering: ${report.content.citizenView.trim()}`);
    }
  } else {
    lines.push('Ingen godkendt statusrapport endnu.');
  }
  lines.push('');
  const contacts = (input.contacts ?? []).slice(0, PREFILL_CONTACTS);
  if (contacts.length) {
    lines.push(`Seneste ${contacts.length === 1 ? 'kontakt' : `${contacts.length} kontakter`}:`);
    for (const contact of contacts) {
      const topics = contact.topics.map((topic) => CONTACT_TOPIC[topic]).join(', ');
      lines.push(
        `- ${danishDate(contact.contactDate)}: ${CONTACT_FORM_DA[contact.form]}, ${contact.minutes} min.` +
          `${contact.showedUp ? '' : ' (udeblev)'}${topics ? ` – ${topics}` : ''}`,
      );
    }
  } else {
    lines.push('Ingen kontakter registreret endnu.');
  }
  return lines.join('\n');
}
