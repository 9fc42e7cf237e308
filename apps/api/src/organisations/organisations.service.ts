import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  certificationState,
  isCertificationValid,
  type MentorOption,
  ORGANISATION_SORT_FIELDS,
  type OrganisationSummary,
  type Page,
  Role,
  utilisationPercent,
} from '@mentor/domain';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { sortOrDefault } from '../common/pagination';
import { NotFoundProblem } from '../common/versioned-update';
import type { OrganisationListQueryDto } from './dto/organisation.dto';
import { mentorLoadStatement, type MentorLoadSqlRow } from '../workforce/workforce-queries';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  /**
   * The active mentors of an organisation with their load and certification, for assigning a course;
   * a team leader sees only their own organisation's.
   */
  async mentors(caller: AuthenticatedUser, organisationId: string): Promise<MentorOption[]> {
    if (caller.role === Role.TeamLeader && organisationId !== caller.organisationId)
      throw new NotFoundProblem('organisation');
    const exists = await this.organisations.existsBy({
      id: organisationId,
      municipalityId: caller.municipalityId,
    });
    if (!exists) throw new NotFoundProblem('organisation');
    const today = todayInDenmark();
    const { text, values } = mentorLoadStatement(caller.municipalityId, organisationId, today);
    const rows = await this.organisations.manager.query<MentorLoadSqlRow[]>(text, values);
    return rows.map((row) => {
      const certification = certificationState(
        row.certifiedOn ? [{ certifiedOn: row.certifiedOn, renewalDueOn: row.renewalDueOn }] : [],
        today,
      );
      return {
        id: row.id,
        name: row.name,
        activeCourses: row.activeCourses,
        grantedMinutesPerWeek: row.grantedMinutesPerWeek,
        capacityMinutesPerWeek: row.capacityMinutesPerWeek,
        utilisationPercent: utilisationPercent(row.grantedMinutesPerWeek, row.capacityMinutesPerWeek),
        certification,
        assignable: !row.requireCertification || isCertificationValid(certification.status),
      };
    });
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
