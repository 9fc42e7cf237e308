import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import {
  ContactForm,
  FieldError,
  HANDOVER_ITEM_MAX_LENGTH,
  HANDOVER_TEXT_MAX_LENGTH,
  HandoverContent,
  HandoverOtherActor,
  MeetingPlace,
  OtherActorKind,
} from '@mentor/domain';
import { fieldMessages, Translate } from '../../core/http/problem';

export type ActorGroup = FormGroup<{
  kind: FormControl<OtherActorKind>;
  name: FormControl<string>;
  contact: FormControl<string>;
}>;

export type HandoverForm = ReturnType<typeof handoverForm>;

/** The packet's free-text fields, in the order the editor shows them. */
export const HANDOVER_TEXT_FIELDS = [
  'background',
  'purpose',
  'knownBarriers',
  'triedBefore',
  'safetyNotes',
  'courseSoFar',
] as const;

/** The packet's list fields. */
export type HandoverListField = 'goals' | 'firstSteps';

const text = [Validators.maxLength(HANDOVER_TEXT_MAX_LENGTH)];
const item = [Validators.maxLength(HANDOVER_ITEM_MAX_LENGTH)];

/**
 * The editor's form for a packet's content. Only lengths are checked here: a draft saves half
 * written; what sending needs is `handoverContentErrors`' business (checked before sending).
 */
export function handoverForm(fb: NonNullableFormBuilder) {
  return fb.group({
    background: fb.control('', text),
    purpose: fb.control('', text),
    goals: fb.array<FormControl<string>>([]),
    knownBarriers: fb.control('', text),
    triedBefore: fb.control('', text),
    contactPreferences: fb.group({
      meetingPlace: new FormControl<MeetingPlace | null>(null),
      meetingPlaceReason: fb.control('', text),
      times: fb.control('', item),
      forms: fb.control<ContactForm[]>([]),
    }),
    safetyNotes: fb.control('', text),
    otherActors: fb.array<ActorGroup>([]),
    firstSteps: fb.array<FormControl<string>>([]),
    courseSoFar: fb.control('', text),
  });
}

export function itemControl(fb: NonNullableFormBuilder, value = ''): FormControl<string> {
  return fb.control(value, item);
}

export function actorGroup(fb: NonNullableFormBuilder, actor?: HandoverOtherActor): ActorGroup {
  return fb.group({
    kind: fb.control<OtherActorKind>(actor?.kind ?? OtherActorKind.Other),
    name: fb.control(actor?.name ?? '', item),
    contact: fb.control(actor?.contact ?? '', item),
  });
}

/** Fills the form with a packet's content, its lists rebuilt; the form is pristine after. */
export function fillHandoverForm(
  fb: NonNullableFormBuilder,
  form: HandoverForm,
  content: HandoverContent,
): void {
  const c = form.controls;
  replace(
    c.goals,
    content.goals.map((goal) => itemControl(fb, goal)),
  );
  replace(
    c.firstSteps,
    content.firstSteps.map((step) => itemControl(fb, step)),
  );
  replace(
    c.otherActors,
    content.otherActors.map((actor) => actorGroup(fb, actor)),
  );
  form.reset({
    background: content.background,
    purpose: content.purpose,
    goals: content.goals,
    knownBarriers: content.knownBarriers,
    triedBefore: content.triedBefore,
    contactPreferences: {
      meetingPlace: content.contactPreferences.meetingPlace,
      meetingPlaceReason: content.contactPreferences.meetingPlaceReason,
      times: content.contactPreferences.times,
      forms: content.contactPreferences.forms,
    },
    safetyNotes: content.safetyNotes,
    otherActors: content.otherActors,
    firstSteps: content.firstSteps,
    courseSoFar: content.courseSoFar,
  });
}

function replace<T extends AbstractControl>(array: FormArray<T>, controls: T[]): void {
  array.clear({ emitEvent: false });
  for (const control of controls) array.push(control, { emitEvent: false });
}

