import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CASE_TITLE_MAX_LENGTH, Permission } from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UploadBody, type UploadedFile } from '../common/upload';
import { FileDownloadRoute, FileUploadRoute } from '../files/file-routes';
import { CaseItemsService } from './case-items.service';
import {
  CaseItemDto,
  CaseShareDto,
  CreateCaseNoteDto,
  CreateShareDto,
  SharedItemDto,
} from './dto/case-sharing.dto';
import { SharesService } from './shares.service';

const CITIZEN_NOT_VISIBLE = "No such citizen, or not one of the caller's caseload.";
const COURSE_NOT_VISIBLE = "No such course, or not one of the caller's caseload.";
const SHARE_NOT_VISIBLE = "No such share, or not one of the caller's caseload.";
const NOT_SHARED =
  'No such share, or not shared with the caller now (another mentor, revoked, expired, the course ended or got another mentor).';

/** The caseworker's documents and notes on a citizen's case, and their shares with course mentors. */
@ApiTags('case sharing')
@Controller()
export class CaseSharingController {
  constructor(
    private readonly items: CaseItemsService,
    private readonly shares: SharesService,
  ) {}

  @Get('citizens/:id/case-items')
  @RequirePermission(Permission.CaseShare)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: [CaseItemDto],
    description: "The citizen's documents and notes, newest first (audit-logged).",
  })
  @ApiNotFoundResponse({ description: CITIZEN_NOT_VISIBLE })
  listItems(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CaseItemDto[]> {
    return this.items.list(user, id);
  }

  @Post('citizens/:id/case-documents')
  @RequirePermission(Permission.CaseShare)
  @FileUploadRoute({
    fields: {
      title: {
        type: 'string',
        maxLength: CASE_TITLE_MAX_LENGTH,
        description: "The document's title; the file's name when empty.",
      },
    },
  })
  @ApiCreatedResponse({ type: CaseItemDto, description: 'Stored, encrypted, under a random name.' })
  @ApiNotFoundResponse({ description: CITIZEN_NOT_VISIBLE })
  createDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadBody() upload: UploadedFile,
  ): Promise<CaseItemDto> {
    return this.items.createDocument(user, id, upload);
  }

  @Post('citizens/:id/case-notes')
  @RequirePermission(Permission.CaseShare)
  @ApiCreatedResponse({ type: CaseItemDto, description: 'The note, on the case.' })
  @ApiNotFoundResponse({ description: CITIZEN_NOT_VISIBLE })
  createNote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateCaseNoteDto,
  ): Promise<CaseItemDto> {
    return this.items.createNote(user, id, body);
  }

  @Get('case-items/:id/file')
  @RequirePermission(Permission.CaseShare)
  @FileDownloadRoute()
  @ApiNotFoundResponse({
    description: "No such document (a note has no file), or not of the caller's caseload.",
  })
  itemFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.items.sendFile(user, id, reply);
  }

  @Post('courses/:id/shares')
  @RequirePermission(Permission.CaseShare)
  @ApiCreatedResponse({
    type: CaseShareDto,
    description: "Shared with the course's mentor, who is notified.",
  })
  @ApiNotFoundResponse({ description: COURSE_NOT_VISIBLE })
  @ApiConflictResponse({
    description:
      'The course has ended (`share.course_ended`), has no mentor (`share.no_mentor`), or the item is shared already (`share.already_active`).',
  })
  share(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateShareDto,
  ): Promise<CaseShareDto> {
    return this.shares.create(user, id, body);
  }

  @Get('courses/:id/shares')
  @RequirePermission(Permission.CaseShare)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: [CaseShareDto],
    description: 'Every share of the course with its state, newest first (audit-logged).',
  })
  @ApiNotFoundResponse({ description: COURSE_NOT_VISIBLE })
  listShares(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CaseShareDto[]> {
    return this.shares.listForCourse(user, id);
  }

  @Post('shares/:id/revoke')
  @HttpCode(200)
  @RequirePermission(Permission.CaseShare)
  @ApiOkResponse({ type: CaseShareDto, description: 'Revoked: the mentor loses access at once.' })
  @ApiNotFoundResponse({ description: SHARE_NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Already revoked (`share.already_revoked`).' })
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CaseShareDto> {
    return this.shares.revoke(user, id);
  }
}

/** What is shared with a mentor: the active shares of their own courses, and nothing else of the case. */
@ApiTags('case sharing')
@Controller()
export class SharedItemsController {
  constructor(private readonly shares: SharesService) {}

  @Get('courses/:id/shared-items')
  @RequirePermission(Permission.SharedRead)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: [SharedItemDto],
    description:
      "The course's active shares with the caller, newest first; notes without their text (audit-logged).",
  })
  @ApiNotFoundResponse({ description: 'No such course, or not one of the caller’s own.' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SharedItemDto[]> {
    return this.shares.listForMentor(user, id);
  }

  @Get('shares/:id')
  @RequirePermission(Permission.SharedRead)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SharedItemDto, description: "One shared item, with a note's text (audit-logged)." })
  @ApiNotFoundResponse({ description: NOT_SHARED })
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SharedItemDto> {
    return this.shares.read(user, id);
  }

  @Get('shares/:id/file')
  @RequirePermission(Permission.SharedRead)
  @FileDownloadRoute()
  @ApiNotFoundResponse({ description: `${NOT_SHARED} A note has no file.` })
  file(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.shares.sendFile(user, id, reply);
  }
}
