import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BIRTH_YEAR_MIN,
  CAPACITY_MINUTES_MAX,
  CertificationBasis,
  type CertificationRecord,
  type CertificationState,
  CertificationStatus,
  type CreateCertificationRequest,
  type CreateSupervisionRequest,
  type CreateTrainingRequest,
  type CreateUpskillingOfferRequest,
  type DecideSuggestionRequest,
  EducationLevel,
  EMAIL_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  Gender,
  type MentorProfile,
  type MentorProfileChanges,
  type MentorRecruitment,
  type MentorWorkforceRecord,
  MentorType,
  MENTOR_PASSWORD_MIN_LENGTH,
  OrganisationKind,
  PASSWORD_MAX_LENGTH,
  ProfessionalBackground,
  type ProfileSuggestion,
  type RecruitmentAssessment,
  RecruitmentCompetency,
  type RecruitmentRequirements,
  type RegisterMentorRequest,
  type SetMentorPasswordRequest,
  type SetRecruitmentAssessmentsRequest,
  type SetRecruitmentRequirementsRequest,
  SPECIALISATION_MAX_LENGTH,
  SPECIALISATIONS_MAX,
  SuggestionStatus,
  type SupervisionRecord,
  SupervisionKind,
  TARGET_GROUP_YEARS_MAX,
  TRAINING_DAYS_MAX,
  TrainingKind,
  type TrainingRecord,
  type UpdateCertificationRequest,
  type UpdateMentorProfileRequest,
  type UpdateSupervisionRequest,
  type UpdateTrainingRequest,
  type UpdateUpskillingOfferRequest,
  type UpskillingOffer,
  UpskillingTopic,
  USERNAME_MAX_LENGTH,
  WORKFORCE_NOTE_MAX_LENGTH,
  WORKFORCE_TEXT_MAX_LENGTH,
} from '@mentor/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../../common/validation';

const DATE = { strict: true } as const;
const NULLABLE_DATE = { type: String, format: 'date', nullable: true } as const;

/**
 * The profile fields a mentor may suggest; every one optional, and `null` clears it. The birth year's
 * upper bound (this year) and the cross-field rules are checked by validateProfile() in the service.
 */
export class SuggestibleFieldsDto implements MentorProfileChanges {
  @ApiPropertyOptional({ enum: Gender, enumName: 'Gender', nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: BIRTH_YEAR_MIN,
    description: 'Not in the future.',
  })
  @IsOptional()
  @IsInt()
  @Min(BIRTH_YEAR_MIN)
  birthYear?: number | null;

  @ApiPropertyOptional({ enum: EducationLevel, enumName: 'EducationLevel', nullable: true })
  @IsOptional()
  @IsEnum(EducationLevel)
  educationLevel?: EducationLevel | null;

  @ApiPropertyOptional({ enum: ProfessionalBackground, enumName: 'ProfessionalBackground', nullable: true })
  @IsOptional()
  @IsEnum(ProfessionalBackground)
  professionalBackground?: ProfessionalBackground | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  targetGroupExperience?: boolean | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: TARGET_GROUP_YEARS_MAX,
    description: 'Only with targetGroupExperience.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TARGET_GROUP_YEARS_MAX)
  targetGroupExperienceYears?: number | null;

  @ApiPropertyOptional({ ...NULLABLE_DATE, description: 'Start date as a mentor; not in the future.' })
  @IsOptional()
  @IsISO8601(DATE)
  mentorSince?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: SPECIALISATIONS_MAX, example: ['ADHD', 'angst'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SPECIALISATIONS_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SPECIALISATION_MAX_LENGTH, { each: true })
  specialisations?: string[];

