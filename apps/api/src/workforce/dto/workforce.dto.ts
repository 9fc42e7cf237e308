import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  CertificationStatus,
  IMPORT_KINDS,
  ImportKind,
  type ImportKindCounts,
  type ImportResult,
  type ImportRowError,
  type MentorLoad,
  MentorType,
  OrganisationKind,
  sortValues,
  WORKFORCE_SORT_FIELDS,
  WorkforceAlert,
  type WorkforceFilter,
  type WorkforceRow,
  type WorkforceView,
} from '@mentor/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { CertificationStateDto } from './mentor.dto';

/** Filters and sort of the load view and its export. */
export class WorkforceFilterDto implements WorkforceFilter {
  @ApiPropertyOptional({ enum: sortValues(WORKFORCE_SORT_FIELDS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(WORKFORCE_SORT_FIELDS))
  sort?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name, e-mail or employee number.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: WorkforceAlert, enumName: 'WorkforceAlert' })
  @IsOptional()
  @IsEnum(WorkforceAlert)
  alert?: WorkforceAlert;

  @ApiPropertyOptional({ enum: CertificationStatus, enumName: 'CertificationStatus' })
  @IsOptional()
  @IsEnum(CertificationStatus)
  certificationStatus?: CertificationStatus;

  @ApiPropertyOptional({ enum: MentorType, enumName: 'MentorType' })
  @IsOptional()
  @IsEnum(MentorType)
  mentorType?: MentorType;
}

/** The load view's page, filters and sort. */
export class WorkforceQueryDto extends IntersectionType(PageQueryDto, WorkforceFilterDto) {}

export class WorkforceRowDto implements WorkforceRow {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) employeeNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType', isArray: true }) mentorTypes: MentorType[];
  @ApiProperty({ type: Number, nullable: true }) capacityMinutesPerWeek: number | null;
  @ApiProperty() activeCourses: number;
  @ApiProperty({ description: 'Granted minutes of this ISO week over the active courses.' })
  grantedMinutesPerWeek: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Granted per week against capacity, %.' })
  utilisationPercent: number | null;
  @ApiProperty({ description: 'Granted minutes of the delivery window (windowFrom–windowTo).' })
  grantedMinutesWindow: number;
  @ApiProperty({ description: 'Logged contact minutes in the delivery window.' })
  deliveredMinutesWindow: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Delivered against granted in the window, %.' })
  deliveryPercent: number | null;
  @ApiProperty() overdueReports: number;
  @ApiProperty({ type: CertificationStateDto }) certification: CertificationStateDto;
  @ApiProperty() trainingsCompleted: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastTrainingCompletedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Management or external.' })
  lastSupervisionOn: string | null;
  @ApiProperty() pendingSuggestions: number;
  @ApiProperty({ enum: WorkforceAlert, enumName: 'WorkforceAlert', isArray: true }) alerts: WorkforceAlert[];
}

class AlertCountsDto implements Record<WorkforceAlert, number> {
  @ApiProperty() overload: number;
  @ApiProperty() under_delivery: number;
  @ApiProperty() certification_expiring: number;
  @ApiProperty() certification_expired: number;
  @ApiProperty() no_supervision: number;
}

export class WorkforceViewDto implements WorkforceView {
  @ApiProperty({ type: [WorkforceRowDto] }) items: WorkforceRowDto[];
  @ApiProperty({ description: 'Rows after filtering.' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) organisationKind: OrganisationKind;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ format: 'date' }) windowFrom: string;
  @ApiProperty({ format: 'date' }) windowTo: string;
  @ApiProperty({ description: 'Mentors of the organisation before filtering.' }) mentors: number;
  @ApiProperty({ type: AlertCountsDto, description: 'Mentors per alert, before filtering.' })
  alertCounts: AlertCountsDto;
}

export class MentorLoadDto implements MentorLoad {
  @ApiProperty() activeCourses: number;
  @ApiProperty() grantedMinutesPerWeek: number;
  @ApiProperty({ type: Number, nullable: true }) capacityMinutesPerWeek: number | null;
  @ApiProperty({ type: Number, nullable: true }) utilisationPercent: number | null;
  @ApiProperty({ type: CertificationStateDto }) certification: CertificationStateDto;
  @ApiProperty({
    description: "False when the municipality requires certification and the mentor's is missing or expired.",
  })
  assignable: boolean;
}

// ---------- Import ----------

export class ImportQueryDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Check the file and report every error and what would change, without saving.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    enum: ImportKind,
    enumName: 'ImportKind',
    description: 'What a CSV file holds (required for CSV; an XLSX file names its sheets).',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}

class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ enum: ImportKind, enumName: 'ImportKind' }) kind: ImportKind;
  @ApiProperty({ description: 'Spreadsheet row; 1 is the header row.' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'Column header; null for the row or file.' })
  column: string | null;
  @ApiProperty({ example: 'import.invalid_date' }) code: string;
  @ApiProperty() message: string;
}

class ImportKindCountsDto implements ImportKindCounts {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}

class ImportCountsDto implements Partial<Record<ImportKind, ImportKindCounts>> {
  @ApiPropertyOptional({ type: ImportKindCountsDto }) profiles?: ImportKindCountsDto;
  @ApiPropertyOptional({ type: ImportKindCountsDto }) training?: ImportKindCountsDto;
  @ApiPropertyOptional({ type: ImportKindCountsDto }) certification?: ImportKindCountsDto;
  @ApiPropertyOptional({ type: ImportKindCountsDto }) upskilling?: ImportKindCountsDto;
  @ApiPropertyOptional({ type: ImportKindCountsDto }) supervision?: ImportKindCountsDto;
}

export class ImportResultDto implements ImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'True when the changes were saved.' }) committed: boolean;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors: ImportRowErrorDto[];
}
