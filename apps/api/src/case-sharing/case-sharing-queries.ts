import { type CaseItemKind, Role, type ShareBasis, ShareState } from '@mentor/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { SqlParams } from '../common/sql-params';

/** SQL pieces of case items and shares; `ci` is the citizen, `co` the course, `s` the share, `i` the item. */

/**
 * The caller's caseload: a caseworker's own citizens in their municipality, nobody for other roles
 * (their routes need CaseShare, which only caseworkers have; this keeps the rule in the query too).
 */
export function caseload(p: SqlParams, citizen: string, caller: AuthenticatedUser): string {
  if (caller.role !== Role.Caseworker) return 'FALSE';
  return `(${citizen}.municipality_id = ${p.add(caller.municipalityId)} AND ${citizen}.caseworker_id = ${p.add(caller.id)})`;
}

/**
 * A share the mentor may use now: not revoked, not past its last day, its course not ended, and
 * the course still has the mentor it was shared with (a new mentor does not inherit it).
 */
export const ACTIVE_SHARE = (today: string) =>
  `(s.revoked_at IS NULL AND s.expires_on >= ${today} AND co.status <> 'ended' AND co.mentor_id = s.mentor_id)`;

const SHARE_STATE = (today: string) =>
  `CASE WHEN s.revoked_at IS NOT NULL THEN '${ShareState.Revoked}'
        WHEN ${ACTIVE_SHARE(today)} THEN '${ShareState.Active}'
        ELSE '${ShareState.Expired}' END`;

const FILE_COLUMNS = `f.file_name AS "fileName", f.content_type AS "contentType", f.size_bytes AS "sizeBytes"`;

export interface ItemRow {
  citizenId: string;
  id: string | null;
  kind: CaseItemKind;
  title: string;
  body: string | null;
  storedFileId: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  createdByName: string;
  createdAt: Date;
  activeShareCount: number;
}

/**
 * The caseworker's items of one citizen (or one item): a row for the citizen even without items,
 * so an empty case and a citizen outside the caseload can be told apart. Newest first.
 */
export function itemSelect(
  p: SqlParams,
  caller: AuthenticatedUser,
  today: string,
  where: { citizenId: string } | { itemId: string },
): string {
  const condition =
    'citizenId' in where
      ? `ci.id = ${p.add(where.citizenId)}`
      : `ci.id = (SELECT citizen_id FROM case_item WHERE id = ${p.add(where.itemId)}) AND i.id = ${p.add(where.itemId)}`;
  const day = `${p.add(today)}::date`;
  return `SELECT ci.id AS "citizenId", i.id, i.kind, i.title, i.body, i.stored_file_id AS "storedFileId", ${FILE_COLUMNS},
                 u.name AS "createdByName", i.created_at AS "createdAt",
                 (SELECT count(*)::int FROM case_share s JOIN mentor_course co ON co.id = s.course_id
                   WHERE s.municipality_id = i.municipality_id AND s.item_id = i.id AND ${ACTIVE_SHARE(day)}) AS "activeShareCount"
            FROM citizen ci
            LEFT JOIN case_item i ON i.municipality_id = ci.municipality_id AND i.citizen_id = ci.id
            LEFT JOIN app_user u ON u.id = i.created_by
            LEFT JOIN stored_file f ON f.id = i.stored_file_id
           WHERE ${condition} AND ${caseload(p, 'ci', caller)}`;
}

export const ITEM_ORDER = `ORDER BY "createdAt" DESC NULLS LAST, id DESC`;

export interface ShareRow {
  citizenId: string;
  id: string | null;
  courseId: string;
  itemId: string;
  itemKind: CaseItemKind;
  title: string;
  basis: ShareBasis;
  legalBasis: string | null;
  consentGivenOn: string | null;
  consentScope: string | null;
  expiresOn: string;
  state: ShareState;
  sharedByName: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
}

