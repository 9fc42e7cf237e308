import { formatDate } from '@angular/common';
import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';

/**
 * `{{ '2025-11-28' | localDate }}` → "28.11.2025" in Danish, "28/11/2025" in English; an ISO
 * timestamp with `'datetime'` adds the time. Impure so it follows the language.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | null | undefined, kind: 'date' | 'datetime' = 'date'): string {
    return formatLocalDate(value, this.i18n.locale(), kind);
  }
}

/** The formatting of {@link LocalDatePipe}, for code that builds texts (table cells). */
export function formatLocalDate(
  value: string | null | undefined,
  locale: string,
  kind: 'date' | 'datetime' = 'date',
): string {
  if (!value) return '';
  const da = locale === 'da';
  const format =
    kind === 'date' ? (da ? 'dd.MM.yyyy' : 'dd/MM/yyyy') : da ? 'dd.MM.yyyy HH:mm' : 'dd/MM/yyyy HH:mm';
  // Angular reads a bare `YYYY-MM-DD` as local midnight, so it is formatted in the local time
  // zone too; formatting it in UTC would show the day before anywhere east of UTC (Denmark).
  return formatDate(value, format, locale);
}
