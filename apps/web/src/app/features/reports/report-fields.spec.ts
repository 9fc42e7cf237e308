import { checkReportQuality, emptyReportContent, QualityRule, ReportSection } from '@mentor/domain';
import { goodContent } from '../../../testing/reports';
import { changeValue, fieldElementId, fieldLabel, focusField, hintViews } from './report-fields';

/** A translation that shows the key and its parameters, so the tests see what was asked for. */
const t = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}(${Object.values(params).join(',')})` : key;

describe('fieldElementId', () => {
  it('names the control of each field path the quality check uses', () => {
    expect(fieldElementId('goals.1.evidence')).toBe('report-goals-1-evidence');
    expect(fieldElementId('nextSteps.0.dueOn')).toBe('report-nextSteps-0-dueOn');
    expect(fieldElementId('reviewedWithCitizenOn')).toBe('report-reviewedWithCitizenOn');
    // No next step yet: the button that adds one. A goal missing from the report: its section.
    expect(fieldElementId('nextSteps')).toBe('report-nextSteps');
    expect(fieldElementId('goals')).toBe('report-section-goals');
  });
});

describe('fieldLabel', () => {
  it('numbers list items from 1 and names the field', () => {
    expect(fieldLabel('goals.1.evidence', t)).toBe('reports.places.goal(2) · reports.fieldNames.evidence');
    expect(fieldLabel('barriers.0.action', t)).toBe('reports.places.barrier(1) · reports.fieldNames.action');
    expect(fieldLabel('recommendationReason', t)).toBe('reports.fieldNames.recommendationReason');
  });

  it("numbers a change's goal by the grant's order of goal ids", () => {
    expect(fieldLabel('goals.g2.status', t, ['g1', 'g2'])).toBe(
      'reports.places.goal(2) · reports.fieldNames.status',
    );
  });
});

describe('hintViews', () => {
  it("turns every hint of the quality check into a place, the rule's text and the control to go to", () => {
    const content = goodContent();
    content.goals[1] = { ...content.goals[1], evidence: 'Det går godt', evidenceDate: null };
    content.nextSteps = [{ action: 'Møde', owner: '', dueOn: null }];
    const result = checkReportQuality(content, {
      goalIds: ['g1', 'g2'],
      attendance: { contactsHeld: 3, noShows: 0, minutesDelivered: 100, minutesGranted: 120, forms: {} },
      periodFrom: '2026-10-01',
      periodTo: '2026-10-28',
      today: '2026-11-01',
    });
    const views = hintViews(result.hints, t);
    expect(views.map((v) => [v.elementId, v.text])).toEqual([
      ['report-goals-1-evidence', 'reports.quality.evidence_specific'],
      ['report-nextSteps-0-owner', 'reports.quality.next_steps'],
      ['report-nextSteps-0-dueOn', 'reports.quality.next_steps'],
    ]);
    expect(views[0].place).toBe(
      'reports.sections.goals: reports.places.goal(2) · reports.fieldNames.evidence',
    );
  });

  it('names a hint about a whole section by the section alone', () => {
    const [view] = hintViews(
      [{ rule: QualityRule.NextSteps, section: ReportSection.NextSteps, field: 'nextSteps' }],
      (key) =>
        key === 'reports.fieldNames.nextSteps' || key === 'reports.sections.next_steps'
          ? 'Næste skridt'
          : key,
    );
    expect(view.place).toBe('Næste skridt');
  });

  it('points every hint of an empty report at an element id the editor gives its controls', () => {
    const result = checkReportQuality(emptyReportContent(['g1']), {
      goalIds: ['g1'],
      attendance: { contactsHeld: 0, noShows: 0, minutesDelivered: 0, minutesGranted: 0, forms: {} },
      periodFrom: '2026-10-01',
      periodTo: '2026-10-28',
      today: '2026-11-01',
    });
    expect(hintViews(result.hints, t).map((v) => v.elementId)).toEqual([
      'report-goals-0-status',
      'report-nextSteps',
      'report-citizenView',
      'report-recommendation',
      'report-periodTo',
    ]);
  });
});

describe('focusField', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('focuses the control, or the first control inside a group', () => {
    document.body.innerHTML = `
      <textarea id="report-goals-0-evidence"></textarea>
      <div id="report-reviewedWithCitizen"><input type="radio" id="yes" /><input type="radio" /></div>
      <h2 id="report-section-goals">Mål</h2>`;
    expect(focusField(document, 'goals.0.evidence')).toBe(true);
    expect(document.activeElement?.id).toBe('report-goals-0-evidence');
    expect(focusField(document, 'reviewedWithCitizen')).toBe(true);
    expect(document.activeElement?.id).toBe('yes');
    // A heading gets focus too, without entering the tab order.
    expect(focusField(document, 'goals')).toBe(true);
    expect(document.activeElement?.id).toBe('report-section-goals');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('says so when the field is not on the page', () => {
    expect(focusField(document, 'barriers.3.action')).toBe(false);
  });
});

describe('changeValue', () => {
  const date = (iso: string) => iso.split('-').reverse().join('.');

  it('shows choices, yes/no and dates as the caseworker reads them', () => {
    expect(changeValue({ field: 'goals.g1.status' }, 'reached', t, date)).toBe('goalProgress.reached');
    expect(changeValue({ field: 'barriers.0.kind' }, 'housing', t, date)).toBe('barrierKinds.housing');
    expect(changeValue({ field: 'recommendation' }, 'end_course', t, date)).toBe(
      'recommendations.end_course',
    );
    expect(changeValue({ field: 'reviewedWithCitizen' }, 'true', t, date)).toBe('common.yes');
    expect(changeValue({ field: 'nextSteps.0.dueOn' }, '2026-11-10', t, date)).toBe('10.11.2026');
    expect(changeValue({ field: 'citizenView' }, 'Fri tekst', t, date)).toBe('Fri tekst');
    expect(changeValue({ field: 'citizenView' }, '', t, date)).toBe('reports.changes.empty');
  });
});
