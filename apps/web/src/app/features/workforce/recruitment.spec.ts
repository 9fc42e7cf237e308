import { RecruitmentCompetency } from '@mentor/domain';
import { assessmentLines, assessmentsOf } from './recruitment';

describe('recruitment assessment', () => {
  it("lists the organisation's requirements first, each with what was assessed", () => {
    const lines = assessmentLines({
      requirements: [RecruitmentCompetency.Empathy, RecruitmentCompetency.Relational],
      assessments: [
        { competency: RecruitmentCompetency.Empathy, met: false },
        { competency: RecruitmentCompetency.EmploymentOriented, met: true },
      ],
      allMet: null,
    });
    expect(lines.slice(0, 3)).toEqual([
      { competency: RecruitmentCompetency.Relational, required: true, assessment: '' },
      { competency: RecruitmentCompetency.Empathy, required: true, assessment: 'not_met' },
      { competency: RecruitmentCompetency.MotivationalResource, required: false, assessment: '' },
    ]);
    expect(lines.find((l) => l.competency === RecruitmentCompetency.EmploymentOriented)?.assessment).toBe(
      'met',
    );
    expect(lines).toHaveLength(6);
  });

  it('sends only the competencies assessed, in the domain order', () => {
    expect(
      assessmentsOf({
        [RecruitmentCompetency.Empathy]: 'met',
        [RecruitmentCompetency.Relational]: '',
        [RecruitmentCompetency.MotivationalResource]: 'not_met',
      }),
    ).toEqual([
      { competency: RecruitmentCompetency.MotivationalResource, met: false },
      { competency: RecruitmentCompetency.Empathy, met: true },
    ]);
  });
});
