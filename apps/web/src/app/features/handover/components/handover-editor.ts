import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TextFieldModule } from '@angular/cdk/text-field';
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONTACT_FORMS,
  CourseHandover,
  FieldError,
  HANDOVER_ITEM_MAX_LENGTH,
  HANDOVER_LIST_MAX_ITEMS,
  HANDOVER_TEXT_MAX_LENGTH,
  handoverContentErrors,
  HandoverPacket,
  HandoverSource,
  MeetingPlace,
  OTHER_ACTOR_KINDS,
} from '@mentor/domain';
import { ChipGroup, ChipOption, ErrorMessage } from '@mentor/shared-ui';
import { controlErrorKey } from '../../../core/http/form-errors';
import { problemCode, problemOf } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { HandoverApiService } from '../handover-api.service';
import {
  actorGroup,
  applyHandoverErrors,
  fillHandoverForm,
  handoverCodeText,
  handoverContentOf,
  handoverForm,
  HandoverListField,
  itemControl,
  serverError,
} from '../handover-form';

type Problem = { kind: 'stale' } | { kind: 'fields'; texts: string[] } | { kind: 'failed'; text: string };
type TextField = 'background' | 'purpose' | 'knownBarriers' | 'triedBefore' | 'safetyNotes' | 'courseSoFar';

/** Fields the mentor cannot start without: the send check (`handoverContentErrors`) asks for them. */
const REQUIRED_TO_SEND: ReadonlySet<string> = new Set([
  'background',
  'purpose',
  'knownBarriers',
  'goals',
  'firstSteps',
]);

/** A 409 because someone else saved (or sent) the packet since it was read. */
export function isStaleHandover(error: unknown): boolean {
  const code = problemCode(error);
  return !!code && (code.endsWith('stale_version') || code === 'handover.already_sent');
}

/**
 * The caseworker's editor of a draft packet: every field of the content, lists with add and
 * remove, an explicit save (the version read goes along; a 409 says someone else saved) and
 * "send to the mentor" after a confirmation. Before sending it checks what the mentor cannot
 * start without, and shows that and the API's refusals at their fields.
 */
