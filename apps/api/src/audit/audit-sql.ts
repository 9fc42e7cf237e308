import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { SqlParams } from '../common/sql-params';

export interface ReadAudit {
  action: string;
  entityType: string;
  /** The entity read, for a single read; a list leaves it out. */
  entityId?: string;
  /** What the caller searched or filtered by, for searches. */
  details?: Record<string, unknown>;
}

/**
 * Wraps a SELECT of citizen data so that the same statement writes its audit record, with every
 * returned row's citizen: one round trip, and no row leaves the database without its record. One
 * record per request, also for an empty result (a search is itself worth recording). The SELECT
 * must return `"citizenId"`; `orderBy` (on its output columns) restores its order.
 */
export function auditedSelect(
  p: SqlParams,
  caller: AuthenticatedUser,
  audit: ReadAudit,
  select: string,
  orderBy = '',
): string {
  return `WITH page AS (${select}),
     audited AS (
       INSERT INTO audit_event (municipality_id, user_id, actor_role, actor_organisation_id, action, citizen_ids,
                                entity_type, entity_id, details, request_id)
       SELECT ${p.add(caller.municipalityId)}::uuid, ${p.add(caller.id)}::uuid, ${p.add(caller.role)},
              ${p.add(caller.organisationId)}::uuid, ${p.add(audit.action)},
              COALESCE(array_agg(DISTINCT page."citizenId"), '{}'), ${p.add(audit.entityType)},
              ${p.add(audit.entityId ?? null)}::uuid, ${p.add(audit.details ? JSON.stringify(audit.details) : null)}::jsonb,
              ${p.add(caller.requestId ?? null)}
         FROM page)
     SELECT * FROM page ${orderBy}`;
}
