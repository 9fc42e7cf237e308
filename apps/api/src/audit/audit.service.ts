import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  /** The one citizen concerned; or `citizenIds` for a list or search. */
  citizenId?: string | null;
  citizenIds?: string[];
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/** Writes the append-only audit trail of reads and changes of citizen data. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records one or more events; pass the transaction's manager so a change and its record commit together. */
  async record(
    caller: AuthenticatedUser,
    entries: AuditEntry | AuditEntry[],
    manager: EntityManager = this.db.manager,
  ) {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await manager.insert(
      AuditEvent,
      list.map((entry) => ({
        municipalityId: caller.municipalityId,
        userId: caller.id,
        actorRole: caller.role,
        actorOrganisationId: caller.organisationId,
        action: entry.action,
        citizenIds: entry.citizenIds ?? (entry.citizenId ? [entry.citizenId] : []),
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        details: entry.details ?? null,
        requestId: caller.requestId ?? null,
      })),
    );
  }
}
