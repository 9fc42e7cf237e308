import { Module } from '@nestjs/common';
import { FileStore } from './file-store.service';

/** Encrypted storage of uploaded files, for the modules that own them (case documents, message attachments). */
@Module({
  providers: [FileStore],
  exports: [FileStore],
})
export class FilesModule {}
