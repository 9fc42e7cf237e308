import {
  BarrierKind,
  emptyReportContent,
  GoalProgress,
  Recommendation,
  type ReportContent,
} from './progress-report';
import { reportChanges } from './report-diff';
import {
  checkReportQuality,
  isSpecificEvidence,
  QUALITY_RULE_POINTS,
  QualityRule,
  type QualityContext,
  substantiveWords,
} from './report-quality';

const context: QualityContext = {
  goalIds: ['g1', 'g2'],
  attendance: { contactsHeld: 5, noShows: 1, minutesDelivered: 240, minutesGranted: 240, forms: {} },
  periodFrom: '2026-10-01',
  periodTo: '2026-10-28',
  today: '2026-11-02',
};

/** A report every rule accepts. */
function goodReport(): ReportContent {
  return {
    goals: [
      {
        goalId: 'g1',
        status: GoalProgress.ClearProgress,
        whatHappened: 'Har mødt op til praktik tre dage om ugen.',
        evidence: 'Mødte til praktik i Netto kl. 8 alle tre aftalte dage i uge 42.',
        evidenceDate: null,
      },
      {
        goalId: 'g2',
        status: GoalProgress.NotStarted,
        whatHappened: 'Venter på svar fra boligkontoret.',
        evidence: '',
        evidenceDate: null,
      },
    ],
    barriers: [
      {
        kind: BarrierKind.Housing,
        description: 'Bor midlertidigt hos en ven.',
        action: 'Ansøgning om bolig sendt.',
      },
    ],
    citizenView: 'Borgeren synes praktikken er hård, men god.',
    reviewedWithCitizen: true,
    reviewedWithCitizenOn: '2026-10-28',
    citizenViewMissingReason: '',
    nextSteps: [{ action: 'Ring til boligkontoret', owner: 'Mentor', dueOn: '2026-11-05' }],
    recommendation: Recommendation.Continue,
    recommendedMinutesPerWeek: null,
    recommendationReason: 'Fremmødet er stabilt, og boligen er ikke på plads endnu.',
  };
}

const rulesHinted = (content: ReportContent, ctx = context) => [
  ...new Set(checkReportQuality(content, ctx).hints.map((h) => h.rule)),
];

