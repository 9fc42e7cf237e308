import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotificationListQueryDto, NotificationPageDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(Permission.SessionOwn)
  @ApiOkResponse({ type: NotificationPageDto, description: "The caller's own notifications, newest first." })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(user, query);
  }

  // Before ':id/read', so 'read-all' is never taken for an id.
  @Post('read-all')
  @HttpCode(204)
  @RequirePermission(Permission.SessionOwn)
  @ApiNoContentResponse({ description: "Every one of the caller's notifications is read." })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @RequirePermission(Permission.SessionOwn)
  @ApiNoContentResponse({ description: 'Marked read.' })
  @ApiNotFoundResponse({ description: "No such notification of the caller's." })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.notifications.markRead(user, id);
  }
}
