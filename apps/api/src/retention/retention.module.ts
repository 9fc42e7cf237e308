import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { AuditRetentionTask } from '../audit/audit-retention.task';
import { CaseItemRetentionTask, CitizenRetentionTask } from './case-retention.task';
import { CourseRetentionTask, MessageRetentionTask } from './course-retention.task';
import { RETENTION_TASKS, type RetentionTask } from './retention-task';
import { RetentionService } from './retention.service';

/**
 * The retention job and its tasks. Order matters: a course's deletion frees its shared documents,
 * and a citizen goes only once their grants and documents have gone. Add a task (e.g. the audit
 * trail's) by providing it here and listing it in RETENTION_TASKS.
 */
@Module({
  imports: [FilesModule],
  providers: [
    CourseRetentionTask,
    MessageRetentionTask,
    CaseItemRetentionTask,
    CitizenRetentionTask,
    AuditRetentionTask,
    {
      provide: RETENTION_TASKS,
      useFactory: (...tasks: RetentionTask[]) => tasks,
      inject: [
        CourseRetentionTask,
        MessageRetentionTask,
        CaseItemRetentionTask,
        // Before citizens: a citizen named only in dropped months goes in the same run.
        AuditRetentionTask,
        CitizenRetentionTask,
      ],
    },
    RetentionService,
  ],
  exports: [RetentionService],
})
export class RetentionModule {}
