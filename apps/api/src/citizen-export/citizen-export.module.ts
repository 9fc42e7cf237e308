import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { CitizenExportController } from './citizen-export.controller';
import { CitizenExportService } from './citizen-export.service';

/** Everything held about a citizen as JSON or PDF, for the right of access (GDPR art. 15). */
@Module({
  imports: [CitizensModule],
  controllers: [CitizenExportController],
  providers: [CitizenExportService],
})
export class CitizenExportModule {}
