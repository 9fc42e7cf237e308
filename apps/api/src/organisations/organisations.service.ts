import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type MentorOption,
  ORGANISATION_SORT_FIELDS,
  type OrganisationSummary,
  type Page,
  Role,
} from '@mentor/domain';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { sortOrDefault } from '../common/pagination';
import { NotFoundProblem } from '../common/versioned-update';
import type { OrganisationListQueryDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  /** The active mentors of an organisation, for assigning a course; a team leader sees only their own. */
  async mentors(caller: AuthenticatedUser, organisationId: string): Promise<MentorOption[]> {
    if (caller.role === Role.TeamLeader && organisationId !== caller.organisationId)
      throw new NotFoundProblem('organisation');
    const exists = await this.organisations.existsBy({
      id: organisationId,
      municipalityId: caller.municipalityId,
    });
    if (!exists) throw new NotFoundProblem('organisation');
    return this.organisations.manager.query(
      `SELECT u.id, u.name FROM app_user u
        WHERE u.organisation_id = $1 AND u.municipality_id = $2 AND u.role = $3 AND u.active ORDER BY u.name`,
      [organisationId, caller.municipalityId, Role.Mentor],
    );
  }

  /** The organisations of the caller's municipality only. */
  async list(caller: AuthenticatedUser, query: OrganisationListQueryDto): Promise<Page<OrganisationSummary>> {
    const sort = sortOrDefault(query.sort, ORGANISATION_SORT_FIELDS, { field: 'name', direction: 'ASC' });
    const [rows, total] = await this.organisations.findAndCount({
      where: { municipalityId: caller.municipalityId },
      order: { [sort.field]: sort.direction, id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return {
      items: rows.map(({ id, name, kind }) => ({ id, name, kind })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
