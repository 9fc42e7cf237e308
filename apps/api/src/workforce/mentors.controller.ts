import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission, SuggestionStatus } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CertificationRecordDto,
  CreateCertificationDto,
  CreateSupervisionDto,
  CreateTrainingDto,
  CreateUpskillingOfferDto,
  DecideSuggestionDto,
  MentorWorkforceRecordDto,
  ProfileSuggestionDto,
  RegisterMentorDto,
  SetMentorPasswordDto,
  SetRecruitmentAssessmentsDto,
  SupervisionRecordDto,
  SuggestProfileChangesDto,
  TrainingRecordDto,
  UpdateCertificationDto,
  UpdateMentorProfileDto,
  UpdateSupervisionDto,
  UpdateTrainingDto,
  UpdateUpskillingOfferDto,
  UpskillingOfferDto,
} from './dto/mentor.dto';
import { MentorsService } from './mentors.service';
import { CERTIFICATION, RecordsService, SUPERVISION, TRAINING, UPSKILLING } from './records.service';
import { IsVersion } from '../common/validation';

const MENTOR_NOT_VISIBLE = "No such mentor, or not one of the caller's organisation.";
const RECORD_NOT_VISIBLE = "No such record, or not of a mentor of the caller's organisation.";
const STALE = 'Changed by someone else since it was read.';

export class DeleteRecordQueryDto {
  @ApiProperty({ description: 'The version read.' }) @IsVersion() version: number;
}

/**
 * A mentor's profile and records, kept by the team leader of the mentor's organisation; the
 * municipality's administrator reads them. Bad input is a 400 naming the field.
 */
@ApiTags('workforce')
@Controller('workforce')
export class MentorsController {
  constructor(
    private readonly mentors: MentorsService,
    private readonly records: RecordsService,
  ) {}

