import { LiveAnnouncer } from '@angular/cdk/a11y';
import { BreakpointObserver } from '@angular/cdk/layout';
import { TextFieldModule } from '@angular/cdk/text-field';
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  BarrierKind,
  checkReportQuality,
  GoalProgress,
  GRANT_MINUTES_PER_WEEK_MAX,
  Recommendation,
  REPORT_MAX_ITEMS,
  REPORT_SHORT_TEXT_MAX,
  REPORT_TEXT_MAX,
  ReportComment,
  ReportContent,
  ReportDetail,
  ReportSection,
} from '@mentor/domain';
import { ErrorMessage } from '@mentor/shared-ui';
import { fromEvent, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, fieldMessages, problemOf } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { SMALL_SCREEN_QUERY } from '../../../core/shell/shell';
import { isStale, reportErrorText } from '../report-errors';
import { REPORT_AUTOSAVE_DELAY_MS, ReportAutosave, ReportDraftPayload, SaveState } from '../report-autosave';
import { draftDiffers, mergeDraft, ReportDraftStore } from '../report-draft-store';
import { focusField, hintViews, sectionElementId } from '../report-fields';
import { barrierGroup, contentOf, fillReportForm, nextStepGroup, reportForm } from '../report-form';
import { ReportsApiService } from '../reports-api.service';
import { AttendanceView } from './attendance-view';
import { QualityPanel } from './quality-panel';

/** The code the API gives a submit under the threshold without a justification. */
export const JUSTIFICATION_REQUIRED = 'report.justification_required';

/**
 * The mentor's report editor: section 1 from the logged contacts, sections 2–6 as structured
 * fields, the live quality check beside them, autosave with a copy in the browser, and submit
 * (with a justification under the municipality's threshold). A returned report shows the
 * caseworker's comments at their sections.
 */
