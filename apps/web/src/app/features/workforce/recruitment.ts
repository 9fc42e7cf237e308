import {
  MentorRecruitment,
  RECRUITMENT_COMPETENCIES,
  RecruitmentAssessment,
  RecruitmentCompetency,
} from '@mentor/domain';

/** One competency of a hire's assessment as the form holds it: met, not met, or not assessed (''). */
export type Assessment = 'met' | 'not_met' | '';

export interface AssessmentLine {
  readonly competency: RecruitmentCompetency;
  /** The organisation recruits for it. */
  readonly required: boolean;
  readonly assessment: Assessment;
}

/**
 * The lines of a hire's assessment: the organisation's requirements first, then the other
 * competencies, each in the domain's order, with what was assessed.
 */
export function assessmentLines(recruitment: MentorRecruitment): AssessmentLine[] {
  const met = new Map(recruitment.assessments.map((a) => [a.competency, a.met]));
  const line = (competency: RecruitmentCompetency): AssessmentLine => ({
    competency,
    required: recruitment.requirements.includes(competency),
    assessment: met.has(competency) ? (met.get(competency) ? 'met' : 'not_met') : '',
  });
  return [
    ...RECRUITMENT_COMPETENCIES.filter((c) => recruitment.requirements.includes(c)),
    ...RECRUITMENT_COMPETENCIES.filter((c) => !recruitment.requirements.includes(c)),
  ].map(line);
}

/** The assessments to send: only the competencies assessed. */
export function assessmentsOf(
  values: Partial<Record<RecruitmentCompetency, Assessment>>,
): RecruitmentAssessment[] {
  return RECRUITMENT_COMPETENCIES.filter((c) => values[c] === 'met' || values[c] === 'not_met').map(
    (competency) => ({
      competency,
      met: values[competency] === 'met',
    }),
  );
}