  @ApiPropertyOptional({ enum: UpskillingTopic, enumName: 'UpskillingTopic', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(UpskillingTopic, { each: true })
  upskillingWishes?: UpskillingTopic[];
}

/** Every profile field, for the team leader. */
export class ProfileFieldsDto extends SuggestibleFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: EMPLOYEE_NUMBER_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMPLOYEE_NUMBER_MAX_LENGTH)
  employeeNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @IsOptional()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({
    enum: MentorType,
    enumName: 'MentorType',
    isArray: true,
    description: 'One or both.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(MentorType, { each: true })
  mentorTypes?: MentorType[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: CAPACITY_MINUTES_MAX,
    description: 'Time available for mentoring per week, in minutes.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(CAPACITY_MINUTES_MAX)
  capacityMinutesPerWeek?: number | null;
}

export class UpdateMentorProfileDto extends ProfileFieldsDto implements UpdateMentorProfileRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiProperty({ description: 'The version read; 0 for a mentor without a saved profile.' })
  @IsVersion(0)
  version: number;
}

export class RegisterMentorDto extends ProfileFieldsDto implements RegisterMentorRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ maxLength: USERNAME_MAX_LENGTH, description: 'Letters, digits, dot, dash, underscore, @.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]+$/)
  @MaxLength(USERNAME_MAX_LENGTH)
  username: string;
  @ApiProperty({ minLength: MENTOR_PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(MENTOR_PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class SetMentorPasswordDto implements SetMentorPasswordRequest {
  @ApiProperty({ minLength: MENTOR_PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(MENTOR_PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class MentorProfileDto implements MentorProfile {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() name: string;
  @ApiProperty() username: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) organisationKind: OrganisationKind;
  @ApiProperty({ type: String, nullable: true }) employeeNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: Gender, enumName: 'Gender', nullable: true }) gender: Gender | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear: number | null;
  @ApiProperty({ enum: EducationLevel, enumName: 'EducationLevel', nullable: true })
  educationLevel: EducationLevel | null;
  @ApiProperty({ enum: ProfessionalBackground, enumName: 'ProfessionalBackground', nullable: true })
  professionalBackground: ProfessionalBackground | null;
  @ApiProperty({ type: Boolean, nullable: true }) targetGroupExperience: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) targetGroupExperienceYears: number | null;
  @ApiProperty(NULLABLE_DATE) mentorSince: string | null;
  @ApiProperty({ enum: MentorType, enumName: 'MentorType', isArray: true }) mentorTypes: MentorType[];
  @ApiProperty({ type: [String] }) specialisations: string[];
  @ApiProperty({ type: Number, nullable: true }) capacityMinutesPerWeek: number | null;
  @ApiProperty({ enum: UpskillingTopic, enumName: 'UpskillingTopic', isArray: true })
  upskillingWishes: UpskillingTopic[];
  @ApiProperty({ description: '0 until the profile is first saved.' }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class CertificationStateDto implements CertificationState {
  @ApiProperty({ enum: CertificationStatus, enumName: 'CertificationStatus' }) status: CertificationStatus;
  @ApiProperty(NULLABLE_DATE) certifiedOn: string | null;
  @ApiProperty(NULLABLE_DATE) renewalDueOn: string | null;
}

// ---------- Training ----------

export class CreateTrainingDto implements CreateTrainingRequest {
  @ApiProperty({ enum: TrainingKind, enumName: 'TrainingKind' }) @IsEnum(TrainingKind) kind: TrainingKind;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WORKFORCE_TEXT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WORKFORCE_TEXT_MAX_LENGTH)
  provider?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: TRAINING_DAYS_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TRAINING_DAYS_MAX)
  lengthDays?: number | null;
  @ApiPropertyOptional({ ...NULLABLE_DATE, description: 'Not in the future; null while not completed.' })
  @IsOptional()
  @IsISO8601(DATE)
  completedOn?: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) @IsOptional() @IsBoolean() feltWellEquipped?:
    boolean | null;
}

export class UpdateTrainingDto extends CreateTrainingDto implements UpdateTrainingRequest {
  @ApiProperty() @IsVersion() version: number;
}

export class TrainingRecordDto implements TrainingRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ enum: TrainingKind, enumName: 'TrainingKind' }) kind: TrainingKind;
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({ type: Number, nullable: true }) lengthDays: number | null;
  @ApiProperty(NULLABLE_DATE) completedOn: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) feltWellEquipped: boolean | null;
  @ApiProperty() version: number;
}

// ---------- Certification ----------

export class CreateCertificationDto implements CreateCertificationRequest {
  @ApiProperty({ format: 'date', description: 'Not in the future.' }) @IsISO8601(DATE) certifiedOn: string;
  @ApiPropertyOptional({ ...NULLABLE_DATE, description: 'After certifiedOn; null: no renewal date.' })
  @IsOptional()
  @IsISO8601(DATE)
  renewalDueOn?: string | null;
  @ApiProperty({ enum: CertificationBasis, enumName: 'CertificationBasis', isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(CertificationBasis, { each: true })
  basis: CertificationBasis[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WORKFORCE_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WORKFORCE_NOTE_MAX_LENGTH)
  note?: string | null;
}

export class UpdateCertificationDto extends CreateCertificationDto implements UpdateCertificationRequest {
  @ApiProperty() @IsVersion() version: number;
}

export class CertificationRecordDto implements CertificationRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ format: 'date' }) certifiedOn: string;
  @ApiProperty(NULLABLE_DATE) renewalDueOn: string | null;
  @ApiProperty({ enum: CertificationBasis, enumName: 'CertificationBasis', isArray: true })
  basis: CertificationBasis[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'uuid' }) certifiedById: string;
  @ApiProperty() certifiedByName: string;
  @ApiProperty() version: number;
}

// ---------- Upskilling ----------

export class CreateUpskillingOfferDto implements CreateUpskillingOfferRequest {
  @ApiProperty({ enum: UpskillingTopic, enumName: 'UpskillingTopic' })
  @IsEnum(UpskillingTopic)
  topic: UpskillingTopic;
  @ApiProperty({ format: 'date' }) @IsISO8601(DATE) offeredOn: string;
  @ApiProperty({ description: 'Taken up by the mentor (otherwise only offered).' })
  @IsBoolean()
  taken: boolean;
}

