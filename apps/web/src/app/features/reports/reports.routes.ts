import { Routes } from '@angular/router';
import { Permission } from '@mentor/domain';
import { PERMISSION_DATA_KEY, permissionGuard } from '../../core/auth/permission.guard';

/** Under `/reports`. */
export const routes: Routes = [
  {
    path: 'quality',
    title: 'reportQuality.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.ReportsQuality },
    loadComponent: () => import('./pages/report-quality.page').then((m) => m.ReportQualityPage),
  },
  {
    path: ':id',
    title: 'reports.page.plainTitle',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.CoursesRead },
    loadComponent: () => import('./pages/report.page').then((m) => m.ReportPage),
  },
];
