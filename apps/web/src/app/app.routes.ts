import { Routes } from '@angular/router';
import { Permission } from '@mentor/domain';
import { authGuard, guestGuard } from './core/auth/auth.guard';
import { PERMISSION_DATA_KEY, permissionGuard } from './core/auth/permission.guard';
import { caseloadTitle } from './features/courses/caseload-title';

/** Route `title`s are translation keys, or resolve to one (see TranslatedTitleStrategy). */
export const routes: Routes = [
  {
    path: 'login',
    canMatch: [guestGuard],
    title: 'login.title',
    loadComponent: () => import('./features/login/pages/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'home.title',
        loadComponent: () => import('./features/home/pages/home.page').then((m) => m.HomePage),
      },
      {
        path: 'organisations',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.OrganisationsRead },
        loadChildren: () => import('./features/organisations/organisations.routes').then((m) => m.routes),
      },
      {
        path: 'users',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.UsersRead },
        loadChildren: () => import('./features/users/users.routes').then((m) => m.routes),
      },
      {
        path: 'my-citizens',
        title: 'myCitizens.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.ContactsWrite },
        loadComponent: () =>
          import('./features/courses/pages/my-citizens.page').then((m) => m.MyCitizensPage),
      },
      {
        path: 'caseload',
        // "Min sagsstamme" for a caseworker, "Forløb" for a team leader.
        title: caseloadTitle,
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.CoursesManage },
        loadComponent: () => import('./features/courses/pages/caseload.page').then((m) => m.CaseloadPage),
      },
      {
        path: 'courses',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.CoursesRead },
        loadChildren: () => import('./features/courses/courses.routes').then((m) => m.routes),
      },
      {
        path: 'reports',
        loadChildren: () => import('./features/reports/reports.routes').then((m) => m.routes),
      },
      {
        path: 'workforce',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.WorkforceRead },
        loadChildren: () => import('./features/workforce/workforce.routes').then((m) => m.routes),
      },
      {
        path: 'indicators',
        title: 'indicators.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.IndicatorsRead },
        loadComponent: () =>
          import('./features/indicators/pages/indicators.page').then((m) => m.IndicatorsPage),
      },
      {
        path: 'surveys',
        loadChildren: () => import('./features/surveys/surveys.routes').then((m) => m.routes),
      },
      {
        path: 'my-profile',
        title: 'workforce.myProfile.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.ProfileOwn },
        loadComponent: () =>
          import('./features/workforce/pages/my-profile.page').then((m) => m.MyProfilePage),
      },
      {
        path: 'settings',
        title: 'settings.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.MunicipalityManage },
        loadComponent: () => import('./features/settings/pages/settings.page').then((m) => m.SettingsPage),
      },
      {
        path: 'citizens/new',
        title: 'citizenNew.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.CitizensWrite },
        loadComponent: () =>
          import('./features/citizens/pages/new-citizen.page').then((m) => m.NewCitizenPage),
      },
      {
        path: 'citizens/:id/edit',
        title: 'citizenEdit.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.CitizensWrite },
        loadComponent: () =>
          import('./features/citizens/pages/edit-citizen.page').then((m) => m.EditCitizenPage),
      },
      {
        path: 'citizens/:id/access-log',
        title: 'accessLog.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.AccessLogRead },
        loadComponent: () =>
          import('./features/access-log/pages/access-log.page').then((m) => m.AccessLogPage),
      },
      {
        path: 'citizens/:id/case',
        title: 'caseSharing.citizenCase.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.CaseShare },
        loadComponent: () =>
          import('./features/case-sharing/pages/citizen-case.page').then((m) => m.CitizenCasePage),
      },
      {
        path: 'grants/new',
        title: 'grantNew.title',
        canActivate: [permissionGuard],
        data: { [PERMISSION_DATA_KEY]: Permission.GrantsWrite },
        loadComponent: () => import('./features/grants/pages/new-grant.page').then((m) => m.NewGrantPage),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./features/not-found/pages/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
