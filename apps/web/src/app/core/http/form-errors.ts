import { AbstractControl, FormGroup } from '@angular/forms';

/** Puts a 400's messages on the form's controls as a `server` error; returns the fields it could not place. */
export function applyServerErrors(form: FormGroup, errors: Record<string, string[]>): string[] {
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    if (field.includes('.')) continue; // counted under its first part as well
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
      control.markAsTouched();
    } else unplaced.push(...messages);
  }
  return unplaced;
}

/** Translation key (under `forms.errors`) of a control's first client-side error, or the server text. */
export function controlErrorKey(control: AbstractControl): { key?: string; text?: string } | null {
  const errors = control.errors;
  if (!errors) return null;
  if (errors['server']) return { text: String(errors['server']) };
  for (const key of [
    'required',
    'cpr',
    'email',
    'pattern',
    'min',
    'max',
    'maxlength',
    'endsOn',
    'endsBeforeStart',
  ]) {
    if (errors[key]) return { key: `forms.errors.${key}` };
  }
  return { key: 'forms.errors.invalid' };
}
