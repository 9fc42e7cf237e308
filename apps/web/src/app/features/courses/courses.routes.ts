import { Routes } from '@angular/router';
import { Permission } from '@mentor/domain';
import { PERMISSION_DATA_KEY, permissionGuard } from '../../core/auth/permission.guard';

/** Under `/courses`. */
export const routes: Routes = [
  {
    path: ':id',
    title: 'course.title',
    loadComponent: () => import('./pages/course.page').then((m) => m.CoursePage),
  },
  {
    path: ':id/log',
    title: 'logContact.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.ContactsWrite },
    loadComponent: () => import('./pages/log-contact.page').then((m) => m.LogContactPage),
  },
];
