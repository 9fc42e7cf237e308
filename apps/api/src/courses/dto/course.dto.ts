import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HANDOVER_STATUSES,
  HandoverStatus,
  type ChangeCourseRequest,
  CourseEndReason,
  CourseFlag,
  CourseStatus,
  COURSE_SORT_FIELDS,
  type CourseDetail,
  type CourseSummary,
  type MentorPeriod,
  MeetingPlace,
  MentorType,
  type Page,
  sortValues,
  type WeekBudget,
} from '@mentor/domain';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { GrantDetailDto } from '../../grants/dto/grant.dto';
import { IsVersion } from '../../common/validation';

export class CourseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CourseStatus,
    enumName: 'CourseStatus',
    description: 'Default: all but ended.',
  })
  @IsOptional()
  @IsEnum(CourseStatus)
  status?: CourseStatus;

  @ApiPropertyOptional({ description: 'Part of the citizen name.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CourseFlag, enumName: 'CourseFlag' })
  @IsOptional()
  @IsEnum(CourseFlag)
  flag?: CourseFlag;

  @ApiPropertyOptional({ enum: sortValues(COURSE_SORT_FIELDS), default: 'citizenName' })
  @IsOptional()
  @IsIn(sortValues(COURSE_SORT_FIELDS))
  sort?: string;
}

export class ChangeCourseDto implements ChangeCourseRequest {
  @ApiPropertyOptional({ enum: CourseStatus, enumName: 'CourseStatus' })
  @IsOptional()
  @IsEnum(CourseStatus)
  status?: CourseStatus;
  @ApiPropertyOptional({
    enum: CourseEndReason,
    enumName: 'CourseEndReason',
    description: 'Required when ending.',
  })
  @IsOptional()
  @IsEnum(CourseEndReason)
  endReason?: CourseEndReason;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() mentorId?: string;
  @ApiProperty() @IsVersion() version: number;
}

export class WeekBudgetDto implements WeekBudget {
  @ApiProperty({ example: '2026-W48' }) week: string;
  @ApiProperty({ format: 'date' }) weekStart: string;
  @ApiProperty() grantedMinutes: number;
  @ApiProperty() loggedMinutes: number;
  @ApiProperty() overrunMinutes: number;
  @ApiProperty() underDeliveredMinutes: number;
}

export class CourseSummaryDto implements CourseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty() citizenName: string;
  @ApiProperty() cprMasked: string;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType' }) mentorType: MentorType;
  @ApiProperty({ enum: CourseStatus, enumName: 'CourseStatus' }) status: CourseStatus;
  @ApiProperty({ nullable: true, type: String }) mentorId: string | null;
  @ApiProperty({ nullable: true, type: String }) mentorName: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ type: WeekBudgetDto }) thisWeek: WeekBudgetDto;
  @ApiProperty({ type: WeekBudgetDto, description: 'Last week, with under-delivery.' })
  lastWeek: WeekBudgetDto;
  @ApiProperty() monthGrantedMinutes: number;
  @ApiProperty() monthDeliveredMinutes: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastContactDate: string | null;
  @ApiProperty() noRecentContact: boolean;
  @ApiProperty() overBudgetThisWeek: boolean;
  @ApiProperty() expiresSoon: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'When the next progression report is due; null when none is due.',
  })
  nextReportDueOn: string | null;
  @ApiProperty({ description: 'An active course past its report due date.' }) reportOverdue: boolean;
  @ApiProperty({
    enum: HANDOVER_STATUSES,
    nullable: true,
    description: "The current mentor's handover packet; null when none is saved.",
  })
  handoverStatus: HandoverStatus | null;
  @ApiProperty({ description: 'The packet was sent and its acknowledgement is overdue.' })
  handoverOverdue: boolean;
  @ApiProperty({ description: "Messages of the course's thread the caller has not read." })
  unreadMessages: number;
  @ApiProperty({ description: 'The mentor asked for sparring.' }) needsSparring: boolean;
}

class MentorPeriodDto implements MentorPeriod {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty({ format: 'date' }) fromDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) toDate: string | null;
}

export class CourseDetailDto extends CourseSummaryDto implements CourseDetail {
  @ApiProperty({ type: GrantDetailDto }) grant: GrantDetailDto;
  @ApiProperty({ enum: MeetingPlace, enumName: 'MeetingPlace' }) preferredMeetingPlace: MeetingPlace;
  @ApiProperty({ enum: CourseEndReason, enumName: 'CourseEndReason', nullable: true })
  endReason: CourseEndReason | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endedOn: string | null;
  @ApiProperty({ type: [MentorPeriodDto] }) mentorHistory: MentorPeriodDto[];
  @ApiProperty() version: number;
}

export class CoursePageDto implements Page<CourseSummaryDto> {
  @ApiProperty({ type: [CourseSummaryDto] }) items: CourseSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
