import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseItemsService } from './case-items.service';
import { CaseSharingController, SharedItemsController } from './case-sharing.controller';
import { SharesService } from './shares.service';

/** Need-to-know case access: the caseworker's documents and notes, shared item by item with a course's mentor. */
@Module({
  imports: [FilesModule, NotificationsModule],
  controllers: [CaseSharingController, SharedItemsController],
  providers: [CaseItemsService, SharesService],
})
export class CaseSharingModule {}
