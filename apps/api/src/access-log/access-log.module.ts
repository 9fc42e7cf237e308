import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

/** The citizen's access log (right of access), read from the audit trail. */
@Module({ controllers: [AccessLogController], providers: [AccessLogService] })
export class AccessLogModule {}
