import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type MeResponse, type Page, USER_SORT_FIELDS, type UserSummary } from '@mentor/domain';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UnauthenticatedException } from '../auth/auth.exception';
import { sortOrDefault } from '../common/pagination';
import { queryPrepared } from '../database/prepared';
import type { UserListQueryDto } from './dto/user.dto';
import { Organisation } from '../organisations/organisation.entity';
import { User } from './user.entity';

const SORT_COLUMNS: Record<(typeof USER_SORT_FIELDS)[number], string> = {
  name: 'u.name',
  username: 'u.username',
  role: 'u.role',
};

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async me(caller: AuthenticatedUser): Promise<MeResponse> {
    // On the hot path of every page load: one prepared statement (planning it cost more than running it).
    const [row] = await queryPrepared<
      Pick<MeResponse, 'username' | 'organisationName' | 'organisationKind' | 'municipalityName'>
    >(
      this.users.manager,
      `SELECT u.username, o.name AS "organisationName", o.kind AS "organisationKind", m.name AS "municipalityName"
         FROM app_user u
         JOIN organisation o ON o.municipality_id = u.municipality_id AND o.id = u.organisation_id
         JOIN municipality m ON m.id = u.municipality_id
        WHERE u.municipality_id = $1 AND u.id = $2`,
      [caller.municipalityId, caller.id],
    );
    if (!row) throw new UnauthenticatedException();
    const { sessionId: _sessionId, requestId: _requestId, ...user } = caller;
    return { ...user, ...row };
  }

  /** The users of the caller's municipality only. */
  async list(caller: AuthenticatedUser, query: UserListQueryDto): Promise<Page<UserSummary>> {
    const sort = sortOrDefault(query.sort, USER_SORT_FIELDS, { field: 'name', direction: 'ASC' });
    const rows = await this.users
      .createQueryBuilder('u')
      .innerJoin(Organisation, 'o', 'o.id = u.organisation_id AND o.municipality_id = u.municipality_id')
      .select([
        'u.id AS id',
        'u.name AS name',
        'u.username AS username',
        'u.role AS role',
        'u.active AS active',
      ])
      .addSelect('u.organisation_id', 'organisationId')
      .addSelect('o.name', 'organisationName')
      .addSelect('count(*) OVER ()', 'total')
      .where('u.municipality_id = :municipalityId', { municipalityId: caller.municipalityId })
      .orderBy(SORT_COLUMNS[sort.field], sort.direction)
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset)
      .getRawMany<UserSummary & { total: string }>();
    // Past the last page there is no row to carry the total.
    const first = rows[0];
    const total = first
      ? Number(first.total)
      : await this.users.countBy({ municipalityId: caller.municipalityId });
    return {
      items: rows.map(({ total: _total, ...user }) => user),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
