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
    const user = await this.users.findOne({
      where: { id: caller.id, municipalityId: caller.municipalityId },
      relations: { organisation: true, municipality: true },
    });
    if (!user?.organisation || !user.municipality) throw new UnauthenticatedException();
    return {
      id: user.id,
      role: user.role,
      organisationId: user.organisationId,
      municipalityId: user.municipalityId,
      name: user.name,
      username: user.username,
      organisationName: user.organisation.name,
      organisationKind: user.organisation.kind,
      municipalityName: user.municipality.name,
    };
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
