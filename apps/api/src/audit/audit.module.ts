import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { ReadAuditWriter } from './read-audit.writer';

@Global()
@Module({ providers: [AuditService, ReadAuditWriter], exports: [AuditService, ReadAuditWriter] })
export class AuditModule {}
