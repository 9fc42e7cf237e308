import { Routes } from '@angular/router';
import { Permission } from '@mentor/domain';
import { PERMISSION_DATA_KEY, permissionGuard } from '../../core/auth/permission.guard';

/** Under `/workforce`: the load view, a mentor, registering a mentor, the import. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'workforce.title',
    loadComponent: () => import('./pages/workforce.page').then((m) => m.WorkforcePage),
  },
  {
    path: 'mentors/new',
    title: 'workforce.registerPage.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.WorkforceManage },
    loadComponent: () => import('./pages/register-mentor.page').then((m) => m.RegisterMentorPage),
  },
  {
    path: 'mentors/:id',
    title: 'workforce.mentor.title',
    loadComponent: () => import('./pages/mentor.page').then((m) => m.MentorPage),
  },
  {
    path: 'import',
    title: 'workforce.importPage.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.WorkforceManage },
    loadComponent: () => import('./pages/import.page').then((m) => m.ImportPage),
  },
];
