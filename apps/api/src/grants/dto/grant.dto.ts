import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeGrantMinutesRequest,
  type CreateGrantRequest,
  type GrantDetail,
  GRANT_MINUTES_PER_WEEK_MAX,
  MentorType,
} from '@mentor/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsVersion } from '../../common/validation';

export class CreateGrantDto implements CreateGrantRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() citizenId: string;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType' }) @IsEnum(MentorType) mentorType: MentorType;
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) purpose: string;
  @ApiProperty({ maxLength: 4000, description: "The mentor's tasks." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  tasks: string;
  @ApiProperty({ type: [String], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  goals: string[];
  @ApiProperty({ minimum: 1, maximum: GRANT_MINUTES_PER_WEEK_MAX })
  @IsInt()
  @Min(1)
  @Max(GRANT_MINUTES_PER_WEEK_MAX)
  minutesPerWeek: number;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() startsOn: string;
  @ApiProperty({ format: 'date', description: 'At most six months after startsOn (LAB §167).' })
  @IsCalendarDate()
  endsOn: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() deliveringOrganisationId: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 26, default: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  reportingIntervalWeeks?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() mentorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() renewsGrantId?: string;
}

export class ChangeGrantMinutesDto implements ChangeGrantMinutesRequest {
  @ApiProperty({ minimum: 1, maximum: GRANT_MINUTES_PER_WEEK_MAX })
  @IsInt()
  @Min(1)
  @Max(GRANT_MINUTES_PER_WEEK_MAX)
  minutesPerWeek: number;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() effectiveFrom: string;
  @ApiProperty() @IsVersion() version: number;
}

class GrantGoalDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
}

class GrantMinutesPeriodDto {
  @ApiProperty() minutesPerWeek: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdByName: string;
}

export class GrantDetailDto implements GrantDetail {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid' }) caseworkerId: string;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType' }) mentorType: MentorType;
  @ApiProperty() purpose: string;
  @ApiProperty() tasks: string;
  @ApiProperty({ type: [GrantGoalDto] }) goals: GrantGoalDto[];
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'uuid' }) deliveringOrganisationId: string;
  @ApiProperty() deliveringOrganisationName: string;
  @ApiProperty() reportingIntervalWeeks: number;
  @ApiProperty({ nullable: true, type: String }) renewsGrantId: string | null;
  @ApiProperty({ type: [GrantMinutesPeriodDto] }) minutes: GrantMinutesPeriodDto[];
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() version: number;
}
