import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import {
  ContactForm,
  emptyHandoverContent,
  HandoverContent,
  MeetingPlace,
  OtherActorKind,
} from '@mentor/domain';
import {
  applyHandoverErrors,
  fillHandoverForm,
  handoverContentOf,
  handoverErrorTexts,
  handoverForm,
  serverError,
} from './handover-form';

const CONTENT: HandoverContent = {
  background: 'Kort baggrund',
  purpose: 'Komme i gang med et tilbud',
  goals: ['Møde stabilt op', 'Skaffe en læge'],
  knownBarriers: 'Angst',
  triedBefore: '',
  contactPreferences: {
    meetingPlace: MeetingPlace.Home,
    meetingPlaceReason: 'Går sjældent ud',
    times: 'Formiddage',
    forms: [ContactForm.Phone],
  },
  safetyNotes: '',
  otherActors: [{ kind: OtherActorKind.Doctor, name: 'Egen læge', contact: '' }],
  firstSteps: ['Første møde i hjemmet'],
  courseSoFar: '',
};

/** A translation table: the key's text, or the key itself when it has none (as I18nService.t). */
const translate =
  (texts: Record<string, string>) =>
  (key: string): string =>
    texts[key] ?? key;

function setUp() {
  const fb = TestBed.inject(NonNullableFormBuilder);
  const form = handoverForm(fb);
  fillHandoverForm(fb, form, CONTENT);
  return { fb, form };
}

describe('the handover form', () => {
  it('holds a packet and gives it back unchanged', () => {
    const { form } = setUp();
    expect(form.controls.goals.length).toBe(2);
    expect(form.controls.otherActors.length).toBe(1);
    expect(form.pristine).toBe(true);
    expect(handoverContentOf(form.getRawValue())).toEqual(CONTENT);
  });

  it('trims texts and leaves out blank list entries and actors without name or contact', () => {
    const { fb, form } = setUp();
    form.controls.background.setValue('  Ny baggrund \n');
    form.controls.goals.push(fb.control('   '));
    form.controls.firstSteps.at(0).setValue(' Ring først ');
    form.controls.otherActors.push(
      fb.group({ kind: fb.control(OtherActorKind.Other), name: fb.control(' '), contact: fb.control('') }),
    );
    const content = handoverContentOf(form.getRawValue());
    expect(content.background).toBe('Ny baggrund');
    expect(content.goals).toEqual(CONTENT.goals);
    expect(content.firstSteps).toEqual(['Ring først']);
    expect(content.otherActors).toEqual(CONTENT.otherActors);
  });

  it('empties its lists for an empty packet', () => {
    const { fb, form } = setUp();
    fillHandoverForm(fb, form, emptyHandoverContent());
    expect(form.controls.goals.length).toBe(0);
    expect(form.controls.otherActors.length).toBe(0);
    expect(handoverContentOf(form.getRawValue())).toEqual(emptyHandoverContent());
  });
});

describe('handover field errors', () => {
  const t = translate({
    'handover.errors.required': 'Skal udfyldes, før overleveringen kan sendes.',
    'handover.fieldErrors.goals.required': 'Skriv mindst ét mål.',
    'validation.codes.maxLength': 'Teksten er for lang.',
  });

  it('word a code for the field first, then for handover, then as the app does, else the message', () => {
    expect(handoverErrorTexts({ field: 'content.goals', messages: ['x'], codes: ['required'] }, t)).toEqual([
      'Skriv mindst ét mål.',
    ]);
    expect(
      handoverErrorTexts({ field: 'content.background', messages: ['x'], codes: ['required'] }, t),
    ).toEqual(['Skal udfyldes, før overleveringen kan sendes.']);
    expect(
      handoverErrorTexts({ field: 'content.goals.1', messages: ['too long'], codes: ['maxLength'] }, t),
    ).toEqual(['Teksten er for lang.']);
    // The API prefixes its own codes with the feature.
    expect(
      handoverErrorTexts({ field: 'content.firstSteps', messages: ['x'], codes: ['handover.required'] }, t),
    ).toEqual(['Skal udfyldes, før overleveringen kan sendes.']);
    expect(handoverErrorTexts({ field: 'content.purpose', messages: ['purpose is odd'] }, t)).toEqual([
      'purpose is odd',
    ]);
  });

  it('land on the control the API path names, or its nearest parent; the rest is returned', () => {
    const { form } = setUp();
    const unplaced = applyHandoverErrors(
      form,
      [
        { field: 'content.background', messages: ['x'], codes: ['required'] },
        { field: 'content.goals.1', messages: ['x'], codes: ['maxLength'] },
        { field: 'content.otherActors.0.name', messages: ['x'], codes: ['maxLength'] },
        { field: 'content.firstSteps', messages: ['x'], codes: ['required'] },
        // An entry the form does not have lands on its list.
        { field: 'content.firstSteps.7', messages: ['x'], codes: ['maxLength'] },
        { field: 'version', messages: ['version must be an integer'] },
      ],
      t,
    );
    expect(serverError(form.controls.background)).toBe('Skal udfyldes, før overleveringen kan sendes.');
    expect(serverError(form.controls.goals.at(1))).toBe('Teksten er for lang.');
    expect(serverError(form.controls.goals.at(0))).toBeNull();
    expect(serverError(form.controls.otherActors.at(0).controls.name)).toBe('Teksten er for lang.');
    expect(serverError(form.controls.firstSteps)).toBe(
      'Skal udfyldes, før overleveringen kan sendes. Teksten er for lang.',
    );
    expect(form.controls.background.touched).toBe(true);
    expect(unplaced).toEqual(['version must be an integer']);
  });

  it('go away once the field is changed', () => {
    const { form } = setUp();
    applyHandoverErrors(form, [{ field: 'content.goals', messages: ['x'], codes: ['required'] }], t);
    expect(serverError(form.controls.goals)).toBe('Skriv mindst ét mål.');
    form.controls.goals.at(0).setValue('Nyt mål');
    expect(serverError(form.controls.goals)).toBeNull();
  });
});
