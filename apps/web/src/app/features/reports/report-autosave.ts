import { HttpErrorResponse } from '@angular/common/http';
import { InjectionToken, signal } from '@angular/core';
import { ReportContent, ReportDetail } from '@mentor/domain';
import { Observable, Subscription } from 'rxjs';
import { isNetworkError } from '../../core/http/problem';
import { ReportDraftStore } from './report-draft-store';

/**
 * Where the mentor's text is: `saved` on the server; `pending` waiting for typing to pause;
 * `saving` on its way; `offline` (no answer; kept in the browser, retried) ; `failed` (the server
 * refused it, e.g. a text too long); `stale` (changed elsewhere: 409, kept in the browser until
 * the page is reloaded).
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'failed' | 'stale';

/** What the editor saves: sections 2–6 and the period's end. */
export interface ReportDraftPayload {
  readonly content: ReportContent;
  readonly periodTo: string;
}

export interface ReportAutosaveOptions {
  readonly reportId: string;
  /** The version the editor starts from. */
  readonly version: number;
  /** What the server has at that version; kept with the browser's copy (see `mergeDraft`). */
  readonly base: ReportDraftPayload;
  readonly store: ReportDraftStore;
  /** The PATCH; answers the report with its new version. */
  readonly save: (payload: ReportDraftPayload, version: number) => Observable<ReportDetail>;
  /** Called with every report the server answers a save with. */
  readonly onSaved: (detail: ReportDetail) => void;
  /** Pause in typing before a save goes out. */
  readonly delayMs?: number;
  /** Wait before retrying a save that got no answer. */
  readonly retryMs?: number;
  readonly now?: () => Date;
}

export const AUTOSAVE_DELAY_MS = 1500;
export const AUTOSAVE_RETRY_MS = 15_000;
/** The editor's pause before saving; tests shorten it. */
export const REPORT_AUTOSAVE_DELAY_MS = new InjectionToken<number>('REPORT_AUTOSAVE_DELAY_MS', {
  factory: () => AUTOSAVE_DELAY_MS,
});

/**
 * Debounced autosave of a report draft with the optimistic version. Every edit goes to the
 * browser's storage at once and to the server when typing pauses; the browser's copy is removed
 * only when the server has exactly that text. One save is in flight at a time; edits made
 * meanwhile are saved after it, on the version it answered.
 */
export class ReportAutosave {
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly now: () => Date;
  private readonly current = signal<SaveState>('saved');
  private readonly error = signal<unknown>(null);
  private version: number;
  /** What the server has, as far as this editor knows. */
  private base: ReportDraftPayload;
  /** The newest edit the server does not have yet. */
  private latest: ReportDraftPayload | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending = false;
  private subscription: Subscription | null = null;
  private waiters: ((saved: boolean) => void)[] = [];
  private destroyed = false;

  /** The save state, for "Gemt" / "Gemmer …" / "Ikke gemt". */
  readonly state = this.current.asReadonly();
  /** The error of the last failed save, if the state is `failed`, `offline` or `stale`. */
  readonly lastError = this.error.asReadonly();

  constructor(private readonly options: ReportAutosaveOptions) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryMs = options.retryMs ?? AUTOSAVE_RETRY_MS;
    this.now = options.now ?? (() => new Date());
    this.version = options.version;
    this.base = options.base;
  }

  /** The version the next save is sent with. */
  get currentVersion(): number {
    return this.version;
  }

  /** Whether there is text the server does not have. */
  get unsaved(): boolean {
    return this.latest !== null;
  }

  /** The mentor changed something: keep it in the browser now, send it when typing pauses. */
  edit(payload: ReportDraftPayload): void {
    this.latest = payload;
    this.keepLocally(payload);
    if (this.current() === 'stale') return; // nothing is sent until the page is reloaded
    if (!this.sending) this.current.set('pending');
    this.schedule(this.delayMs);
  }

  /**
   * Saves what is unsaved now. Resolves true when the server has everything typed, false when
   * it could not be saved (see `state`).
   */
  flush(): Promise<boolean> {
    if (!this.latest && !this.sending) return Promise.resolve(true);
    if (this.current() === 'stale') return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.waiters.push(resolve);
      if (!this.sending) this.saveNow();
    });
  }

  /** Tries again now, e.g. when the browser is back online. */
  retry(): void {
    if (this.latest && !this.sending && this.current() !== 'stale') this.saveNow();
  }

  /**
   * Starts over on a report loaded anew (after a 409 or a restore): later saves use `version`,
   * on which the server has `base`; `unsaved` is text it does not have, saved after the usual pause.
   */
  reset(version: number, base: ReportDraftPayload, unsaved: ReportDraftPayload | null): void {
    this.clearTimer();
    this.subscription?.unsubscribe();
    this.sending = false;
    this.version = version;
    this.base = base;
    this.error.set(null);
    this.latest = null;
    this.current.set('saved');
    if (unsaved) this.edit(unsaved);
  }

  /** Stops the timer; an edit still waiting goes out now, so leaving the page loses nothing. */
  destroy(): void {
    this.destroyed = true;
    this.clearTimer();
    if (this.latest && !this.sending && this.current() !== 'stale') this.saveNow();
    this.settle(false);
  }

  private saveNow(): void {
    this.clearTimer();
    const sending = this.latest;
    if (!sending || this.sending) return;
    this.sending = true;
    this.current.set('saving');
    this.subscription = this.options.save(sending, this.version).subscribe({
      next: (detail) => this.saved(sending, detail),
      error: (error: unknown) => this.failed(error),
    });
  }

  private saved(sent: ReportDraftPayload, detail: ReportDetail): void {
    this.sending = false;
    this.version = detail.version;
    this.base = { content: detail.content, periodTo: detail.periodTo };
    this.error.set(null);
    if (!this.destroyed) this.options.onSaved(detail);
    if (this.latest === sent) {
      this.latest = null;
      this.options.store.clear(this.options.reportId);
      this.current.set('saved');
      this.settle(true);
      return;
    }
    // Typed on while it was saving: the browser's copy now builds on the new version.
    if (this.latest) this.keepLocally(this.latest);
    this.current.set('pending');
    if (this.waiters.length || this.destroyed) this.saveNow();
    else this.schedule(this.delayMs);
  }

  private failed(error: unknown): void {
    this.sending = false;
    this.error.set(error);
    if (error instanceof HttpErrorResponse && error.status === 409) {
      this.current.set('stale');
    } else if (isNetworkError(error)) {
      this.current.set('offline');
      if (!this.destroyed) this.schedule(this.retryMs);
    } else {
      this.current.set('failed');
    }
    this.settle(false);
  }

  private keepLocally(payload: ReportDraftPayload): void {
    this.options.store.write(this.options.reportId, {
      content: payload.content,
      periodTo: payload.periodTo,
      baseVersion: this.version,
      savedAt: this.now().toISOString(),
      base: this.base,
    });
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.saveNow(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private settle(saved: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(saved);
  }
}
