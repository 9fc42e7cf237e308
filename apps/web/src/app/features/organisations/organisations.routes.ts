import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'organisations.title',
    loadComponent: () => import('./pages/organisations.page').then((m) => m.OrganisationsPage),
  },
];
