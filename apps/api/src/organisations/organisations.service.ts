import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ORGANISATION_SORT_FIELDS, type OrganisationSummary, type Page } from '@mentor/domain';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { sortOrDefault } from '../common/pagination';
import type { OrganisationListQueryDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

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
