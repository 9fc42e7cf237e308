import {
  BarrierKind,
  ContactForm,
  ContactTopic,
  emptyHandoverContent,
  emptyReportContent,
  GoalProgress,
  HANDOVER_ITEM_MAX_LENGTH,
  HANDOVER_LIST_MAX_ITEMS,
  HANDOVER_TEXT_MAX_LENGTH,
  type HandoverContent,
  HandoverSource,
  MeetingPlace,
  OtherActorKind,
} from '@mentor/domain';
import { type PrefillInput, prefillHandover, prefillSource } from './handover-prefill';

const grant = {
  purpose: 'Struktur i hverdagen',
  goals: [
    { id: 'g1', text: 'Møde stabilt op' },
    { id: 'g2', text: 'Starte i praktik' },
  ],
};
const citizen = { preferredMeetingPlace: MeetingPlace.Home, meetingPlaceReason: 'Svært ved at komme ud' };

const previous: HandoverContent = {
  ...emptyHandoverContent(),
  background: 'Ledig i tre år.',
  purpose: 'Et gammelt formål',
  goals: ['Et gammelt mål'],
  knownBarriers: 'Dårlig søvn.',
  triedBefore: 'Praktik i butik.',
  contactPreferences: {
    meetingPlace: MeetingPlace.OutOfHome,
    meetingPlaceReason: 'Vil ud',
    times: 'Formiddage',
    forms: [ContactForm.Phone],
  },
  safetyNotes: 'Mød ikke alene i hjemmet.',
  otherActors: [{ kind: OtherActorKind.Doctor, name: 'Egen læge', contact: '' }],
  firstSteps: ['Et gammelt skridt'],
  courseSoFar: 'Gammel tekst',
};

describe('handover pre-fill', () => {
  it('takes a first mentor’s packet from the grant and the citizen', () => {
    expect(prefillSource(false)).toBe(HandoverSource.Grant);
    expect(prefillHandover(HandoverSource.Grant, { grant, citizen, previous })).toEqual({
      ...emptyHandoverContent(),
      purpose: 'Struktur i hverdagen',
      goals: ['Møde stabilt op', 'Starte i praktik'],
      contactPreferences: {
        meetingPlace: MeetingPlace.Home,
        meetingPlaceReason: 'Svært ved at komme ud',
        times: '',
        forms: [],
      },
    });
  });

  it('carries the previous packet and the course over to the next mentor', () => {
    expect(prefillSource(true)).toBe(HandoverSource.Course);
    const report = {
      periodFrom: '2026-09-01',
      periodTo: '2026-09-28',
      content: {
        ...emptyReportContent(['g1', 'g2']),
        goals: [
          { goalId: 'g1', status: GoalProgress.Reached, whatHappened: '', evidence: '', evidenceDate: null },
          { goalId: 'g2', status: null, whatHappened: '', evidence: '', evidenceDate: null },
        ],
        barriers: [{ kind: BarrierKind.Finances, description: 'Gæld.', action: '' }],
        citizenView: 'Det går bedre.',
        nextSteps: [
          { action: 'Ring til banken', owner: 'Borgeren', dueOn: '2026-10-05' },
          { action: 'Søg praktik', owner: '', dueOn: null },
        ],
      },
    };
    const contacts: PrefillInput['contacts'] = [
      { contactDate: '2026-10-02', form: ContactForm.Sms, minutes: 5, showedUp: true, topics: [] },
      {
        contactDate: '2026-09-30',
        form: ContactForm.InPersonHome,
        minutes: 60,
        showedUp: false,
        topics: [ContactTopic.Finances, ContactTopic.Health],
      },
    ];
    const content = prefillHandover(HandoverSource.Course, { grant, citizen, previous, report, contacts });
    expect(content).toMatchObject({
      background: 'Ledig i tre år.',
      purpose: 'Struktur i hverdagen',
      goals: ['Møde stabilt op', 'Starte i praktik'],
      knownBarriers: 'Dårlig søvn.',
      triedBefore: 'Praktik i butik.',
      contactPreferences: previous.contactPreferences,
      safetyNotes: 'Mød ikke alene i hjemmet.',
      otherActors: previous.otherActors,
      firstSteps: ['Ring til banken (Borgeren, senest 05.10.2026)', 'Søg praktik'],
    });
    expect(content.courseSoFar.split('\n')).toEqual([
      'Seneste godkendte statusrapport (01.09.2026–28.09.2026):',
      'Mål:',
      '- Møde stabilt op: Nået',
      'Barrierer:',
      '- Økonomi: Gæld.',
      'Borgerens egen vurdering: Det går bedre.',
      '',
      'Seneste 2 kontakter:',
      '- 02.10.2026: SMS, 5 min.',
      '- 30.09.2026: Fremmøde i hjemmet, 60 min. (udeblev) – Økonomi, Helbred',
    ]);
  });

  it('says so when the course has no accepted report or contacts, and keeps the citizen’s meeting place', () => {
    const migrated = emptyHandoverContent();
    const content = prefillHandover(HandoverSource.Course, { grant, citizen, previous: migrated });
    expect(content.courseSoFar).toBe(
      'Ingen godkendt statusrapport endnu.\n\nIngen kontakter registreret endnu.',
    );
    expect(content.contactPreferences.meetingPlace).toBe(MeetingPlace.Home);
    expect(content.firstSteps).toEqual([]);
  });

  it('stays inside the limits a saved packet must keep', () => {
    const many = Array.from({ length: HANDOVER_LIST_MAX_ITEMS + 5 }, (_, i) => ({
      id: `g${i}`,
      text: `${i} ${'x'.repeat(HANDOVER_ITEM_MAX_LENGTH)}`,
    }));
    const content = prefillHandover(HandoverSource.Course, {
      grant: { purpose: 'p'.repeat(HANDOVER_TEXT_MAX_LENGTH + 10), goals: many },
      citizen,
      report: {
        periodFrom: '2026-09-01',
        periodTo: '2026-09-28',
        content: { ...emptyReportContent([]), citizenView: 'v'.repeat(HANDOVER_TEXT_MAX_LENGTH) },
      },
    });
    expect(content.goals).toHaveLength(HANDOVER_LIST_MAX_ITEMS);
    expect(Math.max(...content.goals.map((g) => g.length))).toBe(HANDOVER_ITEM_MAX_LENGTH);
    expect(content.purpose).toHaveLength(HANDOVER_TEXT_MAX_LENGTH);
    expect(content.courseSoFar).toHaveLength(HANDOVER_TEXT_MAX_LENGTH);
  });
});
