import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserActiveStatus } from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SessionService } from '../auth/session.service';
import { ProblemException } from '../common/problem';
import { NotFoundProblem } from '../common/versioned-update';

/** Disabling and enabling the users of the caller's municipality (the administrator). */
@Injectable()
export class UserActiveService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Disabling a user ends all their sessions in the same transaction, on every API instance at once
   * (SessionService.endAllOfUser); enabling them again revives none. 404 for a user of another
   * municipality, 422 for oneself (an administrator cannot lock themselves out).
   */
  async setActive(caller: AuthenticatedUser, userId: string, active: boolean): Promise<UserActiveStatus> {
    if (userId === caller.id && !active) {
      throw new ProblemException({
        status: 422,
        code: 'user.cannot_disable_self',
        detail: 'You cannot disable yourself; ask another administrator.',
      });
    }
    const change = async (tx: EntityManager) => {
      const [rows] = (await tx.query(
        `UPDATE app_user SET active = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND municipality_id = $2
          RETURNING id`,
        [userId, caller.municipalityId, active],
      )) as [{ id: string }[], number];
      if (rows.length === 0) throw new NotFoundProblem('user');
      await this.audit.record(
        caller,
        { action: active ? 'user.enable' : 'user.disable', entityType: 'app_user', entityId: userId },
        tx,
      );
    };
    if (active) {
      await this.db.transaction(change);
      return { id: userId, active, endedSessions: 0 };
    }
    const endedSessions = await this.sessions.endAllOfUser(caller.municipalityId, userId, change);
    return { id: userId, active, endedSessions };
  }
}
