import { inject } from '@angular/core';
import { CanActivateFn, ResolveFn, Router, Routes } from '@angular/router';
import { canEnterSurvey, hasPermission, Permission, SURVEY_KINDS, SurveyKind } from '@mentor/domain';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSION_DATA_KEY, permissionGuard } from '../../core/auth/permission.guard';
import { HOME_URL } from '../../core/auth/return-url';

/** The overview is for whoever answers or manages questionnaires. */
const surveysGuard: CanActivateFn = () => {
  const role = inject(AuthService).user()?.role;
  const allowed =
    !!role &&
    (hasPermission(role, Permission.SurveysAnswer) || hasPermission(role, Permission.SurveysManage));
  return allowed || inject(Router).parseUrl(HOME_URL);
};

/** A questionnaire the user's role may submit (the API checks again); otherwise the overview. */
const surveyEntryGuard: CanActivateFn = (route) => {
  const role = inject(AuthService).user()?.role;
  const kind = SURVEY_KINDS.find((k) => k === route.paramMap.get('kind')) as SurveyKind | undefined;
  return (!!role && !!kind && canEnterSurvey(role, kind)) || inject(Router).parseUrl('/surveys');
};

/** The questionnaire's name as the page's title. */
const surveyTitle: ResolveFn<string> = (route) => `surveys.kinds.${route.paramMap.get('kind')}.name`;

/** Under `/surveys`: the overview, the import, one questionnaire. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'surveys.title',
    canActivate: [surveysGuard],
    loadComponent: () => import('./pages/surveys.page').then((m) => m.SurveysPage),
  },
  {
    path: 'import',
    title: 'surveys.import.title',
    canActivate: [permissionGuard],
    data: { [PERMISSION_DATA_KEY]: Permission.SurveysManage },
    loadComponent: () => import('./pages/survey-import.page').then((m) => m.SurveyImportPage),
  },
  {
    path: ':kind',
    title: surveyTitle,
    canActivate: [surveyEntryGuard],
    loadComponent: () => import('./pages/survey-form.page').then((m) => m.SurveyFormPage),
  },
];
