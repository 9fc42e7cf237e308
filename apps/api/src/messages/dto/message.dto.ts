import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CaseFileType,
  type MarkMessagesReadRequest,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_MAX_LENGTH,
  type MessageAttachment,
  type MessageReceipt,
  type MessageThread,
  type MessageView,
  Role,
  type SendMessageRequest,
  type ThreadParticipant,
  type ThreadSettingsRequest,
} from '@mentor/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ThreadQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Page back: the messages before this one.' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class SendMessageDto implements SendMessageRequest {
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH, description: 'Trimmed; must not be empty.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  body: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MESSAGE_ATTACHMENTS_MAX,
    description: "Attachments the caller uploaded to this course's thread and has not sent yet.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MESSAGE_ATTACHMENTS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class MarkMessagesReadDto implements MarkMessagesReadRequest {
  @ApiProperty({ format: 'uuid', description: 'The newest message read; every earlier one is read too.' })
  @IsUUID()
  upTo: string;
}

export class ThreadSettingsDto implements ThreadSettingsRequest {
  @ApiPropertyOptional({ description: 'The mentor needs sparring (shown on the caseworker’s caseload).' })
  @IsOptional()
  @IsBoolean()
  needsSparring?: boolean;

  @ApiPropertyOptional({ description: "The delivering organisation's team leaders take part." })
  @IsOptional()
  @IsBoolean()
  teamLeaderInvited?: boolean;
}

export class MessageAttachmentDto implements MessageAttachment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: CaseFileType, enumName: 'CaseFileType' }) contentType: CaseFileType;
  @ApiProperty() sizeBytes: number;
}

export class MessageReceiptDto implements MessageReceipt {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) readAt: string;
}

export class MessageViewDto implements MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) authorRole: Role;
  @ApiProperty() body: string;
  @ApiProperty({ type: [MessageAttachmentDto] }) attachments: MessageAttachmentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [MessageReceiptDto], description: 'Who else has read it, and when.' })
  readBy: MessageReceiptDto[];
  @ApiProperty({ description: 'Written by the caller.' }) own: boolean;
}

export class ThreadParticipantDto implements ThreadParticipant {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
}

export class MessageThreadDto implements MessageThread {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ type: [ThreadParticipantDto] }) participants: ThreadParticipantDto[];
  @ApiProperty() teamLeaderInvited: boolean;
  @ApiProperty() needsSparring: boolean;
  @ApiProperty({ description: "The caller's unread messages in the thread." }) unreadCount: number;
  @ApiProperty({ type: [MessageViewDto], description: 'Oldest first within the page.' })
  messages: MessageViewDto[];
  @ApiProperty({ description: "Older messages exist: pass the first message's id as `before`." })
  hasOlder: boolean;
}
