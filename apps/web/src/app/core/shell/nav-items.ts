import { hasPermission, Permission, Role } from '@mentor/domain';

export interface NavItem {
  /** Stable test hook, e.g. `nav-users`. */
  readonly testId: string;
  /** Translation key of the label. */
  readonly labelKey: string;
  readonly icon: string;
  readonly path: string;
  /** Exact match for the active state (home would match everything otherwise). */
  readonly exact: boolean;
  /** Permission the role needs; none for pages everyone may see. */
  readonly permission?: Permission;
  /** Hidden from roles that have this permission (they get another item for the same page). */
  readonly unlessPermission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { testId: 'nav-home', labelKey: 'nav.home', icon: 'home', path: '/', exact: true },
  {
    testId: 'nav-my-citizens',
    labelKey: 'nav.myCitizens',
    icon: 'people',
    path: '/my-citizens',
    exact: false,
    permission: Permission.ContactsWrite,
  },
  {
    testId: 'nav-caseload',
    labelKey: 'nav.caseload',
    icon: 'folder_shared',
    path: '/caseload',
    exact: false,
    permission: Permission.GrantsWrite,
  },
  {
    // A team leader sees the organisation's courses on the same page.
    testId: 'nav-courses',
    labelKey: 'nav.courses',
    icon: 'folder_shared',
    path: '/caseload',
    exact: false,
    permission: Permission.CoursesManage,
    unlessPermission: Permission.GrantsWrite,
  },
  {
    testId: 'nav-workforce',
    labelKey: 'nav.workforce',
    icon: 'badge',
    path: '/workforce',
    exact: false,
    permission: Permission.WorkforceRead,
  },
  {
    testId: 'nav-my-profile',
    labelKey: 'nav.myProfile',
    icon: 'account_circle',
    path: '/my-profile',
    exact: false,
    permission: Permission.ProfileOwn,
  },
  {
    testId: 'nav-report-quality',
    labelKey: 'nav.reportQuality',
    icon: 'fact_check',
    path: '/reports/quality',
    exact: false,
    permission: Permission.ReportsQuality,
  },
  {
    testId: 'nav-indicators',
    labelKey: 'indicators.nav',
    icon: 'bar_chart',
    path: '/indicators',
    exact: false,
    permission: Permission.IndicatorsRead,
  },
  {
    testId: 'nav-surveys',
    labelKey: 'surveys.nav',
    icon: 'quiz',
    path: '/surveys',
    exact: false,
    permission: Permission.SurveysAnswer,
  },
  {
    // An administrator answers no questionnaire but imports responses on the same page.
    testId: 'nav-surveys-manage',
    labelKey: 'surveys.nav',
    icon: 'quiz',
    path: '/surveys',
    exact: false,
    permission: Permission.SurveysManage,
    unlessPermission: Permission.SurveysAnswer,
  },
  {
    testId: 'nav-organisations',
    labelKey: 'nav.organisations',
    icon: 'apartment',
    path: '/organisations',
    exact: false,
    permission: Permission.OrganisationsRead,
  },
  {
    testId: 'nav-users',
    labelKey: 'nav.users',
    icon: 'group',
    path: '/users',
    exact: false,
    permission: Permission.UsersRead,
  },
  {
    testId: 'nav-settings',
    labelKey: 'nav.settings',
    icon: 'settings',
    path: '/settings',
    exact: false,
    permission: Permission.MunicipalityManage,
  },
];

/** The navigation a role may use, from the shared permission map. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || hasPermission(role, item.permission)) &&
      (!item.unlessPermission || !hasPermission(role, item.unlessPermission)),
  );
}
