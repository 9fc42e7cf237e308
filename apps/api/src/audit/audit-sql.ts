import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface ReadAudit {
  action: string;
  entityType: string;
  /** The entity read, for a single read; a list leaves it out. */
  entityId?: string;
  /** What the caller searched or filtered by, for searches. */
  details?: Record<string, unknown>;
}

/**
 * A read of citizen data (it returns `"citizenId"`) and, unless its caller records the read itself,
 * the audit record it calls for, for ReadAuditWriter.query.
 */
export interface ReadStatement {
  text: string;
  values: unknown[];
  audit?: ReadAudit;
}

/** A ReadStatement that is always audit-logged. */
export interface AuditedStatement extends ReadStatement {
  audit: ReadAudit;
}

/** One read's audit record, as ReadAuditWriter batches it (JSON, so many fit one parameter). */
export interface ReadAuditRecord {
  municipality_id: string;
  user_id: string;
  actor_role: string;
  actor_organisation_id: string;
  action: string;
  citizen_ids: string[];
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown> | null;
  request_id: string | null;
}

export function readAuditRecord(
  caller: AuthenticatedUser,
  audit: ReadAudit,
  citizenIds: string[],
): ReadAuditRecord {
  return {
    municipality_id: caller.municipalityId,
    user_id: caller.id,
    actor_role: caller.role,
    actor_organisation_id: caller.organisationId,
    action: audit.action,
    citizen_ids: citizenIds,
    entity_type: audit.entityType,
    entity_id: audit.entityId ?? null,
    details: audit.details ?? null,
    request_id: caller.requestId ?? null,
  };
}

/** Inserts the ReadAuditRecords of its one parameter, a JSON array. */
export const READ_AUDIT_INSERT = `INSERT INTO audit_event (municipality_id, user_id, actor_role, actor_organisation_id, action,
                            citizen_ids, entity_type, entity_id, details, request_id)
  SELECT municipality_id, user_id, actor_role, actor_organisation_id, action, citizen_ids, entity_type, entity_id,
         details, request_id
    FROM json_to_recordset($1::json) AS r(municipality_id uuid, user_id uuid, actor_role varchar, actor_organisation_id uuid,
         action varchar, citizen_ids uuid[], entity_type varchar, entity_id uuid, details jsonb, request_id varchar)`;