/**
 * The caseworker's shares of one course (a row for the course even without shares) or one share,
 * each with its state today.
 */
export function shareSelect(
  p: SqlParams,
  caller: AuthenticatedUser,
  today: string,
  where: { courseId: string } | { shareId: string },
): string {
  const day = `${p.add(today)}::date`;
  const condition =
    'courseId' in where ? `co.id = ${p.add(where.courseId)}` : `s.id = ${p.add(where.shareId)}`;
  return `SELECT ci.id AS "citizenId", s.id, co.id AS "courseId", s.item_id AS "itemId", i.kind AS "itemKind", i.title,
                 s.basis, s.legal_basis AS "legalBasis", to_char(s.consent_given_on, 'YYYY-MM-DD') AS "consentGivenOn",
                 s.consent_scope AS "consentScope", to_char(s.expires_on, 'YYYY-MM-DD') AS "expiresOn",
                 ${SHARE_STATE(day)} AS state, sb.name AS "sharedByName", s.created_at AS "createdAt",
                 s.revoked_at AS "revokedAt", rb.name AS "revokedByName"
            FROM mentor_course co
            JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
            JOIN citizen ci ON ci.id = g.citizen_id AND ci.municipality_id = g.municipality_id
            ${'courseId' in where ? 'LEFT ' : ''}JOIN case_share s ON s.municipality_id = co.municipality_id AND s.course_id = co.id
            LEFT JOIN case_item i ON i.id = s.item_id
            LEFT JOIN app_user sb ON sb.id = s.shared_by
            LEFT JOIN app_user rb ON rb.id = s.revoked_by
           WHERE ${condition} AND ${caseload(p, 'ci', caller)}`;
}

export const SHARE_ORDER = `ORDER BY "createdAt" DESC NULLS LAST, id DESC`;

export interface SharedItemRow {
  citizenId: string;
  shareId: string | null;
  kind: CaseItemKind;
  title: string;
  body: string | null;
  storedFileId: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sharedOn: string;
  expiresOn: string;
}

/**
 * What is shared with the calling mentor now: the active shares of one of their own courses (a row
 * for the course even without shares), or one active share of theirs. Nothing else of the case.
 */
export function sharedItemSelect(
  p: SqlParams,
  caller: AuthenticatedUser,
  today: string,
  where: { courseId: string } | { shareId: string },
): string {
  const day = `${p.add(today)}::date`;
  const mentor = p.add(caller.id);
  const municipality = p.add(caller.municipalityId);
  const shareOfMentor = `s.municipality_id = co.municipality_id AND s.course_id = co.id AND s.mentor_id = ${mentor} AND ${ACTIVE_SHARE(day)}`;
  const byCourse = 'courseId' in where;
  const condition = byCourse ? `co.id = ${p.add(where.courseId)}` : `s.id = ${p.add(where.shareId)}`;
  return `SELECT ci.id AS "citizenId", s.id AS "shareId", i.kind, i.title, ${byCourse ? 'NULL::varchar' : 'i.body'} AS body,
                 i.stored_file_id AS "storedFileId", ${FILE_COLUMNS},
                 to_char(s.created_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS "sharedOn",
                 to_char(s.expires_on, 'YYYY-MM-DD') AS "expiresOn", s.created_at AS "createdAt"
            FROM mentor_course co
            JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
            JOIN citizen ci ON ci.id = g.citizen_id AND ci.municipality_id = g.municipality_id
            ${byCourse ? 'LEFT ' : ''}JOIN case_share s ON ${shareOfMentor}
            LEFT JOIN case_item i ON i.id = s.item_id
            LEFT JOIN stored_file f ON f.id = i.stored_file_id
           WHERE ${condition} AND co.municipality_id = ${municipality} AND co.mentor_id = ${mentor}`;
}

export const SHARED_ITEM_ORDER = `ORDER BY "createdAt" DESC NULLS LAST, "shareId" DESC`;
