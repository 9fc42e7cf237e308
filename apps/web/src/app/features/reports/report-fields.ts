import { QualityHint, ReportChange, ReportSection } from '@mentor/domain';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** DOM id of the heading of a report section: `report-section-next_steps`. */
export function sectionElementId(section: ReportSection): string {
  return `report-section-${section}`;
}

/**
 * DOM id of the control for a field path of the quality check: `goals.1.evidence` →
 * `report-goals-1-evidence`; `nextSteps` (none yet) → the add button `report-nextSteps`; `goals`
 * (a goal missing from the report) → the goals section's heading.
 */
export function fieldElementId(field: string): string {
  if (field === 'goals') return sectionElementId(ReportSection.Goals);
  return `report-${field.replace(/\./g, '-')}`;
}

const LIST_PLACES: Record<string, string> = {
  goals: 'reports.places.goal',
  barriers: 'reports.places.barrier',
  nextSteps: 'reports.places.nextStep',
};

/**
 * Where a field is, for a hint or a change: "Mål 2 · Dokumentation", "Næste skridt 1 · Dato",
 * "Anbefaling · Begrundelse". List items count from 1; `goalIds` turns the goal ids of
 * {@link ReportChange} fields (`goals.<goalId>.evidence`) into the goal's number.
 */
export function fieldLabel(field: string, t: Translate, goalIds: readonly string[] = []): string {
  const parts = field.split('.');
  const list = LIST_PLACES[parts[0]];
  if (list && parts.length >= 2) {
    const index =
      parts[0] === 'goals' && goalIds.includes(parts[1]) ? goalIds.indexOf(parts[1]) : Number(parts[1]);
    const place = t(list, { n: Number.isInteger(index) ? index + 1 : parts[1] });
    return parts[2] ? `${place} · ${t(`reports.fieldNames.${parts[2]}`)}` : place;
  }
  return t(`reports.fieldNames.${field}`);
}

/** A quality hint as the mentor reads it: where, and the rule in plain Danish. */
export interface HintView {
  readonly hint: QualityHint;
  readonly elementId: string;
  readonly place: string;
  readonly text: string;
}

export function hintViews(hints: readonly QualityHint[], t: Translate): HintView[] {
  return hints.map((hint) => {
    const section = t(`reports.sections.${hint.section}`);
    const field = fieldLabel(hint.field, t);
    return {
      hint,
      elementId: fieldElementId(hint.field),
      // "Næste skridt" (none yet) is the section itself; other fields are named within it.
      place: field === section ? section : `${section}: ${field}`,
      text: t(`reports.quality.${hint.rule}`),
    };
  });
}

/**
 * Moves focus to the control of a field (or the first focusable element inside it, for a radio
 * group) and scrolls it into view. False when the field is not on the page.
 */
export function focusField(document: Document, field: string): boolean {
  const target = document.getElementById(fieldElementId(field));
  if (!target) return false;
  const focusable = isFocusable(target)
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]:not([tabindex="-1"])');
  const element = focusable ?? target;
  if (!focusable && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  element.focus({ preventScroll: true });
  return true;
}

function isFocusable(element: HTMLElement): boolean {
  return (
    ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(element.tagName) ||
    (element.hasAttribute('tabindex') && element.getAttribute('tabindex') !== '-1') ||
    element.getAttribute('role') === 'combobox'
  );
}

const ENUM_FIELDS: Record<string, string> = {
  status: 'goalProgress',
  kind: 'barrierKinds',
  recommendation: 'recommendations',
};
const DATE_FIELDS = new Set(['periodFrom', 'periodTo', 'evidenceDate', 'reviewedWithCitizenOn', 'dueOn']);

/** A changed value as the caseworker reads it: translated choices, yes/no, dates in the UI's format. */
export function changeValue(
  change: Pick<ReportChange, 'field'>,
  value: string,
  t: Translate,
  formatDate: (isoDate: string) => string,
): string {
  if (value === '') return t('reports.changes.empty');
  const name = change.field.split('.').pop() ?? change.field;
  const enumKey = ENUM_FIELDS[name];
  if (enumKey) return t(`${enumKey}.${value}`);
  if (name === 'reviewedWithCitizen') return t(value === 'true' ? 'common.yes' : 'common.no');
  if (DATE_FIELDS.has(name)) return formatDate(value);
  return value;
}
