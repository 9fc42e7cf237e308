import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { hasPermission, Permission, Role } from '@mentor/domain';
import { AuthService } from '../../core/auth/auth.service';

/**
 * `/caseload` is "Min sagsstamme" for a caseworker (who grants) and "Forløb" for a team leader
 * (who manages the organisation's courses): the translation key of the title for a role.
 */
export function caseloadTitleKey(role: Role | null | undefined): string {
  return role && hasPermission(role, Permission.GrantsWrite) ? 'caseload.title' : 'caseload.teamTitle';
}

/** The route title of `/caseload`, so the browser tab says what the heading says. */
export const caseloadTitle: ResolveFn<string> = () => caseloadTitleKey(inject(AuthService).user()?.role);
