import { ContactForm, MeetingPlace } from '@mentor/domain';
import { usualContactForm, weekNumber } from './course-view';

const c = (form: ContactForm, deleted = false) => ({ form, deleted });

describe('usualContactForm', () => {
  it('is the most frequent form of the recent contacts, the newest winning a tie', () => {
    expect(
      usualContactForm([c(ContactForm.Phone), c(ContactForm.InPersonHome), c(ContactForm.InPersonHome)]),
    ).toBe(ContactForm.InPersonHome);
    expect(usualContactForm([c(ContactForm.Phone), c(ContactForm.Sms)])).toBe(ContactForm.Phone);
  });

  it('ignores deleted contacts', () => {
    expect(
      usualContactForm([c(ContactForm.Video, true), c(ContactForm.Video, true), c(ContactForm.Sms)]),
    ).toBe(ContactForm.Sms);
  });

  it("falls back to the citizen's meeting preference, then in person elsewhere", () => {
    expect(usualContactForm([], MeetingPlace.Home)).toBe(ContactForm.InPersonHome);
    expect(usualContactForm([], MeetingPlace.OutOfHome)).toBe(ContactForm.InPersonElsewhere);
    expect(usualContactForm([])).toBe(ContactForm.InPersonElsewhere);
  });
});

describe('weekNumber', () => {
  it('reads the ISO week', () => {
    expect(weekNumber('2026-W07')).toBe(7);
  });
});
