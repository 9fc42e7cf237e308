import {
  CertificationBasis,
  CertificationRecord,
  SupervisionKind,
  TrainingKind,
  TrainingRecord,
  UpskillingTopic,
} from '@mentor/domain';
import {
  CERTIFICATION_KIND,
  recordBody,
  recordFormValue,
  sortedRecords,
  SUPERVISION_KIND,
  TRAINING_KIND,
  UPSKILLING_KIND,
} from './record-kinds';

const TODAY = '2026-03-10';

const TRAINING: TrainingRecord = {
  id: 't1',
  mentorId: 'm1',
  kind: TrainingKind.Shadowing,
  provider: 'Center for Jobindsats',
  lengthDays: 20,
  completedOn: '2025-11-01',
  feltWellEquipped: false,
  version: 3,
};

describe('record kinds', () => {
  it('shows a stored training in the form and sends it back as it was', () => {
    const form = recordFormValue(TRAINING_KIND, TRAINING, TODAY);
    expect(form).toEqual({
      kind: TrainingKind.Shadowing,
      provider: 'Center for Jobindsats',
      lengthDays: 20,
      completedOn: '2025-11-01',
      feltWellEquipped: 'no',
    });
    expect(recordBody(TRAINING_KIND, form)).toEqual({
      kind: TrainingKind.Shadowing,
      provider: 'Center for Jobindsats',
      lengthDays: 20,
      completedOn: '2025-11-01',
      feltWellEquipped: false,
    });
  });

  it('sends what a new record leaves empty as not recorded, and a required choice not made not at all', () => {
    const form = recordFormValue(TRAINING_KIND, null, TODAY);
    expect(recordBody(TRAINING_KIND, { ...form, provider: '  ' })).toEqual({
      provider: null,
      lengthDays: null,
      completedOn: null,
      feltWellEquipped: null,
    });
    // So the shared rule says "required", as the API would.
    expect(TRAINING_KIND.validate(recordBody(TRAINING_KIND, form), TODAY).map((v) => v.code)).toEqual([
      'isNotEmpty',
    ]);
  });

  it("starts a new certification, offer or session today; the rules are the domain's", () => {
    expect(recordFormValue(CERTIFICATION_KIND, null, TODAY)['certifiedOn']).toBe(TODAY);
    expect(recordFormValue(UPSKILLING_KIND, null, TODAY)).toEqual({
      topic: '',
      offeredOn: TODAY,
      taken: false,
    });
    expect(recordFormValue(SUPERVISION_KIND, null, TODAY)['heldOn']).toBe(TODAY);

    const body = recordBody(CERTIFICATION_KIND, {
      certifiedOn: TODAY,
      renewalDueOn: '2026-01-01',
      basis: [CertificationBasis.Education, CertificationBasis.CoursesAfterHiring],
      note: '',
    });
    // Choices in the order offered, whatever order they were ticked in.
    expect(body['basis']).toEqual([CertificationBasis.CoursesAfterHiring, CertificationBasis.Education]);
    expect(CERTIFICATION_KIND.validate(body, TODAY)).toEqual([
      expect.objectContaining({ field: 'renewalDueOn', code: 'certification.renewal_before_certified' }),
    ]);
    expect(
      CERTIFICATION_KIND.validate(
        recordBody(CERTIFICATION_KIND, { certifiedOn: TODAY, renewalDueOn: '', basis: [], note: '' }),
        TODAY,
      ),
    ).toEqual([expect.objectContaining({ field: 'basis', code: 'arrayNotEmpty' })]);
    expect(
      SUPERVISION_KIND.validate(
        recordBody(SUPERVISION_KIND, {
          kind: SupervisionKind.CollegialSparring,
          heldOn: '2026-04-01',
          note: '',
        }),
        TODAY,
      ),
    ).toEqual([expect.objectContaining({ field: 'heldOn', code: 'supervision.in_future' })]);
    expect(
      UPSKILLING_KIND.validate(
        recordBody(UPSKILLING_KIND, { topic: UpskillingTopic.EmploymentLaw, offeredOn: TODAY, taken: true }),
        TODAY,
      ),
    ).toEqual([]);
  });

  it('shows each column as read, and sorts the newest first', () => {
    const t = (key: string) => key;
    const date = (iso: string) => iso.split('-').reverse().join('.');
    const cells = TRAINING_KIND.columns.map((c) => c.text(TRAINING, t, date));
    expect(cells).toEqual([
      'trainingKinds.shadowing',
      'Center for Jobindsats',
      '20',
      '01.11.2025',
      'common.no',
    ]);

    const older = { ...TRAINING, id: 't0', completedOn: '2024-01-01' };
    const ongoing = { ...TRAINING, id: 't2', completedOn: null };
    expect(sortedRecords(TRAINING_KIND, [older, TRAINING, ongoing]).map((r) => r.id)).toEqual([
      't2',
      't1',
      't0',
    ]);

    const certification: CertificationRecord = {
      id: 'c1',
      mentorId: 'm1',
      certifiedOn: '2025-02-01',
      renewalDueOn: null,
      basis: [CertificationBasis.Education, CertificationBasis.JobCompetencies],
      note: null,
      certifiedById: 'u1',
      certifiedByName: 'Birgitte',
      version: 1,
    };
    expect(CERTIFICATION_KIND.columns.map((c) => c.text(certification, t, date))).toEqual([
      '01.02.2025',
      '–',
      'certificationBases.education, certificationBases.job_competencies',
      '–',
      'Birgitte',
    ]);
  });
});
