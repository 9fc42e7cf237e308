import { Routes } from '@angular/router';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from '../../core/i18n/paginator-intl';

export const routes: Routes = [
  {
    path: '',
    title: 'users.title',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./pages/users.page').then((m) => m.UsersPage),
  },
];