@Component({
  selector: 'app-handover-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    TextFieldModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ChipGroup,
    ErrorMessage,
    TranslatePipe,
  ],
  templateUrl: './handover-editor.html',
  styleUrl: './handover-editor.scss',
})
export class HandoverEditor {
  private readonly api = inject(HandoverApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly courseId = input.required<string>();
  /** The draft (or pre-filled suggestion) being written. */
  readonly packet = input.required<HandoverPacket>();
  /** The draft was saved: the course's packets as stored now. */
  readonly saved = output<CourseHandover>();
  /** The packet was sent to the mentor: the course's packets as stored now. */
  readonly sent = output<CourseHandover>();
  /** The user asks to load the packet anew (after someone else saved it). */
  readonly reload = output<void>();

  readonly form = handoverForm(this.fb);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  protected readonly textMax = HANDOVER_TEXT_MAX_LENGTH;
  protected readonly itemMax = HANDOVER_ITEM_MAX_LENGTH;
  protected readonly listMax = HANDOVER_LIST_MAX_ITEMS;
  protected readonly actorKinds = OTHER_ACTOR_KINDS;
  protected readonly meetingPlaces = Object.values(MeetingPlace);
  protected readonly formOptions = computed((): ChipOption[] =>
    CONTACT_FORMS.map((form) => ({ value: form, label: this.i18n.t(`contactForms.${form}`) })),
  );
  /** "Forløbet indtil nu" belongs to a change of mentor; shown too when the draft has one. */
  protected readonly showCourseSoFar = computed(
    () => this.packet().source === HandoverSource.Course || this.packet().content.courseSoFar !== '',
  );

  /** The packet (id and version) the form was last filled from: a newer one refills it. */
  private filledFrom: string | null = null;

  constructor() {
    effect(() => {
      const packet = this.packet();
      untracked(() => this.fill(packet));
    });
  }

  protected text(name: TextField): FormControl<string> {
    return this.form.controls[name];
  }

  protected requiredToSend(name: string): boolean {
    return REQUIRED_TO_SEND.has(name);
  }

  protected errorOf(control: AbstractControl): string {
    const error = controlErrorKey(control);
    if (!error) return '';
    return error.text ?? this.i18n.t(error.key ?? 'forms.errors.invalid');
  }

  protected listError(name: HandoverListField | 'otherActors'): string | null {
    return serverError(this.form.controls[name]);
  }

  // --- lists ------------------------------------------------------------------------------

  protected add(name: HandoverListField): void {
    const list = this.form.controls[name];
    if (list.length >= this.listMax) return;
    list.push(itemControl(this.fb));
    list.markAsDirty();
    this.focusLater(`handover-${name}-${list.length - 1}`);
  }

  protected remove(name: HandoverListField, index: number): void {
    const list = this.form.controls[name];
    list.removeAt(index);
    list.markAsDirty();
    this.focusLater(`handover-${name}-add`);
  }

  protected addActor(): void {
    const actors = this.form.controls.otherActors;
    if (actors.length >= this.listMax) return;
    actors.push(actorGroup(this.fb));
    actors.markAsDirty();
    this.focusLater(`handover-otherActors-${actors.length - 1}-kind`);
  }

  protected removeActor(index: number): void {
    const actors = this.form.controls.otherActors;
    actors.removeAt(index);
    actors.markAsDirty();
    this.focusLater('handover-otherActors-add');
  }

  // --- save and send ----------------------------------------------------------------------

  /** Saves the draft as it is; half-written is fine. */
  protected save(): void {
    const packet = this.packet();
    if (this.busy()) return;
    this.clearMessages();
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.problem.set({ kind: 'fields', texts: [] });
      void this.announcer.announce(this.i18n.t('handover.editor.fixFields'));
      return;
    }
    if (packet.id !== null && this.form.pristine) {
      this.say('handover.editor.noChanges');
      return;
    }
    this.busy.set(true);
    this.api
      .save(this.courseId(), { content: handoverContentOf(this.form.getRawValue()), version: packet.version })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (handover) => {
          this.busy.set(false);
          if (handover.current) this.fill(handover.current);
          this.saved.emit(handover);
          this.say('handover.editor.saved');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.fail(error);
        },
      });
  }

  /**
   * Sends the packet to the mentor, after checking it is complete and asking for confirmation;
   * unsaved changes (or a suggestion never saved) are saved first, so what is sent is what is shown.
   */
  protected send(): void {
    const packet = this.packet();
    if (this.busy()) return;
    this.clearMessages();
    this.form.markAllAsTouched();
    const content = handoverContentOf(this.form.getRawValue());
    const missing: FieldError[] = handoverContentErrors(content).map(({ field, code }) => ({
      field,
      messages: [code],
      codes: [code],
    }));
    if (this.form.invalid || missing.length) {
      // The form may hold blank rows the check does not see; fill in what is sent first.
      const unplaced = applyHandoverErrors(this.form, missing, (key) => this.i18n.t(key));
      this.problem.set({ kind: 'fields', texts: unplaced });
      void this.announcer.announce(this.i18n.t('handover.editor.incomplete'));
      this.focusFirstError();
      return;
    }
    if (!window.confirm(this.i18n.t('handover.editor.confirmSend', { name: packet.mentorName }))) return;
    this.busy.set(true);
    if (packet.id === null || this.form.dirty) {
      this.api
        .save(this.courseId(), { content, version: packet.version })
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (handover) => {
            this.saved.emit(handover);
            const saved = handover.current;
            if (!saved) {
              this.busy.set(false);
              return;
            }
            this.fill(saved);
            this.sendSaved(saved.version);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.fail(error);
          },
        });
    } else {
      this.sendSaved(packet.version);
    }
  }

  private sendSaved(version: number): void {
    this.api
      .send(this.courseId(), version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (handover) => {
          this.busy.set(false);
          this.sent.emit(handover);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.fail(error);
        },
      });
  }

  /** Says why a save or send failed: someone else saved, fields to fix, or the problem's code. */
  private fail(error: unknown): void {
    if (isStaleHandover(error)) {
      this.problem.set({ kind: 'stale' });
      void this.announcer.announce(this.i18n.t('handover.editor.stale'));
      return;
    }
    const errors = problemOf(error)?.errors ?? [];
    if (errors.length) {
      const unplaced = applyHandoverErrors(this.form, errors, (key) => this.i18n.t(key));
      this.problem.set({ kind: 'fields', texts: unplaced });
      void this.announcer.announce(this.i18n.t('handover.editor.fixFields'));
      this.focusFirstError();
      return;
    }
    const t = (key: string) => this.i18n.t(key);
    const text = handoverCodeText(problemCode(error), t) ?? t('forms.saveFailed');
    this.problem.set({ kind: 'failed', text });
    void this.announcer.announce(text);
  }

  protected askReload(): void {
    this.clearMessages();
    this.reload.emit();
  }

  private fill(packet: HandoverPacket): void {
    const key = `${packet.id}:${packet.version}`;
    if (key === this.filledFrom) return;
    this.filledFrom = key;
    fillHandoverForm(this.fb, this.form, packet.content);
  }

  private clearMessages(): void {
    this.problem.set(null);
    this.notice.set(null);
  }

  private say(key: string): void {
    const text = this.i18n.t(key);
    this.notice.set(text);
    void this.announcer.announce(text);
  }

  /** Takes the keyboard to the first field in error; for an empty list, to its "add" button. */
  private focusFirstError(): void {
    afterNextRender(
      () => {
        const first = this.host.nativeElement.querySelector<HTMLElement>(
          '.mat-form-field-invalid textarea, .mat-form-field-invalid input, .list-error',
        );
        if (first?.classList.contains('list-error')) {
          first.parentElement?.querySelector<HTMLElement>('button[id$="-add"]')?.focus();
        } else first?.focus();
      },
      { injector: this.injector },
    );
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
