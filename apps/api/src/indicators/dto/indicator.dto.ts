import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INDICATOR_PERIOD_MAX_DAYS,
  INDICATOR_SUPPRESSION_MAX,
  type IndicatorQuery,
  type IndicatorReport,
  type IndicatorResult,
  MentorType,
  OrganisationKind,
  type StudyValue,
} from '@mentor/domain';
import { IsEnum, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

/** A calendar date, `YYYY-MM-DD`. */
const IsDate = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be YYYY-MM-DD` }),
  );

export class IndicatorQueryDto implements IndicatorQuery {
  @ApiProperty({ format: 'date', description: 'First day of the period, included.' })
  @IsDate()
  from: string;

  @ApiProperty({
    format: 'date',
    description: `Last day of the period, included; not before from, at most ${INDICATOR_PERIOD_MAX_DAYS} days in all.`,
  })
  @IsDate()
  to: string;

  @ApiPropertyOptional({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  organisationType?: OrganisationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One organisation; a team leader's own is the only one they may name (another: 404).",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: MentorType, enumName: 'MentorType' })
  @IsOptional()
  @IsEnum(MentorType)
  mentorType?: MentorType;
}

class StudyValueDto implements StudyValue {
  @ApiPropertyOptional({ description: 'Share 0..1.' }) value?: number;
  @ApiPropertyOptional({ description: "The study's N." }) n?: number;
  @ApiPropertyOptional({ description: 'The study gave words rather than an exact share.' }) approx?: boolean;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

export class IndicatorResultDto implements IndicatorResult {
  @ApiProperty({ description: 'The catalogue id (docs/study/indicators.yaml).' }) id: string;
  @ApiProperty({ type: Number, nullable: true, description: 'numerator / denominator.' })
  value: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({
    description: `Withheld: the denominator is 1 to ${INDICATOR_SUPPRESSION_MAX} and the caller is not an administrator.`,
  })
  suppressed: boolean;
  @ApiProperty({ type: StudyValueDto }) study: StudyValueDto;
}

class IndicatorFiltersDto {
  @ApiPropertyOptional({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  organisationType?: OrganisationKind;
  @ApiPropertyOptional({ format: 'uuid' }) organisationId?: string;
  @ApiPropertyOptional({ enum: MentorType, enumName: 'MentorType' }) mentorType?: MentorType;
}

export class IndicatorReportDto implements IndicatorReport {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({
    type: IndicatorFiltersDto,
    description: "The filters applied (a team leader's own organisation always).",
  })
  filters: IndicatorFiltersDto;
  @ApiProperty({ type: [IndicatorResultDto], description: 'One per catalogue id, in its order.' })
  indicators: IndicatorResultDto[];
}
