import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITIZEN_SORT_FIELDS,
  type CitizenDetail,
  type CitizenSummary,
  type CreateCitizenRequest,
  isValidCpr,
  MeetingPlace,
  type Page,
  sortValues,
  TargetGroup,
  type UpdateCitizenRequest,
} from '@mentor/domain';
import {
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsVersion } from '../../common/validation';

@ValidatorConstraint({ name: 'isCpr' })
class IsCprConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidCpr(value);
  }
  defaultMessage() {
    return 'cpr must be DDMMYY-SSSS with a real date';
  }
}

export class CreateCitizenDto implements CreateCitizenRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: '010190-1234' }) @IsString() @Validate(IsCprConstraint) cpr: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[+0-9 ()-]{4,40}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiProperty({ enum: MeetingPlace, enumName: 'MeetingPlace' })
  @IsEnum(MeetingPlace)
  preferredMeetingPlace: MeetingPlace;
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  meetingPlaceReason?: string;
  @ApiPropertyOptional({ enum: TargetGroup, enumName: 'TargetGroup' })
  @IsOptional()
  @IsEnum(TargetGroup)
  targetGroup?: TargetGroup;
}

export class UpdateCitizenDto implements UpdateCitizenRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[+0-9 ()-]{4,40}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ enum: MeetingPlace, enumName: 'MeetingPlace' })
  @IsOptional()
  @IsEnum(MeetingPlace)
  preferredMeetingPlace?: MeetingPlace;
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  meetingPlaceReason?: string;
  @ApiPropertyOptional({ enum: TargetGroup, enumName: 'TargetGroup' })
  @IsOptional()
  @IsEnum(TargetGroup)
  targetGroup?: TargetGroup;
  @ApiProperty({ description: 'The version read; a stale one is answered with 409.' })
  @IsVersion()
  version: number;
}

export class CitizenListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, or a whole CPR number.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: sortValues(CITIZEN_SORT_FIELDS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(CITIZEN_SORT_FIELDS))
  sort?: string;
}

export class CitizenSummaryDto implements CitizenSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '010190-XXXX' }) cprMasked: string;
  @ApiProperty({ format: 'uuid' }) caseworkerId: string;
  @ApiProperty() caseworkerName: string;
}

export class CitizenDetailDto extends CitizenSummaryDto implements CitizenDetail {
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ enum: MeetingPlace, enumName: 'MeetingPlace' }) preferredMeetingPlace: MeetingPlace;
  @ApiProperty({ nullable: true, type: String }) meetingPlaceReason: string | null;
  @ApiProperty({ enum: TargetGroup, enumName: 'TargetGroup' }) targetGroup: TargetGroup;
  @ApiProperty() version: number;
}

export class CitizenPageDto implements Page<CitizenSummaryDto> {
  @ApiProperty({ type: [CitizenSummaryDto] }) items: CitizenSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class CprRevealDto {
  @ApiProperty({ example: '010190-1234' }) cpr: string;
}
