import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type MeResponse, type Page, USER_SORT_FIELDS, type UserSummary } from '@mentor/domain';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UnauthenticatedException } from '../auth/auth.exception';
import { sortOrDefault } from '../common/pagination';
import type { UserListQueryDto } from './dto/user.dto';
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
    // One query on the hot path of every page load; a findOne with relations costs three.
    const row = await this.users
      .createQueryBuilder('u')
      .innerJoin('u.organisation', 'o')
      .innerJoin('u.municipality', 'm')
      .select(['u.username AS username', 'o.name AS "organisationName"', 'o.kind AS "organisationKind"'])
      .addSelect('m.name', 'municipalityName')
      .where('u.id = :id AND u.municipality_id = :municipalityId', {
        id: caller.id,
        municipalityId: caller.municipalityId,
      })
      .getRawOne<
        Pick<MeResponse, 'username' | 'organisationName' | 'organisationKind' | 'municipalityName'>
      >();
    if (!row) throw new UnauthenticatedException();
    const { sessionId: _sessionId, requestId: _requestId, ...user } = caller;
    return { ...user, ...row };
  }

  /** The users of the caller's municipality only. */
  async list(caller: AuthenticatedUser, query: UserListQueryDto): Promise<Page<UserSummary>> {
    const sort = sortOrDefault(query.sort, USER_SORT_FIELDS, { field: 'name', direction: 'ASC' });
    const [rows, total] = await this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('u.municipality_id = :municipalityId', { municipalityId: caller.municipalityId })
      .orderBy(SORT_COLUMNS[sort.field], sort.direction)
      .addOrderBy('u.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return {
      items: rows.map((u) => ({
        id: u.id,
        name: u.name,
        username: u.username,
        role: u.role,
        organisationId: u.organisationId,
        organisationName: u.organisation?.name ?? '',
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
