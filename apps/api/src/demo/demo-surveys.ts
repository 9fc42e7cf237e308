import { addDays, INDICATOR_CATALOGUE, MentorType, Role, SurveyKind } from '@mentor/domain';
import type { EntityManager } from 'typeorm';
import { SurveyResponse } from '../surveys/survey-response.entity';
import {
  countForTarget,
  seededRandom,
  studyTarget,
  synthesizeSurveyAnswers,
} from '../surveys/survey-synthesis';
import { DEMO_ORGANISATIONS } from './demo-data';
import { DEMO_WORKFORCE } from './demo-workforce';

/**
 * Responses per organisation: at least 5 of each mentor type where the questionnaire asks it, so a
 * team leader's own figures are shown (not withheld), also under the mentor-type filter.
 */
const RESPONSES_PER_ORGANISATION: Readonly<Record<SurveyKind, number>> = {
  [SurveyKind.Citizen]: 20,
  [SurveyKind.Mentor]: 10,
  [SurveyKind.Recruiter]: 5,
};
/** Answer dates fall this many days back at most, inside the indicator page's default 12 months. */
const OLDEST_DAYS_AGO = 330;

const STUDY = new Map(INDICATOR_CATALOGUE.map((d) => [d.id, d.study]));

/**
 * Fictional questionnaire responses for every demo organisation, dated over the last 11 months, with
 * shares at the study's values (answers synthesised like `npm run study:reproduce`'s): citizen
 * interviews entered by the organisation's caseworker; each demo mentor's and team leader's own
 * answer (recorded as the respondent), the rest imported from a survey tool. Runs only while the
 * municipality has no responses, so it also reaches demo databases made before questionnaires existed.
 */
export async function seedDemoSurveys(
  tx: EntityManager,
  municipalityId: string,
  today: string,
): Promise<number> {
  if (await tx.existsBy(SurveyResponse, { municipalityId })) return 0;
  const users: { id: string; username: string; role: Role; organisationId: string }[] = await tx.query(
    `SELECT id, username, role, organisation_id AS "organisationId" FROM app_user WHERE municipality_id = $1`,
    [municipalityId],
  );
  const organisations: { id: string; name: string }[] = await tx.query(
    'SELECT id, name FROM organisation WHERE municipality_id = $1',
    [municipalityId],
  );
  const ownTypes = new Map(DEMO_WORKFORCE.map((w) => [w.username, w.mentorTypes[0] ?? null]));
  const rows: Partial<SurveyResponse>[] = [];

  for (const [orgIndex, demo] of DEMO_ORGANISATIONS.entries()) {
    const organisation = organisations.find((o) => o.name === demo.name);
    const members = users.filter((u) => u.organisationId === organisation?.id);
    const first = (role: Role) => members.find((u) => u.role === role);
    const [caseworker, teamLeader] = [first(Role.Caseworker), first(Role.TeamLeader)];
    if (!organisation || !caseworker || !teamLeader) continue;
    const respondents: Record<SurveyKind, typeof members> = {
      [SurveyKind.Citizen]: [],
      [SurveyKind.Mentor]: members.filter((u) => u.role === Role.Mentor),
      [SurveyKind.Recruiter]: [teamLeader],
    };

    for (const [kindIndex, kind] of [SurveyKind.Citizen, SurveyKind.Mentor, SurveyKind.Recruiter].entries()) {
      const n = RESPONSES_PER_ORGANISATION[kind];
      const answers = synthesizeSurveyAnswers(kind, n, {
        answering: () => n,
        matching: (rule, of) =>
          countForTarget(studyTarget(STUDY.get(rule.indicatorId) ?? {}), of, rule.indicatorId),
        shuffle: seededRandom(1000 + 10 * orgIndex + kindIndex).shuffle,
      });
      const types = mentorTypes(
        kind,
        n,
        respondents[kind].map((u) => ownTypes.get(u.username) ?? null),
      );
      for (const [j, answer] of answers.entries()) {
        const own = respondents[kind][j];
        // Spread over the months, each organisation on its own days. Own answers come first, so they
        // are months old: a demo mentor answering in the app today adds one to the last month's
        // figures rather than replacing their demo answer (a respondent counts once a period).
        const daysAgo = OLDEST_DAYS_AGO - Math.round((OLDEST_DAYS_AGO * j) / n) - 3 * orgIndex;
        rows.push({
          municipalityId,
          organisationId: organisation.id,
          kind,
          answeredOn: addDays(today, -daysAgo),
          mentorType: types[j] ?? null,
          answers: answer,
          enteredBy: own?.id ?? (kind === SurveyKind.Citizen ? caseworker.id : teamLeader.id),
          respondentId: own?.id ?? null,
          imported: !own && kind !== SurveyKind.Citizen,
        });
      }
    }
  }
  if (rows.length) await tx.getRepository(SurveyResponse).insert(rows);
  return rows.length;
}

/**
 * The mentor type of each response: none for recruiters; the respondents' own types first, then the
 * type with fewer responses so far, so each type has half the responses, give or take the own ones.
 */
function mentorTypes(kind: SurveyKind, n: number, own: (MentorType | null)[]): (MentorType | null)[] {
  if (kind === SurveyKind.Recruiter) return Array<null>(n).fill(null);
  const out = [...own];
  const count = (type: MentorType) => out.filter((t) => t === type).length;
  while (out.length < n)
    out.push(
      count(MentorType.Holistic) <= count(MentorType.Retention) ? MentorType.Holistic : MentorType.Retention,
    );
  return out;
}
