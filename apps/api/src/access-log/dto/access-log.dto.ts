import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { AccessKind, type AccessLogEntry, type AccessLogPage, AccessPurpose, Role } from '@mentor/domain';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

/** A calendar date, `YYYY-MM-DD`. */
const IsDate = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be YYYY-MM-DD` }),
  );

/** The period of the log, in Danish calendar days, both ends included; open ends take everything. */
export class AccessLogRangeDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day (Danish time), included.' })
  @IsOptional()
  @IsDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (Danish time), included.' })
  @IsOptional()
  @IsDate()
  to?: string;
}

/** One page of the log, newest first, in the period. */
export class AccessLogQueryDto extends IntersectionType(PageQueryDto, AccessLogRangeDto) {}

export class AccessLogEntryDto implements AccessLogEntry {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The audited action, e.g. `course.read`.' }) action: string;
  @ApiProperty({ enum: AccessKind, enumName: 'AccessKind' }) kind: AccessKind;
  @ApiProperty({ enum: AccessPurpose, enumName: 'AccessPurpose' }) purpose: AccessPurpose;
  @ApiProperty({ enum: Role, enumName: 'Role' }) actorRole: Role;
  @ApiProperty() organisationName: string;
}

export class AccessLogPageDto implements AccessLogPage {
  @ApiProperty({ type: [AccessLogEntryDto] }) items: AccessLogEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
