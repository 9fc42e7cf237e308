/**
 * The built-in reporting (issue 7): every indicator of the 2015 study, computed from live data and
 * shown beside the study's value. The catalogue itself (ids, figures, questions, populations,
 * sources, study values) is generated from the study's indicators.yaml into indicator-catalogue.ts.
 */
import type { MentorType } from './mentoring';
import type { OrganisationKind } from './organisation';

export enum IndicatorSource {
  Operational = 'operational',
  SurveyCitizen = 'survey.citizen',
  SurveyMentor = 'survey.mentor',
  SurveyRecruiter = 'survey.recruiter',
}

/** What the study published for an indicator. */
export interface StudyValue {
  /** Share 0..1, when the study gave one. */
  value?: number;
  /** The study's N, where given. */
  n?: number;
  /** The study gave words ("knap 2 ud af 3") rather than an exact share. */
  approx?: boolean;
  /** Bounds, where the study gave only a bound or a range. */
  min?: number;
  max?: number;
}

/** The study's grouping, in its order: chapter 3 citizens, chapter 4 recruitment and training, chapter 5 mentors. */
export enum IndicatorGroup {
  Citizens = 'citizens',
  Recruitment = 'recruitment',
  Mentors = 'mentors',
}

export interface IndicatorDefinition {
  id: string;
  group: IndicatorGroup;
  /** Where the study shows it: "3.1" = figure 3.1, "box 5.1", "text 4.3". */
  figure: string;
  /** The study's question or statement (Danish). */
  question: string;
  population: string;
  source: IndicatorSource;
  study: StudyValue;
}

/** Filters of `GET /api/reports/indicators`. `from` and `to` are ISO dates, both required, from ≤ to. */
export interface IndicatorQuery {
  from: string;
  to: string;
  organisationType?: OrganisationKind;
  organisationId?: string;
  mentorType?: MentorType;
}

/** Denominators from 1 to this many are withheld for roles below admin (small-number protection). */
export const INDICATOR_SUPPRESSION_MAX = 4;
/** The longest period one request may cover. */
export const INDICATOR_PERIOD_MAX_DAYS = 3 * 366;

export interface IndicatorResult {
  id: string;
  /** numerator / denominator; null when the denominator is 0 or the figures are suppressed. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** True when 1 ≤ denominator ≤ INDICATOR_SUPPRESSION_MAX and the caller is below admin. */
  suppressed: boolean;
  study: StudyValue;
}

/** Answer of `GET /api/reports/indicators`: one entry for every id in the catalogue, in its order. */
export interface IndicatorReport {
  from: string;
  to: string;
  filters: Omit<IndicatorQuery, 'from' | 'to'>;
  indicators: IndicatorResult[];
}
