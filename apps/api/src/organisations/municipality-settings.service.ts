import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MunicipalitySettings, UpdateMunicipalitySettingsRequest } from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundProblem, StaleVersionProblem } from '../common/versioned-update';

const COLUMNS = `name AS "municipalityName", report_quality_threshold AS "reportQualityThreshold", version`;

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
    return this.db.transaction(async (tx) => {
      const [rows]: [MunicipalitySettings[], number] = await tx.query(
        `UPDATE municipality SET report_quality_threshold = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $3 RETURNING ${COLUMNS}`,
        [caller.municipalityId, dto.reportQualityThreshold, dto.version],
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
          details: { reportQualityThreshold: dto.reportQualityThreshold },
        },
        tx,
      );
      return updated;
    });
  }
}
