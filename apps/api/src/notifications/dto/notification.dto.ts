import { ApiProperty } from '@nestjs/swagger';
import { NotificationKind, type NotificationPage, type NotificationView } from '@mentor/domain';
import { PageQueryDto } from '../../common/pagination';

export class NotificationListQueryDto extends PageQueryDto {}

export class NotificationViewDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NotificationKind, enumName: 'NotificationKind' }) kind: NotificationKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) courseId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reportId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The due date of a reminder.' })
  dueOn: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The report version a review is about.' })
  reportVersion: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationViewDto] }) items: NotificationViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ description: "The caller's unread notifications, on every page." }) unreadCount: number;
}
