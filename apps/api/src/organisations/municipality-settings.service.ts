import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MunicipalitySettings, UpdateMunicipalitySettingsRequest } from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ValidationProblem } from '../common/problem';
import { NotFoundProblem, StaleVersionProblem } from '../common/versioned-update';

const COLUMNS = `name AS "municipalityName", report_quality_threshold AS "reportQualityThreshold",
  require_certification_for_assignment AS "requireCertificationForAssignment", version`;

/** The caller's municipality's settings; changed under a version check and audit-logged. */
@Injectable()
export class MunicipalitySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(caller: AuthenticatedUser): Promise<MunicipalitySettings> {
    const [row] = await this.db.query<MunicipalitySettings[]>(
      `SELECT ${COLUMNS} FROM municipality WHERE id = $1`,
      [caller.municipalityId],
    );
    if (!row) throw new NotFoundProblem('municipality');
    return row;
  }

  async update(
    caller: AuthenticatedUser,
    dto: UpdateMunicipalitySettingsRequest,
  ): Promise<MunicipalitySettings> {
    if (dto.reportQualityThreshold === undefined && dto.requireCertificationForAssignment === undefined) {
      throw new ValidationProblem([], 'Send at least one setting to change.');
    }
    return this.db.transaction(async (tx) => {
      const [rows]: [MunicipalitySettings[], number] = await tx.query(
        `UPDATE municipality SET report_quality_threshold = COALESCE($2, report_quality_threshold),
                require_certification_for_assignment = COALESCE($4, require_certification_for_assignment),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $3 RETURNING ${COLUMNS}`,
        [
          caller.municipalityId,
          dto.reportQualityThreshold ?? null,
          dto.version,
          dto.requireCertificationForAssignment ?? null,
        ],
      );
      const updated = rows[0];
      if (!updated) {
        const [current] = await tx.query<{ version: number }[]>(
          'SELECT version FROM municipality WHERE id = $1',
          [caller.municipalityId],
        );
        if (!current) throw new NotFoundProblem('municipality');
        throw new StaleVersionProblem('municipality', current.version);
      }
      await this.audit.record(
        caller,
        {
          action: 'municipality.settings_change',
          entityType: 'municipality',
          entityId: caller.municipalityId,
          details: {
            reportQualityThreshold: dto.reportQualityThreshold,
            requireCertificationForAssignment: dto.requireCertificationForAssignment,
          },
        },
        tx,
      );
      return updated;
    });
  }
}
