import { BarrierKind, ContactForm, GoalProgress } from '@mentor/domain';

/** Danish words for the domain's values in text the server writes (PDFs, pre-filled handover text). */

export const CONTACT_FORM_DA: Record<ContactForm, string> = {
  [ContactForm.InPersonHome]: 'Fremmøde i hjemmet',
  [ContactForm.InPersonJobcentre]: 'Fremmøde på jobcentret',
  [ContactForm.InPersonProvider]: 'Fremmøde hos leverandøren',
  [ContactForm.InPersonElsewhere]: 'Fremmøde andetsteds',
  [ContactForm.Phone]: 'Telefon',
  [ContactForm.Video]: 'Video',
  [ContactForm.Sms]: 'SMS',
  [ContactForm.Email]: 'E-mail',
};

export const GOAL_PROGRESS_DA: Record<GoalProgress, string> = {
  [GoalProgress.NotStarted]: 'Ikke startet',
  [GoalProgress.SomeProgress]: 'Nogen fremgang',
  [GoalProgress.ClearProgress]: 'Tydelig fremgang',
  [GoalProgress.Reached]: 'Nået',
  [GoalProgress.NoLongerRelevant]: 'Ikke længere relevant',
};

export const BARRIER_KIND_DA: Record<BarrierKind, string> = {
  [BarrierKind.Health]: 'Fysisk helbred',
  [BarrierKind.MentalHealth]: 'Psykisk helbred',
  [BarrierKind.Housing]: 'Bolig',
  [BarrierKind.Finances]: 'Økonomi',
  [BarrierKind.Family]: 'Familie',
  [BarrierKind.Addiction]: 'Misbrug',
  [BarrierKind.Other]: 'Andet',
};
