import { HttpErrorResponse } from '@angular/common/http';
import { ProblemDetails } from '@mentor/domain';
import { fieldErrors, fieldMessages } from './problem';

const TEXTS: Record<string, string> = {
  'validation.codes.isNotEmpty': 'Skal udfyldes.',
  'validation.codes.max': 'Værdien er for høj.',
  'validation.codes.contact.in_future': 'Kontakten må ikke ligge ude i fremtiden.',
  'validation.fields.minutes.max': 'Skriv et helt antal minutter fra 1 til 600.',
  'validation.fields.minutes.isInt': 'Skriv et helt antal minutter fra 1 til 600.',
};
const t = (key: string) => TEXTS[key] ?? key;

function problem(errors: ProblemDetails['errors']): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 400,
    error: { type: 'x', title: 'Validation failed', status: 400, code: 'validation.failed', errors },
  });
}

describe('fieldMessages', () => {
  it("prefers the field's own text for a code, then the code's text, then the API's message", () => {
    expect(
      fieldMessages(
        {
          field: 'minutes',
          messages: ['minutes must not be greater than 600', 'minutes must be an integer number'],
          codes: ['max', 'isInt'],
        },
        t,
      ),
    ).toEqual(['Skriv et helt antal minutter fra 1 til 600.']);
    expect(fieldMessages({ field: 'transportMinutes', messages: ['too high'], codes: ['max'] }, t)).toEqual([
      'Værdien er for høj.',
    ]);
    expect(
      fieldMessages(
        { field: 'startTime', messages: ['must not be in the future'], codes: ['contact.in_future'] },
        t,
      ),
    ).toEqual(['Kontakten må ikke ligge ude i fremtiden.']);
    expect(fieldMessages({ field: 'x', messages: ['some new rule'], codes: ['brandNew'] }, t)).toEqual([
      'some new rule',
    ]);
    expect(fieldMessages({ field: 'endReason', messages: ['endReason is required'] }, t)).toEqual([
      'endReason is required',
    ]);
  });
});

describe('fieldErrors', () => {
  it('translates each field error and counts nested paths for their first part too', () => {
    const error = problem([
      { field: 'name', messages: ['name should not be empty'], codes: ['isNotEmpty'] },
      { field: 'goals.1', messages: ['goals.1 should not be empty'], codes: ['isNotEmpty'] },
    ]);
    expect(fieldErrors(error, t)).toEqual({
      name: ['Skal udfyldes.'],
      'goals.1': ['Skal udfyldes.'],
      goals: ['Skal udfyldes.'],
    });
  });

  it('is empty for errors that are not problem documents', () => {
    expect(fieldErrors(new Error('boom'), t)).toEqual({});
    expect(fieldErrors(new HttpErrorResponse({ status: 0 }), t)).toEqual({});
  });
});