/**
 * The content the form holds, as the API takes it: texts trimmed, blank list entries and other
 * actors without name or contact left out (an added row never filled in is not content).
 */
export function handoverContentOf(value: ReturnType<HandoverForm['getRawValue']>): HandoverContent {
  const list = (items: string[]) => items.map((entry) => entry.trim()).filter((entry) => entry !== '');
  return {
    background: value.background.trim(),
    purpose: value.purpose.trim(),
    goals: list(value.goals),
    knownBarriers: value.knownBarriers.trim(),
    triedBefore: value.triedBefore.trim(),
    contactPreferences: {
      meetingPlace: value.contactPreferences.meetingPlace,
      meetingPlaceReason: value.contactPreferences.meetingPlaceReason.trim(),
      times: value.contactPreferences.times.trim(),
      forms: value.contactPreferences.forms,
    },
    safetyNotes: value.safetyNotes.trim(),
    otherActors: value.otherActors
      .map((actor) => ({ kind: actor.kind, name: actor.name.trim(), contact: actor.contact.trim() }))
      .filter((actor) => actor.name !== '' || actor.contact !== ''),
    firstSteps: list(value.firstSteps),
    courseSoFar: value.courseSoFar.trim(),
  };
}

/** A handover code without its feature prefix (`handover.required` → `required`), as the texts are keyed. */
export function handoverCode(code: string): string {
  return code.replace(/^handover\./, '');
}

/** The text of a problem code (`handover.already_sent`) under `handover.errors`, or null when it has none. */
export function handoverCodeText(code: string | undefined, t: Translate): string | null {
  if (!code) return null;
  const key = `handover.errors.${handoverCode(code)}`;
  const text = t(key);
  return text === key ? null : text;
}

/**
 * A field error's texts: `handover.fieldErrors.<field>.<code>`, then `handover.errors.<code>`
 * (codes with or without their `handover.` prefix), then the app's usual wording of the code (see
 * {@link fieldMessages}). `field` is the last named part of the path (`content.otherActors.0.name` → `name`).
 */
export function handoverErrorTexts(error: FieldError, t: Translate): string[] {
  const name =
    error.field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? error.field;
  const texts = error.messages.map((message, i) => {
    const original = error.codes?.[i];
    if (!original) return message;
    const code = handoverCode(original);
    for (const key of [`handover.fieldErrors.${name}.${code}`, `handover.errors.${code}`]) {
      const found = t(key);
      if (found !== key) return found;
    }
    return fieldMessages({ field: error.field, messages: [message], codes: [original] }, t)[0];
  });
  return [...new Set(texts)];
}

/**
 * Puts per-field errors (API paths like `content.goals.2`, or the domain's send check) on the
 * form's controls as a `server` error: on the control the path names, else its nearest parent.
 * Returns the texts that found no control.
 */
export function applyHandoverErrors(
  form: HandoverForm,
  errors: readonly FieldError[],
  t: Translate,
): string[] {
  const unplaced: string[] = [];
  for (const error of errors) {
    const texts = handoverErrorTexts(error, t);
    const control = nearestControl(form, error.field.replace(/^content\./, ''));
    if (!control) {
      unplaced.push(...texts);
      continue;
    }
    const before = control.errors?.['server'] as string | undefined;
    const server = [...new Set([...(before ? [before] : []), ...texts])].join(' ');
    control.setErrors({ ...(control.errors ?? {}), server });
    control.markAsTouched();
  }
  return unplaced;
}

function nearestControl(form: HandoverForm, path: string): AbstractControl | null {
  const parts = path.split('.');
  while (parts.length) {
    const control = form.get(parts.join('.'));
    if (control) return control;
    parts.pop();
  }
  return null;
}

/** The `server` error text of a control, if any (array-level errors: "Skriv mindst ét mål"). */
export function serverError(control: AbstractControl): string | null {
  const server = control.errors?.['server'];
  return typeof server === 'string' ? server : null;
}
