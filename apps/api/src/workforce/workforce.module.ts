import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MentorsController, MyMentorProfileController } from './mentors.controller';
import { MentorsService } from './mentors.service';
import { RecordsService } from './records.service';
import { WorkforceController } from './workforce.controller';
import { WorkforceImportService } from './workforce-import.service';
import { WorkforceService } from './workforce.service';

/** The mentor workforce: profiles, training, certification, upskilling, supervision, load view, import. */
@Module({
  imports: [AuthModule],
  controllers: [WorkforceController, MentorsController, MyMentorProfileController],
  providers: [WorkforceService, MentorsService, RecordsService, WorkforceImportService],
})
export class WorkforceModule {}
