import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CITIZEN_SORT_FIELDS,
  type CitizenDetail,
  type CitizenSummary,
  maskCpr,
  type Page,
  parseCpr,
  TargetGroup,
} from '@mentor/domain';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { sortOrDefault } from '../common/pagination';
import { ProblemException, ValidationProblem } from '../common/problem';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { User } from '../users/user.entity';
import { Citizen } from './citizen.entity';
import { scopeCitizens } from './citizen-scope';
import { CprCipher } from './cpr-cipher';
import type { CitizenListQueryDto, CreateCitizenDto, UpdateCitizenDto } from './dto/citizen.dto';

interface CitizenRow {
  id: string;
  name: string;
  cprMasked: string;
  caseworkerId: string;
  caseworkerName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredMeetingPlace: CitizenDetail['preferredMeetingPlace'];
  meetingPlaceReason: string | null;
  targetGroup: TargetGroup;
  version: number;
}

@Injectable()
export class CitizensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CprCipher) private readonly cipher: CprCipher,
    private readonly audit: AuditService,
  ) {}

  private select(caller: AuthenticatedUser): SelectQueryBuilder<Citizen> {
    const qb = this.db
      .getRepository(Citizen)
      .createQueryBuilder('c')
      .innerJoin(User, 'cw', 'cw.id = c.caseworker_id AND cw.municipality_id = c.municipality_id')
      .select([
        'c.id AS id',
        'c.name AS name',
        'c.cpr_masked AS "cprMasked"',
        'c.caseworker_id AS "caseworkerId"',
        'cw.name AS "caseworkerName"',
        'c.phone AS phone',
        'c.email AS email',
        'c.address AS address',
        'c.preferred_meeting_place AS "preferredMeetingPlace"',
        'c.meeting_place_reason AS "meetingPlaceReason"',
        'c.target_group AS "targetGroup"',
        'c.version AS version',
      ]);
    return scopeCitizens(qb, 'c', caller);
  }

  async create(caller: AuthenticatedUser, dto: CreateCitizenDto): Promise<CitizenDetail> {
    const cpr = parseCpr(dto.cpr);
    if (!cpr)
      throw new ValidationProblem([
        { field: 'cpr', messages: ['cpr must be DDMMYY-SSSS with a real date'], codes: ['isCpr'] },
      ]);
    const cprHash = this.cipher.hash(cpr.digits);
    const id = await this.db.transaction(async (tx) => {
      const duplicate = await tx
        .getRepository(Citizen)
        .createQueryBuilder('c')
        .where('c.municipality_id = :m AND c.cpr_hash = :h', { m: caller.municipalityId, h: cprHash })
        .getExists();
      if (duplicate) {
        throw new ProblemException({
          status: 409,
          code: 'citizen.duplicate_cpr',
          detail: 'A citizen with this CPR number is already registered in the municipality.',
        });
      }
      const inserted = await tx.getRepository(Citizen).insert({
        municipalityId: caller.municipalityId,
        name: dto.name.trim(),
        cprEncrypted: this.cipher.encrypt(cpr.digits),
        cprHash,
        cprMasked: maskCpr(cpr.digits),
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        address: dto.address ?? null,
        preferredMeetingPlace: dto.preferredMeetingPlace,
        meetingPlaceReason: dto.meetingPlaceReason ?? null,
        targetGroup: dto.targetGroup ?? TargetGroup.ActivityReadyCashBenefit30Plus,
        caseworkerId: caller.id,
      });
      const id = String(inserted.identifiers[0]?.['id']);
      await this.audit.record(
        caller,
        { action: 'citizen.create', citizenId: id, entityType: 'citizen', entityId: id },
        tx,
      );
      return id;
    });
    return this.findVisible(caller, id);
  }

  async list(caller: AuthenticatedUser, query: CitizenListQueryDto): Promise<Page<CitizenSummary>> {
    const sort = sortOrDefault(query.sort, CITIZEN_SORT_FIELDS, { field: 'name', direction: 'ASC' });
    const qb = this.select(caller);
    const search = query.search?.trim();
    let criteria: Record<string, unknown> = {};
    if (search) {
      const cpr = parseCpr(search);
      if (cpr) {
        qb.andWhere('c.cpr_hash = :cprHash', { cprHash: this.cipher.hash(cpr.digits) });
        // The audit trail records that a CPR number was searched for, not the number.
        criteria = { cpr: maskCpr(cpr.digits) };
      } else {
        qb.andWhere('c.name ILIKE :name', { name: `%${search.replace(/[\\%_]/g, '\\$&')}%` });
        criteria = { name: search };
      }
    }
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('c.name', sort.direction)
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset)
      .getRawMany<CitizenRow>();
    await this.audit.record(caller, {
      action: 'citizen.search',
      citizenIds: rows.map((r) => r.id),
      details: { ...criteria, limit: query.limit, offset: query.offset },
    });
    return {
      items: rows.map(({ id, name, cprMasked, caseworkerId, caseworkerName }) => ({
        id,
        name,
        cprMasked,
        caseworkerId,
        caseworkerName,
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CitizenDetail> {
    const citizen = await this.findVisible(caller, id);
    await this.audit.record(caller, {
      action: 'citizen.read',
      citizenId: id,
      entityType: 'citizen',
      entityId: id,
    });
    return citizen;
  }

  async revealCpr(caller: AuthenticatedUser, id: string): Promise<{ cpr: string }> {
    await this.findVisible(caller, id);
    const row = await this.db
      .getRepository(Citizen)
      .createQueryBuilder('c')
      .select('c.cpr_encrypted', 'sealed')
      .where('c.id = :id AND c.municipality_id = :m', { id, m: caller.municipalityId })
      .getRawOne<{ sealed: Buffer }>();
    if (!row) throw new NotFoundProblem('citizen');
    const digits = this.cipher.decrypt(row.sealed);
    await this.audit.record(caller, {
      action: 'citizen.cpr_reveal',
      citizenId: id,
      entityType: 'citizen',
      entityId: id,
    });
    return { cpr: `${digits.slice(0, 6)}-${digits.slice(6)}` };
  }

  async update(caller: AuthenticatedUser, id: string, dto: UpdateCitizenDto): Promise<CitizenDetail> {
    await this.findVisible(caller, id);
    const { version, ...changes } = dto;
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        Citizen,
        'citizen',
        { id, municipalityId: caller.municipalityId },
        version,
        changes,
      );
      await this.audit.record(
        caller,
        {
          action: 'citizen.update',
          citizenId: id,
          entityType: 'citizen',
          entityId: id,
          details: { fields: Object.keys(changes) },
        },
        tx,
      );
    });
    return this.findVisible(caller, id);
  }

  /** The citizen if the caller may see it; 404 otherwise, so ids of others' citizens reveal nothing. */
  async findVisible(caller: AuthenticatedUser, id: string): Promise<CitizenDetail> {
    const row = await this.select(caller).andWhere('c.id = :id', { id }).getRawOne<CitizenRow>();
    if (!row) throw new NotFoundProblem('citizen');
    return row;
  }
}
