import { ApiProperty } from '@nestjs/swagger';
import {
  ContactForm,
  type CourseHandover,
  HANDOVER_ITEM_MAX_LENGTH,
  HANDOVER_LIST_MAX_ITEMS,
  HANDOVER_TEXT_MAX_LENGTH,
  type HandoverActionRequest,
  type HandoverContactPreferences,
  type HandoverContent,
  type HandoverOtherActor,
  type HandoverPacket,
  HandoverSource,
  HandoverStatus,
  MeetingPlace,
  OtherActorKind,
  type SaveHandoverRequest,
} from '@mentor/domain';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEnum,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../../common/validation';

const Text = (max: number) => applyDecorators(IsString(), MaxLength(max));

/** A list of short texts, one entry each (goals, first steps). */
const TextList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(HANDOVER_LIST_MAX_ITEMS),
    IsString({ each: true }),
    MaxLength(HANDOVER_ITEM_MAX_LENGTH, { each: true }),
  );

/** Present, and either null or valid by the decorators that follow. */
const Nullable = () => ValidateIf((_object, value) => value !== null);

export class HandoverOtherActorDto implements HandoverOtherActor {
  @ApiProperty({ enum: OtherActorKind, enumName: 'OtherActorKind' })
  @IsEnum(OtherActorKind)
  kind: OtherActorKind;

  @ApiProperty({ maxLength: HANDOVER_ITEM_MAX_LENGTH, description: 'Organisation or role.' })
  @Text(HANDOVER_ITEM_MAX_LENGTH)
  name: string;

  @ApiProperty({ maxLength: HANDOVER_ITEM_MAX_LENGTH, description: 'How the mentor may reach them.' })
  @Text(HANDOVER_ITEM_MAX_LENGTH)
  contact: string;
}

export class HandoverContactPreferencesDto implements HandoverContactPreferences {
  @ApiProperty({ enum: MeetingPlace, enumName: 'MeetingPlace', nullable: true })
  @Nullable()
  @IsEnum(MeetingPlace)
  meetingPlace: MeetingPlace | null;

  @ApiProperty({ maxLength: HANDOVER_ITEM_MAX_LENGTH })
  @Text(HANDOVER_ITEM_MAX_LENGTH)
  meetingPlaceReason: string;

  @ApiProperty({ maxLength: HANDOVER_ITEM_MAX_LENGTH, description: 'Good and bad times.' })
  @Text(HANDOVER_ITEM_MAX_LENGTH)
  times: string;

  @ApiProperty({ enum: ContactForm, enumName: 'ContactForm', isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsEnum(ContactForm, { each: true })
  forms: ContactForm[];
}

/** The packet's content; every field present, texts may be empty in a draft. */
export class HandoverContentDto implements HandoverContent {
  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) background: string;
  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) purpose: string;

  @ApiProperty({ type: [String], maxItems: HANDOVER_LIST_MAX_ITEMS })
  @TextList()
  goals: string[];

  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) knownBarriers: string;
  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) triedBefore: string;

  @ApiProperty({ type: HandoverContactPreferencesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => HandoverContactPreferencesDto)
  contactPreferences: HandoverContactPreferencesDto;

  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) safetyNotes: string;

  @ApiProperty({ type: [HandoverOtherActorDto], maxItems: HANDOVER_LIST_MAX_ITEMS })
  @IsArray()
  @ArrayMaxSize(HANDOVER_LIST_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => HandoverOtherActorDto)
  otherActors: HandoverOtherActorDto[];

  @ApiProperty({ type: [String], maxItems: HANDOVER_LIST_MAX_ITEMS })
  @TextList()
  firstSteps: string[];

  @ApiProperty({ maxLength: HANDOVER_TEXT_MAX_LENGTH }) @Text(HANDOVER_TEXT_MAX_LENGTH) courseSoFar: string;
}

export class SaveHandoverDto implements SaveHandoverRequest {
  @ApiProperty({ type: HandoverContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => HandoverContentDto)
  content: HandoverContentDto;

  @ApiProperty({ minimum: 0, description: 'The version read; 0 for a packet not yet saved.' })
  @IsVersion(0)
  version: number;
}

export class HandoverActionDto implements HandoverActionRequest {
  @ApiProperty({ minimum: 1 })
  @IsVersion()
  version: number;
}

export class HandoverPacketDto implements HandoverPacket {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null when not yet saved.' })
  id: string | null;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty({ enum: HandoverStatus, enumName: 'HandoverStatus' }) status: HandoverStatus;
  @ApiProperty({ enum: HandoverSource, enumName: 'HandoverSource' }) source: HandoverSource;
  @ApiProperty({ type: HandoverContentDto }) content: HandoverContentDto;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) createdAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Acknowledge by this working day.',
  })
  acknowledgeBy: string | null;
  @ApiProperty({ description: 'Sent, not acknowledged, and acknowledgeBy has passed.' })
  acknowledgeOverdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt: string | null;
  @ApiProperty({ description: '0 for a packet not yet saved.' }) version: number;
}

export class CourseHandoverDto implements CourseHandover {
  @ApiProperty({ type: HandoverPacketDto, nullable: true }) current: HandoverPacketDto | null;
  @ApiProperty({ type: [HandoverPacketDto], description: "Earlier mentors' packets, newest first." })
  earlier: HandoverPacketDto[];
}
