import { HttpErrorResponse } from '@angular/common/http';
import { ReportDetail } from '@mentor/domain';
import { Subject } from 'rxjs';
import { goodContent, reportFixture } from '../../../testing/reports';
import { ReportAutosave, ReportDraftPayload } from './report-autosave';
import { ReportDraftStore } from './report-draft-store';

const payload = (citizenView: string): ReportDraftPayload => ({
  content: { ...goodContent(), citizenView },
  periodTo: '2026-10-28',
});

const DELAY = 1000;
const RETRY = 5000;

function setup(version = 3) {
  localStorage.clear();
  const store = new ReportDraftStore(localStorage, 'anna');
  const calls: { payload: ReportDraftPayload; version: number; answer: Subject<ReportDetail> }[] = [];
  const saved: ReportDetail[] = [];
  const autosave = new ReportAutosave({
    reportId: 'r1',
    version,
    base: payload(''),
    store,
    save: (payload, v) => {
      const answer = new Subject<ReportDetail>();
      calls.push({ payload, version: v, answer });
      return answer;
    },
    onSaved: (detail) => saved.push(detail),
    delayMs: DELAY,
    retryMs: RETRY,
    now: () => new Date('2026-10-28T10:00:00Z'),
  });
  /** Answers the latest save with the report at `version`. */
  const answer = (v: number) => {
    const call = calls[calls.length - 1];
    call.answer.next(reportFixture({ version: v, content: call.payload.content }));
    call.answer.complete();
  };
  const fail = (status: number) => calls[calls.length - 1].answer.error(new HttpErrorResponse({ status }));
  return { store, calls, saved, autosave, answer, fail };
}

describe('ReportAutosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps every edit in the browser at once and saves once typing pauses, with the version', () => {
    const { store, calls, saved, autosave, answer } = setup();
    autosave.edit(payload('a'));
    expect(store.read('r1')?.content.citizenView).toBe('a');
    expect(store.read('r1')?.baseVersion).toBe(3);
    expect(autosave.state()).toBe('pending');
    jest.advanceTimersByTime(DELAY - 1);
    autosave.edit(payload('ab'));
    jest.advanceTimersByTime(DELAY - 1);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].payload.content.citizenView).toBe('ab');
    expect(calls[0].version).toBe(3);
    expect(autosave.state()).toBe('saving');

    answer(4);
    expect(autosave.state()).toBe('saved');
    expect(autosave.currentVersion).toBe(4);
    expect(saved.map((d) => d.version)).toEqual([4]);
    // The server has it: the browser's copy goes.
    expect(store.read('r1')).toBeNull();
    expect(autosave.unsaved).toBe(false);
  });

  it('saves edits made during a save afterwards, on the version that save answered', () => {
    const { store, calls, autosave, answer } = setup();
    autosave.edit(payload('first'));
    jest.advanceTimersByTime(DELAY);
    autosave.edit(payload('second'));
    jest.advanceTimersByTime(DELAY);
    expect(calls).toHaveLength(1); // one save at a time
    expect(store.read('r1')?.base?.content.citizenView).toBe('');
    answer(4);
    expect(autosave.state()).toBe('pending');
    expect(store.read('r1')?.content.citizenView).toBe('second');
    // The browser's copy now builds on what the server answered.
    expect(store.read('r1')?.baseVersion).toBe(4);
    expect(store.read('r1')?.base?.content.citizenView).toBe('first');
    jest.advanceTimersByTime(DELAY);
    expect(calls).toHaveLength(2);
    expect(calls[1].version).toBe(4);
    expect(calls[1].payload.content.citizenView).toBe('second');
    answer(5);
    expect(autosave.state()).toBe('saved');
    expect(store.read('r1')).toBeNull();
  });

  it('keeps the text and retries when the connection drops', () => {
    const { store, calls, autosave, answer, fail } = setup();
    autosave.edit(payload('offline text'));
    jest.advanceTimersByTime(DELAY);
    fail(0);
    expect(autosave.state()).toBe('offline');
    expect(store.read('r1')?.content.citizenView).toBe('offline text');
    jest.advanceTimersByTime(RETRY - 1);
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    answer(4);
    expect(autosave.state()).toBe('saved');
    expect(store.read('r1')).toBeNull();
  });

  it('stops on 409 and keeps the text until the report is loaded anew', () => {
    const { store, calls, autosave, fail } = setup();
    autosave.edit(payload('mine'));
    jest.advanceTimersByTime(DELAY);
    fail(409);
    expect(autosave.state()).toBe('stale');
    autosave.edit(payload('mine, more'));
    jest.advanceTimersByTime(RETRY * 2);
    expect(calls).toHaveLength(1); // nothing is sent over someone else's change
    expect(store.read('r1')?.content.citizenView).toBe('mine, more');

    autosave.reset(7, payload('theirs'), payload('mine, more'));
    expect(store.read('r1')?.base?.content.citizenView).toBe('theirs');
    jest.advanceTimersByTime(DELAY);
    expect(calls).toHaveLength(2);
    expect(calls[1].version).toBe(7);
  });

  it('does not retry by itself what the server refused, but saves the next edit', () => {
    const { calls, autosave, fail } = setup();
    autosave.edit(payload('x'));
    jest.advanceTimersByTime(DELAY);
    fail(400);
    expect(autosave.state()).toBe('failed');
    expect(autosave.lastError()).toBeInstanceOf(HttpErrorResponse);
    jest.advanceTimersByTime(RETRY * 2);
    expect(calls).toHaveLength(1);
    autosave.edit(payload('y'));
    jest.advanceTimersByTime(DELAY);
    expect(calls).toHaveLength(2);
  });

  it('flush saves at once and says whether the server has everything', async () => {
    const { calls, autosave, answer, fail } = setup();
    await expect(autosave.flush()).resolves.toBe(true); // nothing to save
    expect(calls).toHaveLength(0);

    autosave.edit(payload('now'));
    const flushed = autosave.flush();
    expect(calls).toHaveLength(1);
    answer(4);
    await expect(flushed).resolves.toBe(true);

    autosave.edit(payload('again'));
    const failed = autosave.flush();
    fail(0);
    await expect(failed).resolves.toBe(false);
  });

  it('sends a waiting edit when the editor goes away, instead of dropping it', () => {
    const { calls, saved, autosave, answer } = setup();
    autosave.edit(payload('leaving'));
    autosave.destroy();
    expect(calls).toHaveLength(1);
    answer(4);
    expect(saved).toEqual([]); // the editor is gone; nothing to update
  });
});
