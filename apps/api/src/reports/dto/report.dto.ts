import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AcceptReportRequest,
  BarrierKind,
  ContactForm,
  type CourseReporting,
  type CreateReportRequest,
  GoalProgress,
  GRANT_MINUTES_PER_WEEK_MAX,
  Recommendation,
  type ReportAttendance,
  type ReportBarrier,
  type ReportComment,
  type ReportContent,
  type ReportDetail,
  type ReportGoalEntry,
  type ReportNextStep,
  type ReportQualityRow,
  ReportSection,
  ReportStatus,
  type ReportSummary,
  type ReportVersion,
  type ReturnReportRequest,
  REPORT_MAX_ITEMS,
  REPORT_SHORT_TEXT_MAX,
  REPORT_TEXT_MAX,
  type SaveReportRequest,
  type SubmitReportRequest,
} from '@mentor/domain';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../../common/validation';

/** A calendar date, `YYYY-MM-DD`. */
const IsDate = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be YYYY-MM-DD` }),
  );

/** Present, and either null or valid by the decorators that follow. */
const Nullable = () => ValidateIf((_object, value) => value !== null);

const Text = (max: number) => applyDecorators(IsString(), MaxLength(max));

export class ReportGoalEntryDto implements ReportGoalEntry {
  @ApiProperty({ description: 'A goal of the grant (GrantDetail.goals[].id).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  goalId: string;

  @ApiProperty({ enum: GoalProgress, enumName: 'GoalProgress', nullable: true })
  @Nullable()
  @IsEnum(GoalProgress)
  status: GoalProgress | null;

  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @Text(REPORT_TEXT_MAX) whatHappened: string;

  @ApiProperty({ maxLength: REPORT_TEXT_MAX, description: 'An observed event, not an impression.' })
  @Text(REPORT_TEXT_MAX)
  evidence: string;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  @Nullable()
  @IsDate()
  evidenceDate: string | null;
}

export class ReportBarrierDto implements ReportBarrier {
  @ApiProperty({ enum: BarrierKind, enumName: 'BarrierKind' }) @IsEnum(BarrierKind) kind: BarrierKind;
  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @Text(REPORT_TEXT_MAX) description: string;
  @ApiProperty({ maxLength: REPORT_TEXT_MAX, description: 'What is being done about it.' })
  @Text(REPORT_TEXT_MAX)
  action: string;
}

export class ReportNextStepDto implements ReportNextStep {
  @ApiProperty({ maxLength: REPORT_SHORT_TEXT_MAX }) @Text(REPORT_SHORT_TEXT_MAX) action: string;
  @ApiProperty({ maxLength: REPORT_SHORT_TEXT_MAX, description: 'Who does it.' })
  @Text(REPORT_SHORT_TEXT_MAX)
  owner: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) @Nullable() @IsDate() dueOn: string | null;
}

/** Sections 2–6; every field present (null or empty while unanswered), shapes checked strictly. */
export class ReportContentDto implements ReportContent {
  @ApiProperty({ type: [ReportGoalEntryDto], maxItems: REPORT_MAX_ITEMS })
  @IsArray()
  @ArrayMaxSize(REPORT_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReportGoalEntryDto)
  goals: ReportGoalEntryDto[];

  @ApiProperty({ type: [ReportBarrierDto], maxItems: REPORT_MAX_ITEMS })
  @IsArray()
  @ArrayMaxSize(REPORT_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReportBarrierDto)
  barriers: ReportBarrierDto[];

  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @Text(REPORT_TEXT_MAX) citizenView: string;

  @ApiProperty({ nullable: true, type: Boolean })
  @Nullable()
  @IsBoolean()
  reviewedWithCitizen: boolean | null;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  @Nullable()
  @IsDate()
  reviewedWithCitizenOn: string | null;

  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @Text(REPORT_TEXT_MAX) citizenViewMissingReason: string;

  @ApiProperty({ type: [ReportNextStepDto], maxItems: REPORT_MAX_ITEMS })
  @IsArray()
  @ArrayMaxSize(REPORT_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReportNextStepDto)
  nextSteps: ReportNextStepDto[];

  @ApiProperty({ enum: Recommendation, enumName: 'Recommendation', nullable: true })
  @Nullable()
  @IsEnum(Recommendation)
  recommendation: Recommendation | null;

  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: GRANT_MINUTES_PER_WEEK_MAX })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(GRANT_MINUTES_PER_WEEK_MAX)
  recommendedMinutesPerWeek: number | null;

  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @Text(REPORT_TEXT_MAX) recommendationReason: string;
}

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({
    format: 'date',
    description:
      'The last day the report covers: not before the day after the previous report (or the course start), not after today.',
  })
  @IsDate()
  periodTo: string;
}

export class SaveReportDto implements SaveReportRequest {
  @ApiProperty({ type: ReportContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReportContentDto)
  content: ReportContentDto;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDate() periodTo?: string;

  @ApiProperty() @IsVersion() version: number;
}

export class SubmitReportDto implements SubmitReportRequest {
  @ApiProperty() @IsVersion() version: number;

  @ApiPropertyOptional({
    maxLength: REPORT_TEXT_MAX,
    description: "Required when the quality score is under the municipality's threshold.",
  })
  @IsOptional()
  @Text(REPORT_TEXT_MAX)
  justification?: string;
}

export class ReportCommentDto implements ReportComment {
  @ApiProperty({ enum: ReportSection, enumName: 'ReportSection' })
  @IsEnum(ReportSection)
  section: ReportSection;
  @ApiProperty({ maxLength: REPORT_TEXT_MAX }) @IsNotEmpty() @Text(REPORT_TEXT_MAX) comment: string;
}

export class ReturnReportDto implements ReturnReportRequest {
  @ApiProperty() @IsVersion() version: number;

  @ApiProperty({ type: [ReportCommentDto], minItems: 1, maxItems: REPORT_MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReportCommentDto)
  comments: ReportCommentDto[];
}

export class AcceptReportDto implements AcceptReportRequest {
  @ApiProperty() @IsVersion() version: number;
}

export class ReportQualityQueryDto {
  @ApiProperty({ format: 'date', description: 'First due date counted.' }) @IsDate() from: string;
  @ApiProperty({ format: 'date', description: 'Last due date counted.' }) @IsDate() to: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "One organisation (a team leader's own is the only one they may ask for).",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

// Answers.

export class ReportAttendanceDto implements ReportAttendance {
  @ApiProperty({ description: 'Counted contacts where the citizen showed up.' }) contactsHeld: number;
  @ApiProperty() noShows: number;
  @ApiProperty() minutesDelivered: number;
  @ApiProperty({ description: "Granted minutes of the period's days (weekly minutes × days / 7)." })
  minutesGranted: number;
  @ApiProperty({
    type: 'object',
    description: `Counted contacts per form (${Object.values(ContactForm).join(', ')}).`,
    additionalProperties: { type: 'integer' },
  })
  forms: Partial<Record<ContactForm, number>>;
}

class ReportReviewDto {
  @ApiProperty({ enum: ['returned', 'accepted'] }) decision: 'returned' | 'accepted';
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty() reviewedByName: string;
  @ApiProperty({ type: [ReportCommentDto] }) comments: ReportCommentDto[];
}

export class ReportVersionDto implements ReportVersion {
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedByName: string;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ type: ReportAttendanceDto }) attendance: ReportAttendanceDto;
  @ApiProperty({ type: ReportContentDto }) content: ReportContentDto;
  @ApiProperty() qualityScore: number;
  @ApiProperty({ nullable: true, type: String }) justification: string | null;
  @ApiProperty({ type: ReportReviewDto, nullable: true }) review: ReportReviewDto | null;
}

export class ReportSummaryDto implements ReportSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty() citizenName: string;
  @ApiProperty() mentorName: string;
  @ApiProperty({ enum: ReportStatus, enumName: 'ReportStatus' }) status: ReportStatus;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) qualityScore: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

class GoalDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
}

class ReportPermissionsDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() submit: boolean;
  @ApiProperty() review: boolean;
}

export class ReportDetailDto extends ReportSummaryDto implements ReportDetail {
  @ApiProperty({ type: [GoalDto] }) goals: GoalDto[];
  @ApiProperty({
    type: ReportAttendanceDto,
    description: 'Live from the logged contacts while editable; as frozen at the last submit after.',
  })
  attendance: ReportAttendanceDto;
  @ApiProperty({ type: ReportContentDto }) content: ReportContentDto;
  @ApiProperty({
    type: [ReportCommentDto],
    description: 'The comments of the latest return, while returned.',
  })
  openComments: ReportCommentDto[];
  @ApiProperty({ type: [ReportVersionDto] }) versions: ReportVersionDto[];
  @ApiProperty() qualityThreshold: number;
  @ApiProperty({ type: ReportPermissionsDto }) can: ReportPermissionsDto;
}

export class CourseReportingDto implements CourseReporting {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() intervalWeeks: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextDueOn: string | null;
  @ApiProperty() dueSoon: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) openReportId: string | null;
}

export class ReportQualityRowDto implements ReportQualityRow {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Absent on the organisation's own row." })
  mentorId?: string;
  @ApiPropertyOptional() mentorName?: string;
  @ApiProperty({ description: 'Reports whose due date falls in the period.' }) reportsDue: number;
  @ApiProperty({ description: 'Of those, first submitted on or before the due date.' })
  submittedOnTime: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Average score of their submitted versions.' })
  averageQualityScore: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share (0–1) of accepted reports never returned.',
  })
  acceptedWithoutRevisionShare: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Average days from a submit to its review.' })
  averageDaysToReview: number | null;
}
