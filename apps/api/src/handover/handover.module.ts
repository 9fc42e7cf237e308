import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { HandoverController } from './handover.controller';
import { HandoverService } from './handover.service';

/** The caseworker's handover packet to the course's mentor, acknowledged before the first contact. */
@Module({
  imports: [NotificationsModule],
  controllers: [HandoverController],
  providers: [HandoverService],
})
export class HandoverModule {}
