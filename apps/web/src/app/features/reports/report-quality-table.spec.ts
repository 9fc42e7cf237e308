import { ReportQualityRow } from '@mentor/domain';
import { onTimeShare, sortQualityRows } from './report-quality-table';

function row(changes: Partial<ReportQualityRow>): ReportQualityRow {
  return {
    organisationId: 'o1',
    organisationName: 'Mentorhuset',
    reportsDue: 4,
    submittedOnTime: 2,
    averageQualityScore: 70,
    acceptedWithoutRevisionShare: 0.5,
    averageDaysToReview: 3,
    ...changes,
  };
}

const names = (rows: ReportQualityRow[]) => rows.map((r) => r.mentorName ?? r.organisationName);

describe('sortQualityRows', () => {
  const rows = [
    row({ organisationName: 'Vejen Videre', averageQualityScore: 55 }),
    row({ organisationName: 'Åbo Mentor', averageQualityScore: null }),
    row({ organisationName: 'Center for Jobindsats', averageQualityScore: 82 }),
  ];

  it('sorts by a figure either way, with missing figures last', () => {
    expect(names(sortQualityRows(rows, { active: 'averageQualityScore', direction: 'desc' }))).toEqual([
      'Center for Jobindsats',
      'Vejen Videre',
      'Åbo Mentor',
    ]);
    expect(names(sortQualityRows(rows, { active: 'averageQualityScore', direction: 'asc' }))).toEqual([
      'Vejen Videre',
      'Center for Jobindsats',
      'Åbo Mentor',
    ]);
  });

  it('sorts names in Danish order (Å last), and by organisation without a sort', () => {
    expect(names(sortQualityRows(rows, { active: 'organisationName', direction: 'desc' }))).toEqual([
      'Åbo Mentor',
      'Vejen Videre',
      'Center for Jobindsats',
    ]);
    expect(names(sortQualityRows(rows, { active: '', direction: '' }))).toEqual([
      'Center for Jobindsats',
      'Vejen Videre',
      'Åbo Mentor',
    ]);
  });

  it('sorts by the share on time, computed from the counts', () => {
    const mentors = [
      row({ mentorId: 'm1', mentorName: 'Bo', reportsDue: 4, submittedOnTime: 1 }),
      row({ mentorId: 'm2', mentorName: 'Ea', reportsDue: 2, submittedOnTime: 2 }),
      row({ mentorId: 'm3', mentorName: 'Al', reportsDue: 0, submittedOnTime: 0 }),
    ];
    expect(onTimeShare(mentors[0])).toBe(0.25);
    expect(onTimeShare(mentors[2])).toBeNull();
    expect(names(sortQualityRows(mentors, { active: 'onTimeShare', direction: 'desc' }))).toEqual([
      'Ea',
      'Bo',
      'Al',
    ]);
  });
});