describe('report quality check', () => {
  it('gives a complete, specific report 100 and no hints', () => {
    expect(checkReportQuality(goodReport(), context)).toMatchObject({ score: 100, hints: [] });
  });

  it('gives an empty report a low score with hints for every section', () => {
    const result = checkReportQuality(emptyReportContent(['g1', 'g2']), context);
    expect(result.score).toBeLessThan(70);
    expect(new Set(result.hints.map((h) => h.section))).toEqual(
      new Set(['goals', 'next_steps', 'citizen_view', 'recommendation']),
    );
  });

  it('points add up to 100', () => {
    expect(Object.values(QUALITY_RULE_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  describe(QualityRule.GoalStatus, () => {
    it('fails a goal without status, pointing at it, with credit for the others', () => {
      const report = goodReport();
      report.goals[1]!.status = null;
      const result = checkReportQuality(report, context);
      expect(result.hints).toContainEqual({
        rule: QualityRule.GoalStatus,
        section: 'goals',
        field: 'goals.1.status',
      });
      expect(result.points[QualityRule.GoalStatus]).toBe(QUALITY_RULE_POINTS[QualityRule.GoalStatus] / 2);
    });
    it('fails a goal of the grant missing from the report', () => {
      const report = goodReport();
      report.goals.pop();
      expect(rulesHinted(report)).toEqual([QualityRule.GoalStatus]);
    });
  });

  describe(QualityRule.GoalEvidence, () => {
    it('needs evidence for a goal in progress', () => {
      const report = goodReport();
      report.goals[0]!.evidence = '';
      const result = checkReportQuality(report, context);
      expect(result.hints).toContainEqual({
        rule: QualityRule.GoalEvidence,
        section: 'goals',
        field: 'goals.0.evidence',
      });
    });
    it('needs what happened, also for a goal not started', () => {
      const report = goodReport();
      report.goals[1]!.whatHappened = '  ';
      expect(rulesHinted(report)).toEqual([QualityRule.GoalEvidence]);
    });
    it('does not ask evidence of a goal no longer relevant', () => {
      const report = goodReport();
      report.goals[1]!.status = GoalProgress.NoLongerRelevant;
      expect(rulesHinted(report)).toEqual([]);
    });
  });

  describe(QualityRule.EvidenceSpecific, () => {
    it('accepts an observed, dated event', () => {
      expect(isSpecificEvidence('Mødte op til jobsamtale hos Bilka mandag', null)).toBe(true);
      expect(isSpecificEvidence('Mødte op til jobsamtale hos Bilka', '2026-10-12')).toBe(true);
      expect(isSpecificEvidence('Afleverede ansøgning til kommunen 12/10', null)).toBe(true);
      expect(isSpecificEvidence('Var til lægen d. 3. oktober og fik henvisning', null)).toBe(true);
    });
    it('refuses empty phrases, even dated', () => {
      expect(isSpecificEvidence('Det går godt, er motiveret', '2026-10-12')).toBe(false);
      expect(isSpecificEvidence('positiv udvikling og god kontakt i uge 41', null)).toBe(false);
    });
    it('refuses an undated observation', () => {
      expect(isSpecificEvidence('Mødte op til jobsamtale hos Bilka', null)).toBe(false);
    });
    it('hints the vague evidence field', () => {
      const report = goodReport();
      report.goals[0]!.evidence = 'Det går fint, positiv udvikling.';
      expect(checkReportQuality(report, context).hints).toEqual([
        { rule: QualityRule.EvidenceSpecific, section: 'goals', field: 'goals.0.evidence' },
      ]);
    });
    it('takes empty phrases out as whole words only', () => {
      expect(substantiveWords('godtgørelse okay')).toEqual(['godtgørelse', 'okay']);
      expect(substantiveWords('Det går godt med praktikken')).toEqual(['praktikken']);
    });
  });

  describe(QualityRule.BarrierAction, () => {
    it('needs an action for every barrier', () => {
      const report = goodReport();
      report.barriers.push({ kind: BarrierKind.Health, description: 'Ondt i ryggen', action: '' });
      expect(checkReportQuality(report, context).hints).toEqual([
        { rule: QualityRule.BarrierAction, section: 'barriers', field: 'barriers.1.action' },
      ]);
    });
    it('needs no barriers at all', () => {
      const report = goodReport();
      report.barriers = [];
      expect(checkReportQuality(report, context).score).toBe(100);
    });
  });

  describe(QualityRule.NextSteps, () => {
    it('needs at least one next step', () => {
      const report = goodReport();
      report.nextSteps = [];
      const result = checkReportQuality(report, context);
      expect(result.points[QualityRule.NextSteps]).toBe(0);
      expect(result.hints).toEqual([
        { rule: QualityRule.NextSteps, section: 'next_steps', field: 'nextSteps' },
      ]);
    });
    it('needs an owner and a date on each', () => {
      const report = goodReport();
      report.nextSteps.push({ action: 'Søg tre jobs', owner: '', dueOn: null });
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual([
        'nextSteps.1.owner',
        'nextSteps.1.dueOn',
      ]);
    });
  });

  describe(QualityRule.CitizenView, () => {
    it('needs the date it was gone through with the citizen', () => {
      const report = goodReport();
      report.reviewedWithCitizenOn = null;
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual([
        'reviewedWithCitizenOn',
      ]);
    });
    it('accepts a missing view when explained', () => {
      const report = goodReport();
      report.citizenView = '';
      report.reviewedWithCitizen = false;
      report.citizenViewMissingReason = 'Borgeren var indlagt i perioden.';
      expect(rulesHinted(report)).toEqual([]);
    });
    it('refuses a missing view without explanation', () => {
      const report = goodReport();
      report.citizenView = '';
      expect(rulesHinted(report)).toEqual([QualityRule.CitizenView]);
    });
    it('needs a reason when not gone through with the citizen', () => {
      const report = goodReport();
      report.reviewedWithCitizen = false;
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual([
        'citizenViewMissingReason',
      ]);
    });
  });

  describe(QualityRule.RecommendationReason, () => {
    it('needs a recommendation and a reason', () => {
      const report = goodReport();
      report.recommendationReason = '';
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual(['recommendationReason']);
      report.recommendation = null;
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual(['recommendation']);
    });
    it('needs the minutes when recommending to adjust them', () => {
      const report = goodReport();
      report.recommendation = Recommendation.AdjustMinutes;
      expect(checkReportQuality(report, context).hints.map((h) => h.field)).toEqual([
        'recommendedMinutesPerWeek',
      ]);
      report.recommendedMinutesPerWeek = 90;
      expect(rulesHinted(report)).toEqual([]);
    });
  });

  describe(QualityRule.PeriodMatchesContacts, () => {
    it('needs contacts in the period', () => {
      const none = { ...context, attendance: { ...context.attendance, contactsHeld: 0, noShows: 0 } };
      expect(rulesHinted(goodReport(), none)).toEqual([QualityRule.PeriodMatchesContacts]);
    });
    it('refuses a period ending in the future', () => {
      expect(rulesHinted(goodReport(), { ...context, periodTo: '2026-11-03' })).toEqual([
        QualityRule.PeriodMatchesContacts,
      ]);
    });
  });
});

describe('report changes', () => {
  it('lists changed fields by section, goals by id', () => {
    const before = { periodFrom: '2026-10-01', periodTo: '2026-10-28', content: goodReport() };
    const after = structuredClone(before);
    after.periodTo = '2026-10-30';
    after.content.goals.reverse();
    after.content.goals[0]!.whatHappened = 'Fik svar: venteliste.';
    after.content.nextSteps.push({ action: 'Skriv til udlejer', owner: 'Borger', dueOn: '2026-11-10' });
    expect(reportChanges(before, after)).toEqual([
      { section: 'attendance', field: 'periodTo', before: '2026-10-28', after: '2026-10-30' },
      {
        section: 'goals',
        field: 'goals.g2.whatHappened',
        before: 'Venter på svar fra boligkontoret.',
        after: 'Fik svar: venteliste.',
      },
      { section: 'next_steps', field: 'nextSteps.1.action', before: '', after: 'Skriv til udlejer' },
      { section: 'next_steps', field: 'nextSteps.1.owner', before: '', after: 'Borger' },
      { section: 'next_steps', field: 'nextSteps.1.dueOn', before: '', after: '2026-11-10' },
    ]);
  });
});