@Component({
  selector: 'app-report-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TextFieldModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ErrorMessage,
    AttendanceView,
    QualityPanel,
    TranslatePipe,
    LocalDatePipe,
  ],
  templateUrl: './report-editor.html',
  styleUrl: './report-editor.scss',
})
export class ReportEditor {
  private readonly api = inject(ReportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly autosaveDelay = inject(REPORT_AUTOSAVE_DELAY_MS);
  private readonly store = new ReportDraftStore(
    storageOf(this.document),
    inject(AuthService).user()?.id ?? 'anonymous',
  );

  /** The report as loaded; a new one (or a new load) starts the editor over. */
  readonly report = input.required<ReportDetail>();
  /** The report after it was submitted. */
  readonly submitted = output<ReportDetail>();
  /** A reload found the report no longer editable (e.g. submitted from another tab). */
  readonly replaced = output<ReportDetail>();

  protected readonly goalProgress = Object.values(GoalProgress);
  protected readonly barrierKinds = Object.values(BarrierKind);
  protected readonly recommendations = Object.values(Recommendation);
  protected readonly adjustMinutes = Recommendation.AdjustMinutes;
  protected readonly sections = ReportSection;
  protected readonly textMax = REPORT_TEXT_MAX;
  protected readonly shortMax = REPORT_SHORT_TEXT_MAX;
  protected readonly itemsMax = REPORT_MAX_ITEMS;
  protected readonly minutesMax = GRANT_MINUTES_PER_WEEK_MAX;
  protected readonly today = localToday();
  protected readonly sectionId = sectionElementId;

  protected readonly form = reportForm(this.fb);
  protected readonly justification = this.fb.control('', { validators: [] });
  /** The server's latest answer: version, period, attendance. The form is not reset from it. */
  protected readonly detail = signal<ReportDetail | null>(null);
  private readonly autosave = signal<ReportAutosave | null>(null);
  private readonly content = signal<ReportContent | null>(null);
  private readonly periodTo = signal('');
  /** Set while the form is filled from a report, so that is not taken for typing. */
  private filling = false;
  /** What the server had when text kept in the browser was put back, for "discard". */
  private beforeRestore: ReportDraftPayload | null = null;

  protected readonly restored = signal<string | null>(null);
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<string | null>(null);
  protected readonly justificationError = signal<string | null>(null);
  /** The server asked for a justification although the browser's score was over the threshold. */
  private readonly serverWantsJustification = signal(false);

  protected readonly isSmall = toSignal(
    inject(BreakpointObserver)
      .observe(SMALL_SCREEN_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly quality = computed(() => {
    const detail = this.detail();
    const content = this.content();
    if (!detail || !content) return null;
    return checkReportQuality(content, {
      goalIds: detail.goals.map((goal) => goal.id),
      attendance: detail.attendance,
      periodFrom: detail.periodFrom,
      periodTo: this.periodTo() || detail.periodTo,
      today: this.today,
    });
  });
  protected readonly hints = computed(() =>
    hintViews(this.quality()?.hints ?? [], (key, params) => this.i18n.t(key, params)),
  );
  protected readonly threshold = computed(() => this.detail()?.qualityThreshold ?? 0);
  protected readonly underThreshold = computed(() => (this.quality()?.score ?? 0) < this.threshold());
  protected readonly needsJustification = computed(
    () => this.underThreshold() || this.serverWantsJustification(),
  );
  protected readonly saveState = computed<SaveState>(() => this.autosave()?.state() ?? 'saved');
  protected readonly saveProblem = computed(() => {
    const state = this.saveState();
    if (state !== 'failed') return null;
    const messages = Object.values(fieldErrors(this.autosave()?.lastError(), (key) => this.i18n.t(key)));
    return [...new Set(messages.flat())].join(' ') || null;
  });
  protected readonly citizenViewEmpty = computed(() => !(this.content()?.citizenView ?? '').trim());

  constructor() {
    effect(() => {
      const report = this.report();
      untracked(() => this.start(report));
    });
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.changed());
    fromEvent(this.document.defaultView ?? window, 'online')
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.autosave()?.retry());
    this.destroyRef.onDestroy(() => this.autosave()?.destroy());
    // Say it when saving stops working and when it works again; the visible state says the rest.
    let previous: SaveState = 'saved';
    effect(() => {
      const state = this.saveState();
      const problem = ['offline', 'failed', 'stale'];
      if (problem.includes(state) && state !== previous) {
        void this.announcer.announce(this.i18n.t(`reports.editor.saveState.${state}`), 'assertive');
      } else if (state === 'saved' && problem.includes(previous)) {
        void this.announcer.announce(this.i18n.t('reports.editor.saveState.saved'));
      }
      previous = state;
    });
  }

  // --- loading and the browser's copy ---------------------------------------------------------

  private start(report: ReportDetail): void {
    let autosave = this.autosave();
    if (!autosave || this.detail()?.id !== report.id) {
      autosave?.destroy();
      autosave = new ReportAutosave({
        reportId: report.id,
        version: report.version,
        base: { content: report.content, periodTo: report.periodTo },
        store: this.store,
        save: (payload, version) =>
          this.api.save(report.id, { content: payload.content, periodTo: payload.periodTo, version }),
        onSaved: (detail) => this.detail.set(detail),
        delayMs: this.autosaveDelay,
      });
      this.autosave.set(autosave);
    }
    this.detail.set(report);
    this.serverWantsJustification.set(false);
    this.submitError.set(null);
    this.fill(report.content, report.periodTo);
    const draft = this.store.read(report.id);
    const server = { content: report.content, periodTo: report.periodTo };
    if (draft && draftDiffers(draft, report.content, report.periodTo)) {
      // Typed here and never saved: back in the form, merged with what was saved elsewhere meanwhile.
      const merged = mergeDraft(draft, server);
      this.beforeRestore = server;
      this.fill(merged.content, merged.periodTo);
      this.restored.set(draft.savedAt);
      autosave.reset(report.version, server, this.payload());
    } else {
      if (draft) this.store.clear(report.id);
      this.beforeRestore = null;
      this.restored.set(null);
      autosave.reset(report.version, server, null);
    }
  }

  private fill(content: ReportContent, periodTo: string): void {
    const detail = this.detail();
    if (!detail) return;
    this.filling = true;
    try {
      fillReportForm(
        this.fb,
        this.form,
        detail.goals.map((goal) => goal.id),
        content,
        periodTo,
      );
    } finally {
      this.filling = false;
    }
    this.syncSignals();
  }

  private payload(): ReportDraftPayload {
    const value = this.form.getRawValue();
    return { content: contentOf(value), periodTo: value.periodTo };
  }

  private syncSignals(): void {
    const payload = this.payload();
    this.content.set(payload.content);
    this.periodTo.set(payload.periodTo);
  }

  private changed(): void {
    this.syncSignals();
    if (this.filling) return;
    const payload = this.payload();
    // A period end the API would refuse is not sent; the field says what is wrong.
    if (!payload.periodTo) return;
    this.autosave()?.edit(payload);
  }

  /** Puts back what the server had before the browser's copy was restored, and saves that. */
  protected discardRestored(): void {
    const before = this.beforeRestore;
    const id = this.detail()?.id;
    if (!before || !id) return;
    this.store.clear(id);
    this.fill(before.content, before.periodTo);
    this.autosave()?.edit(before);
    this.beforeRestore = null;
    this.restored.set(null);
    void this.announcer.announce(this.i18n.t('reports.editor.restoreDiscarded'));
  }

  protected keepRestored(): void {
    this.beforeRestore = null;
    this.restored.set(null);
  }

  /** After a 409: loads the report anew; the text typed here stays (it is in the browser). */
  protected reload(): void {
    const id = this.detail()?.id;
    if (!id) return;
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => {
          if (detail.can.edit) this.start(detail);
          else this.replaced.emit(detail);
        },
        error: () => this.submitError.set(this.i18n.t('common.loadFailed')),
      });
  }

  // --- lists ----------------------------------------------------------------------------------

  protected addBarrier(): void {
    const barriers = this.form.controls.barriers;
    if (barriers.length >= REPORT_MAX_ITEMS) return;
    barriers.push(barrierGroup(this.fb));
    this.focusLater(`report-barriers-${barriers.length - 1}-kind`);
  }

  protected removeBarrier(index: number): void {
    this.form.controls.barriers.removeAt(index);
    void this.announcer.announce(this.i18n.t('reports.editor.barrierRemoved', { n: index + 1 }));
    this.focusLater('report-barriers-add');
  }

  protected addNextStep(): void {
    const steps = this.form.controls.nextSteps;
    if (steps.length >= REPORT_MAX_ITEMS) return;
    steps.push(nextStepGroup(this.fb));
    this.focusLater(`report-nextSteps-${steps.length - 1}-action`);
  }

  protected removeNextStep(index: number): void {
    this.form.controls.nextSteps.removeAt(index);
    void this.announcer.announce(this.i18n.t('reports.editor.nextStepRemoved', { n: index + 1 }));
    this.focusLater('report-nextSteps');
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  /** A quality hint was chosen: to its field. */
  protected jump(field: string): void {
    focusField(this.document, field);
  }

  protected goalText(goalId: string): string {
    return this.detail()?.goals.find((goal) => goal.id === goalId)?.text ?? '';
  }

  protected commentsFor(section: ReportSection): ReportComment[] {
    return (this.detail()?.openComments ?? []).filter((comment) => comment.section === section);
  }

  /** The text of a length error of a control, or null. */
  protected tooLong(errors: Record<string, unknown> | null): boolean {
    return !!errors?.['maxlength'];
  }

  // --- submit ---------------------------------------------------------------------------------

  protected async submit(): Promise<void> {
    const detail = this.detail();
    const autosave = this.autosave();
    if (!detail || !autosave || this.submitting()) return;
    this.submitError.set(null);
    this.justificationError.set(null);
    const justification = this.justification.value.trim();
    if (this.needsJustification() && !justification) {
      this.justificationError.set(this.i18n.t(`validation.codes.${JUSTIFICATION_REQUIRED}`));
      this.document.getElementById('report-justification')?.focus();
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.submitError.set(this.i18n.t('reports.editor.fixFields'));
      return;
    }
    this.submitting.set(true);
    const saved = await autosave.flush();
    if (!saved) {
      this.submitting.set(false);
      this.submitError.set(this.i18n.t('reports.editor.notSavedCannotSubmit'));
      return;
    }
    this.api
      .submit(detail.id, {
        version: autosave.currentVersion,
        ...(this.needsJustification() ? { justification } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.submitting.set(false);
          this.store.clear(detail.id);
          void this.announcer.announce(this.i18n.t('reports.editor.submitted'));
          this.submitted.emit(result);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.submitFailed(error);
        },
      });
  }

  private submitFailed(error: unknown): void {
    const t = (key: string) => this.i18n.t(key);
    const justification = problemOf(error)?.errors?.find((e) => e.field === 'justification');
    if (justification) {
      this.serverWantsJustification.set(true);
      this.justificationError.set(fieldMessages(justification, t).join(' '));
      afterNextRender(() => this.document.getElementById('report-justification')?.focus(), {
        injector: this.injector,
      });
      return;
    }
    if (isStale(error)) {
      this.submitError.set(t('reports.editor.staleOnSubmit'));
      return;
    }
    this.submitError.set(reportErrorText(error, t, 'reports.editor.submitFailed'));
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null; // storage disabled: autosave still works, only the browser's copy is missing
  }
}