  @Post('mentors')
  @RequirePermission(Permission.WorkforceManage)
  @ApiCreatedResponse({
    type: MentorWorkforceRecordDto,
    description: "A new mentor of the caller's organisation.",
  })
  @ApiConflictResponse({ description: 'The username, e-mail or employee number is taken.' })
  register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterMentorDto,
  ): Promise<MentorWorkforceRecordDto> {
    return this.mentors.register(user, body);
  }

  @Get('mentors/:id')
  @RequirePermission(Permission.WorkforceRead)
  @ApiOkResponse({ type: MentorWorkforceRecordDto })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MentorWorkforceRecordDto> {
    return this.mentors.record(user, id);
  }

  @Patch('mentors/:id/profile')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: MentorWorkforceRecordDto, description: 'The fields sent changed; null clears one.' })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  @ApiConflictResponse({ description: `${STALE} Or the e-mail or employee number is taken.` })
  updateProfile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMentorProfileDto,
  ): Promise<MentorWorkforceRecordDto> {
    return this.mentors.updateProfile(user, id, body);
  }

  @Put('mentors/:id/password')
  @HttpCode(204)
  @RequirePermission(Permission.WorkforceManage)
  @ApiNoContentResponse({ description: "Set; the mentor's sessions end." })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  async setPassword(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetMentorPasswordDto,
  ): Promise<void> {
    await this.mentors.setPassword(user, id, body.password);
  }

  @Put('mentors/:id/recruitment')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: MentorWorkforceRecordDto, description: 'The hire’s assessment replaced.' })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  setAssessments(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetRecruitmentAssessmentsDto,
  ): Promise<MentorWorkforceRecordDto> {
    return this.mentors.setAssessments(user, id, body);
  }

  // ---------- Training ----------

  @Post('mentors/:id/trainings')
  @RequirePermission(Permission.WorkforceManage)
  @ApiCreatedResponse({ type: TrainingRecordDto })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  createTraining(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateTrainingDto,
  ): Promise<TrainingRecordDto> {
    return this.records.create(TRAINING, user, id, body);
  }

  @Patch('trainings/:id')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: TrainingRecordDto })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  updateTraining(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTrainingDto,
  ): Promise<TrainingRecordDto> {
    return this.records.update(TRAINING, user, id, body, body.version);
  }

  @Delete('trainings/:id')
  @HttpCode(204)
  @RequirePermission(Permission.WorkforceManage)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  async deleteTraining(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteRecordQueryDto,
  ): Promise<void> {
    await this.records.remove(TRAINING, user, id, query.version);
  }

  // ---------- Certification ----------

  @Post('mentors/:id/certifications')
  @RequirePermission(Permission.WorkforceManage)
  @ApiCreatedResponse({
    type: CertificationRecordDto,
    description: 'Certified by the caller, the nearest manager.',
  })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  @ApiConflictResponse({ description: 'A certification of that date exists.' })
  createCertification(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateCertificationDto,
  ): Promise<CertificationRecordDto> {
    return this.records.create(CERTIFICATION, user, id, body);
  }

  @Patch('certifications/:id')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: CertificationRecordDto })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: `${STALE} Or a certification of that date exists.` })
  updateCertification(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCertificationDto,
  ): Promise<CertificationRecordDto> {
    return this.records.update(CERTIFICATION, user, id, body, body.version);
  }

  @Delete('certifications/:id')
  @HttpCode(204)
  @RequirePermission(Permission.WorkforceManage)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  async deleteCertification(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteRecordQueryDto,
  ): Promise<void> {
    await this.records.remove(CERTIFICATION, user, id, query.version);
  }

  // ---------- Upskilling ----------

  @Post('mentors/:id/upskilling')
  @RequirePermission(Permission.WorkforceManage)
  @ApiCreatedResponse({ type: UpskillingOfferDto })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The topic was already offered on that date.' })
  createUpskilling(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateUpskillingOfferDto,
  ): Promise<UpskillingOfferDto> {
    return this.records.create(UPSKILLING, user, id, body);
  }

  @Patch('upskilling/:id')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: UpskillingOfferDto })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  updateUpskilling(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUpskillingOfferDto,
  ): Promise<UpskillingOfferDto> {
    return this.records.update(UPSKILLING, user, id, body, body.version);
  }

  @Delete('upskilling/:id')
  @HttpCode(204)
  @RequirePermission(Permission.WorkforceManage)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  async deleteUpskilling(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteRecordQueryDto,
  ): Promise<void> {
    await this.records.remove(UPSKILLING, user, id, query.version);
  }

  // ---------- Supervision ----------

  @Post('mentors/:id/supervision')
  @RequirePermission(Permission.WorkforceManage)
  @ApiCreatedResponse({ type: SupervisionRecordDto })
  @ApiNotFoundResponse({ description: MENTOR_NOT_VISIBLE })
  @ApiConflictResponse({ description: 'A session of that kind on that date exists.' })
  createSupervision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateSupervisionDto,
  ): Promise<SupervisionRecordDto> {
    return this.records.create(SUPERVISION, user, id, body);
  }

  @Patch('supervision/:id')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: SupervisionRecordDto })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  updateSupervision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSupervisionDto,
  ): Promise<SupervisionRecordDto> {
    return this.records.update(SUPERVISION, user, id, body, body.version);
  }

  @Delete('supervision/:id')
  @HttpCode(204)
  @RequirePermission(Permission.WorkforceManage)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ description: RECORD_NOT_VISIBLE })
  @ApiConflictResponse({ description: STALE })
  async deleteSupervision(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteRecordQueryDto,
  ): Promise<void> {
    await this.records.remove(SUPERVISION, user, id, query.version);
  }

  // ---------- Suggestions ----------

  @Post('suggestions/:id/accept')
  @HttpCode(200)
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: ProfileSuggestionDto, description: 'Accepted: the changes are on the profile.' })
  @ApiNotFoundResponse({
    description: "No such suggestion, or not of a mentor of the caller's organisation.",
  })
  @ApiConflictResponse({ description: 'Already decided (`suggestion.already_decided`).' })
  @ApiUnprocessableEntityResponse({ description: 'The changes no longer fit the profile.' })
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideSuggestionDto,
  ): Promise<ProfileSuggestionDto> {
    return this.mentors.decide(user, id, SuggestionStatus.Accepted, body);
  }

  @Post('suggestions/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: ProfileSuggestionDto, description: 'Rejected, with the note as the reason.' })
  @ApiNotFoundResponse({
    description: "No such suggestion, or not of a mentor of the caller's organisation.",
  })
  @ApiConflictResponse({ description: 'Already decided (`suggestion.already_decided`).' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideSuggestionDto,
  ): Promise<ProfileSuggestionDto> {
    return this.mentors.decide(user, id, SuggestionStatus.Rejected, body);
  }
}

/** The signed-in mentor's own profile and records, and their suggested changes. */
@ApiTags('workforce')
@Controller('me/mentor-profile')
export class MyMentorProfileController {
  constructor(private readonly mentors: MentorsService) {}

  @Get()
  @RequirePermission(Permission.ProfileOwn)
  @ApiOkResponse({ type: MentorWorkforceRecordDto, description: "The caller's own profile and records." })
  get(@CurrentUser() user: AuthenticatedUser): Promise<MentorWorkforceRecordDto> {
    return this.mentors.record(user, user.id);
  }

  @Post('suggestions')
  @RequirePermission(Permission.ProfileOwn)
  @ApiCreatedResponse({
    type: ProfileSuggestionDto,
    description: 'A suggested change for a team leader to accept or reject; only the fields sent.',
  })
  suggest(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SuggestProfileChangesDto,
  ): Promise<ProfileSuggestionDto> {
    return this.mentors.suggest(user, body);
  }
}