export class UpdateUpskillingOfferDto
  extends CreateUpskillingOfferDto
  implements UpdateUpskillingOfferRequest
{
  @ApiProperty() @IsVersion() version: number;
}

export class UpskillingOfferDto implements UpskillingOffer {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ enum: UpskillingTopic, enumName: 'UpskillingTopic' }) topic: UpskillingTopic;
  @ApiProperty({ format: 'date' }) offeredOn: string;
  @ApiProperty() taken: boolean;
  @ApiProperty() version: number;
}

// ---------- Supervision ----------

export class CreateSupervisionDto implements CreateSupervisionRequest {
  @ApiProperty({ enum: SupervisionKind, enumName: 'SupervisionKind' })
  @IsEnum(SupervisionKind)
  kind: SupervisionKind;
  @ApiProperty({ format: 'date', description: 'Not in the future.' }) @IsISO8601(DATE) heldOn: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WORKFORCE_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WORKFORCE_NOTE_MAX_LENGTH)
  note?: string | null;
}

export class UpdateSupervisionDto extends CreateSupervisionDto implements UpdateSupervisionRequest {
  @ApiProperty() @IsVersion() version: number;
}

export class SupervisionRecordDto implements SupervisionRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ enum: SupervisionKind, enumName: 'SupervisionKind' }) kind: SupervisionKind;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}

// ---------- Recruitment ----------

export class RecruitmentAssessmentDto implements RecruitmentAssessment {
  @ApiProperty({ enum: RecruitmentCompetency, enumName: 'RecruitmentCompetency' })
  @IsEnum(RecruitmentCompetency)
  competency: RecruitmentCompetency;
  @ApiProperty() @IsBoolean() met: boolean;
}

export class SetRecruitmentAssessmentsDto implements SetRecruitmentAssessmentsRequest {
  @ApiProperty({ type: [RecruitmentAssessmentDto], description: 'Replaces the hire’s assessment.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RecruitmentAssessmentDto)
  assessments: RecruitmentAssessmentDto[];
}

export class SetRecruitmentRequirementsDto implements SetRecruitmentRequirementsRequest {
  @ApiProperty({ enum: RecruitmentCompetency, enumName: 'RecruitmentCompetency', isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsEnum(RecruitmentCompetency, { each: true })
  competencies: RecruitmentCompetency[];
}

export class RecruitmentRequirementsDto implements RecruitmentRequirements {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: RecruitmentCompetency, enumName: 'RecruitmentCompetency', isArray: true })
  competencies: RecruitmentCompetency[];
}

class MentorRecruitmentDto implements MentorRecruitment {
  @ApiProperty({ enum: RecruitmentCompetency, enumName: 'RecruitmentCompetency', isArray: true })
  requirements: RecruitmentCompetency[];
  @ApiProperty({ type: [RecruitmentAssessmentDto] }) assessments: RecruitmentAssessmentDto[];
  @ApiProperty({ type: Boolean, nullable: true, description: 'Every requirement assessed and met.' })
  allMet: boolean | null;
}

// ---------- Suggestions ----------

export class SuggestProfileChangesDto extends SuggestibleFieldsDto {}

export class SuggestionListQueryDto {
  @ApiPropertyOptional({
    enum: SuggestionStatus,
    enumName: 'SuggestionStatus',
    default: SuggestionStatus.Pending,
  })
  @IsOptional()
  @IsEnum(SuggestionStatus)
  status?: SuggestionStatus;
}

export class DecideSuggestionDto implements DecideSuggestionRequest {
  @ApiPropertyOptional({ maxLength: WORKFORCE_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WORKFORCE_NOTE_MAX_LENGTH)
  note?: string;
}

export class ProfileSuggestionDto implements ProfileSuggestion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty({ type: SuggestibleFieldsDto }) changes: MentorProfileChanges;
  @ApiProperty({ enum: SuggestionStatus, enumName: 'SuggestionStatus' }) status: SuggestionStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
}

export class MentorWorkforceRecordDto implements MentorWorkforceRecord {
  @ApiProperty({ type: MentorProfileDto }) profile: MentorProfileDto;
  @ApiProperty({ type: CertificationStateDto }) certification: CertificationStateDto;
  @ApiProperty({ type: [TrainingRecordDto] }) trainings: TrainingRecordDto[];
  @ApiProperty({ type: [CertificationRecordDto] }) certifications: CertificationRecordDto[];
  @ApiProperty({ type: [UpskillingOfferDto] }) upskilling: UpskillingOfferDto[];
  @ApiProperty({ type: [SupervisionRecordDto] }) supervision: SupervisionRecordDto[];
  @ApiProperty({ type: MentorRecruitmentDto }) recruitment: MentorRecruitmentDto;
  @ApiProperty({ type: [ProfileSuggestionDto], description: 'Newest first.' })
  suggestions: ProfileSuggestionDto[];
}
