import { formatNumber } from '@angular/common';
import { effect, inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from './i18n.service';

/** Paginator labels from the translation files, numbers in the active locale. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    this.applyLabels();
    // Re-apply on a language switch; `changes` makes every paginator re-render.
    effect(() => {
      this.applyLabels();
      this.changes.next();
    });
  }

  private applyLabels(): void {
    const t = (key: string) => this.i18n.t(`paginator.${key}`);
    this.itemsPerPageLabel = t('itemsPerPage');
    this.nextPageLabel = t('next');
    this.previousPageLabel = t('previous');
    this.firstPageLabel = t('first');
    this.lastPageLabel = t('last');
    const locale = this.i18n.locale();
    this.getRangeLabel = (page, pageSize, length) => {
      const n = (value: number) => formatNumber(value, locale, '1.0-0');
      if (length === 0) return this.i18n.t('paginator.rangeEmpty');
      const start = page * pageSize;
      const end = Math.min(start + pageSize, length);
      return this.i18n.t('paginator.range', { start: n(start + 1), end: n(end), total: n(length) });
    };
  }
}
