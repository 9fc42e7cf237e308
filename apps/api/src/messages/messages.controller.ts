import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { MESSAGE_ATTACHMENTS_MAX, Permission } from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UploadBody, type UploadedFile } from '../common/upload';
import { FileDownloadRoute, FileUploadRoute } from '../files/file-routes';
import {
  MarkMessagesReadDto,
  MessageAttachmentDto,
  MessageThreadDto,
  MessageViewDto,
  SendMessageDto,
  ThreadQueryDto,
  ThreadSettingsDto,
} from './dto/message.dto';
import { MessagesService } from './messages.service';

const NOT_VISIBLE = 'No such course, or not one whose thread the caller takes part in.';

/** The secure message thread of a course; every read, send and download is audit-logged. */
@ApiTags('messages')
@Controller('courses')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get(':id/messages')
  @RequirePermission(Permission.MessagesWrite)
  @ApiOkResponse({
    type: MessageThreadDto,
    description: 'Participants, settings and the newest messages (or those before `before`).',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  thread(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ThreadQueryDto,
  ): Promise<MessageThreadDto> {
    return this.messages.thread(user, id, query.before);
  }

  @Post(':id/messages')
  @RequirePermission(Permission.MessagesWrite)
  @ApiCreatedResponse({ type: MessageViewDto, description: 'Sent; the other participants are notified.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendMessageDto,
  ): Promise<MessageViewDto> {
    return this.messages.send(user, id, body);
  }

  @Post(':id/messages/read')
  @HttpCode(204)
  @RequirePermission(Permission.MessagesWrite)
  @ApiNoContentResponse({ description: 'Every message up to and including `upTo` is read by the caller.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MarkMessagesReadDto,
  ): Promise<void> {
    await this.messages.markRead(user, id, body.upTo);
  }

  @Put(':id/messages/settings')
  @RequirePermission(Permission.MessagesWrite)
  @ApiOkResponse({ type: MessageThreadDto, description: 'The thread with its new settings.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiForbiddenResponse({
    description: 'A team leader takes part but does not change the settings (`message.settings_forbidden`).',
  })
  settings(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ThreadSettingsDto,
  ): Promise<MessageThreadDto> {
    return this.messages.changeSettings(user, id, body);
  }

  @Post(':id/message-attachments')
  @RequirePermission(Permission.MessagesWrite)
  @FileUploadRoute({
    description: `Attach the stored file by id to the next message (at most ${MESSAGE_ATTACHMENTS_MAX} per message).`,
  })
  @ApiCreatedResponse({ type: MessageAttachmentDto, description: 'Stored, not yet sent.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiUnprocessableEntityResponse({
    description: 'Too many unsent attachments on this course (`message.too_many_pending_attachments`).',
  })
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadBody() upload: UploadedFile,
  ): Promise<MessageAttachmentDto> {
    return this.messages.upload(user, id, upload);
  }

  @Get(':id/message-attachments/:attachmentId')
  @RequirePermission(Permission.MessagesWrite)
  @FileDownloadRoute()
  @ApiNotFoundResponse({ description: 'No such attachment in a thread the caller takes part in.' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.messages.download(user, id, attachmentId, reply);
  }
}
