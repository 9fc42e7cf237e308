import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CourseReportsController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Progression reports: the mentor writes, the caseworker reviews, team leaders see the quality. */
@Module({
  imports: [NotificationsModule],
  controllers: [CourseReportsController, ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
