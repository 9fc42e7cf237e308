import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'users.title',
    loadComponent: () => import('./pages/users.page').then((m) => m.UsersPage),
  },
];
