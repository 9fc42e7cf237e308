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
  {
    // Caseworkers write and send, the course's mentor acknowledges, team leaders read (`/courses` needs CoursesRead).
    path: ':id/handover',
    title: 'handover.title',
    loadComponent: () => import('../handover/pages/handover.page').then((m) => m.HandoverPage),
  },
  {
    // The caseworker shares items of the case, the course's mentor reads them; the page shows each its side.
    path: ':id/case',
    title: 'caseSharing.coursePage.title',
    loadComponent: () => import('../case-sharing/pages/course-case.page').then((m) => m.CourseCasePage),
  },
  {
    path: ':id/messages',
    title: 'messages.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.MessagesWrite },
    loadComponent: () => import('../messages/pages/messages.page').then((m) => m.MessagesPage),
  },
];
