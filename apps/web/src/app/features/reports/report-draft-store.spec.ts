import { emptyReportContent } from '@mentor/domain';
import { goodContent } from '../../../testing/reports';
import {
  canonical,
  draftDiffers,
  LocalReportDraft,
  mergeDraft,
  ReportDraftStore,
} from './report-draft-store';

function draft(changes: Partial<LocalReportDraft> = {}): LocalReportDraft {
  return {
    content: goodContent(),
    periodTo: '2026-10-28',
    baseVersion: 3,
    savedAt: '2026-10-28T10:00:00.000Z',
    ...changes,
  };
}

describe('ReportDraftStore', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a draft per user and report, and clears it', () => {
    const anna = new ReportDraftStore(localStorage, 'anna');
    const bo = new ReportDraftStore(localStorage, 'bo');
    expect(anna.write('r1', draft())).toBe(true);
    expect(anna.read('r1')).toEqual(draft());
    expect(anna.read('r2')).toBeNull();
    expect(bo.read('r1')).toBeNull();
    expect(localStorage.getItem('mentor.reportDraft.anna.r1')).not.toBeNull();
    anna.clear('r1');
    expect(anna.read('r1')).toBeNull();
  });

  it('ignores what it cannot read instead of failing', () => {
    const store = new ReportDraftStore(localStorage, 'anna');
    localStorage.setItem(store.key('r1'), '{not json');
    expect(store.read('r1')).toBeNull();
    localStorage.setItem(store.key('r1'), JSON.stringify({ content: { goals: [] }, periodTo: '2026-10-28' }));
    expect(store.read('r1')).toBeNull();
  });

  it('carries on without storage, or when storage refuses to keep it', () => {
    const none = new ReportDraftStore(null, 'anna');
    expect(none.write('r1', draft())).toBe(false);
    expect(none.read('r1')).toBeNull();
    expect(() => none.clear('r1')).not.toThrow();

    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(new ReportDraftStore(full, 'anna').write('r1', draft())).toBe(false);
  });
});

describe('draftDiffers', () => {
  it('is false for the same report, whatever the order of its fields or empty dates', () => {
    const content = goodContent();
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = { ...reversed(content), goals: content.goals.map(reversed) };
    expect(draftDiffers(draft({ content: reordered }), content, '2026-10-28')).toBe(false);
    const blank = emptyReportContent(['g1']);
    const withEmptyDate = { ...blank, goals: [{ ...blank.goals[0], evidenceDate: '' }] };
    expect(canonical(withEmptyDate as never)).toBe(canonical(blank));
  });

  it('is true when a text or the period differs', () => {
    const content = goodContent();
    const typed = { ...content, citizenView: `${content.citizenView} Mere.` };
    expect(draftDiffers(draft({ content: typed }), content, '2026-10-28')).toBe(true);
    expect(draftDiffers(draft(), content, '2026-10-27')).toBe(true);
  });
});

describe('mergeDraft', () => {
  const base = goodContent();

  it("keeps the mentor's changes and takes the server's where the mentor changed nothing", () => {
    const mine = {
      ...base,
      citizenView: 'Min nye tekst',
      goals: [{ ...base.goals[0], evidence: 'Min dokumentation' }, base.goals[1]],
    };
    const theirs = {
      ...base,
      recommendationReason: 'Fra en anden fane',
      goals: [{ ...base.goals[0], whatHappened: 'Andet sted' }, base.goals[1]],
      nextSteps: [],
    };
    const merged = mergeDraft(draft({ content: mine, base: { content: base, periodTo: '2026-10-28' } }), {
      content: theirs,
      periodTo: '2026-10-27',
    });
    expect(merged.content.citizenView).toBe('Min nye tekst');
    expect(merged.content.recommendationReason).toBe('Fra en anden fane');
    expect(merged.content.goals[0].evidence).toBe('Min dokumentation');
    expect(merged.content.goals[0].whatHappened).toBe('Andet sted');
    expect(merged.content.nextSteps).toEqual([]);
    expect(merged.periodTo).toBe('2026-10-27');
  });

  it('lets the mentor win where both changed a field, and outright without a base', () => {
    const mine = { ...base, citizenView: 'Min' };
    const theirs = { ...base, citizenView: 'Deres' };
    expect(
      mergeDraft(draft({ content: mine, base: { content: base, periodTo: '2026-10-28' } }), {
        content: theirs,
        periodTo: '2026-10-28',
      }).content.citizenView,
    ).toBe('Min');
    expect(
      mergeDraft(draft({ content: mine }), {
        content: { ...theirs, recommendationReason: 'X' },
        periodTo: '2026-10-28',
      }).content.recommendationReason,
    ).toBe(base.recommendationReason);
  });
});
