import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReportRemindersService } from './report-reminders.service';

/** In-app notifications: stored with the events that make them, and by the report reminder job. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, ReportRemindersService],
  exports: [NotificationsService, ReportRemindersService],
})
export class NotificationsModule {}
