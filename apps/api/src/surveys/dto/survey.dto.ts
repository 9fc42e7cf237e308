import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  MentorType,
  OrganisationKind,
  type SurveyAnswers,
  type SurveyImportError,
  type SurveyImportResult,
  SurveyKind,
  type SurveyResponsePage,
  type SurveyResponseRequest,
  type SurveyResponseView,
} from '@mentor/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEnum,
  IsISO8601,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

const ANSWERS_DESCRIPTION =
  'Question key → answer: an option key (single choice), a list of option keys (multiple choice), true/false ' +
  '(yes/no), a whole number (scale); null or absent: not answered. Keys and options: libs/domain surveys.ts.';

export class SurveyResponseDto implements SurveyResponseRequest {
  @ApiProperty({ format: 'date', description: 'The day the questionnaire was answered; not in the future.' })
  @IsDefined()
  answeredOn: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The organisation the response concerns (a citizen interview: the citizen's mentor's). Mentors and team leaders: their own (the default); a caseworker must name it.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: MentorType, enumName: 'MentorType', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsEnum(MentorType)
  mentorType?: MentorType | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DESCRIPTION })
  @IsObject()
  answers: SurveyAnswers;
}

export class SurveyResponseRangeDto {
  @ApiPropertyOptional({ format: 'date', description: 'Answered on or after.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Answered on or before.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One organisation (a team leader's own only)." })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class SurveyResponseQueryDto extends IntersectionType(PageQueryDto, SurveyResponseRangeDto) {}

export class SurveyResponseViewDto implements SurveyResponseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SurveyKind, enumName: 'SurveyKind' }) kind: SurveyKind;
  @ApiProperty({ format: 'date' }) answeredOn: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) organisationKind: OrganisationKind;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType', nullable: true }) mentorType: MentorType | null;
  @ApiProperty({ description: 'Answered by the respondent in the app (not entered or imported by staff).' })
  selfAnswered: boolean;
  @ApiProperty() imported: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DESCRIPTION })
  answers: SurveyAnswers;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveyResponsePageDto implements SurveyResponsePage {
  @ApiProperty({ type: [SurveyResponseViewDto] }) items: SurveyResponseViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class SurveyImportQueryDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Check the file and list every error by row and column, without saving.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

class SurveyImportErrorDto implements SurveyImportError {
  @ApiProperty({ description: 'The spreadsheet row; 1 is the header row.' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column header, or null for the row.' })
  column: string | null;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class SurveyImportResultDto implements SurveyImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() committed: boolean;
  @ApiProperty({ description: 'Data rows read (blank rows skipped).' }) rows: number;
  @ApiProperty({ description: 'Responses saved, or that a dry run without errors would save.' })
  created: number;
  @ApiProperty({ type: [SurveyImportErrorDto] }) errors: SurveyImportErrorDto[];
}
