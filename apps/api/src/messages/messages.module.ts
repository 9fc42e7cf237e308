import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AbandonedUploadsService } from './abandoned-uploads.service';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

/** The secure message thread of each course, with attachments kept by the FileStore; abandoned uploads are cleaned up. */
@Module({
  imports: [FilesModule, NotificationsModule],
  controllers: [MessagesController],
  providers: [MessagesService, AbandonedUploadsService],
})
export class MessagesModule {}
