import type { MigrationInterface } from 'typeorm';
import { CreatePlatformSchema1795871601639 } from './1795871601639-CreatePlatformSchema';
import { CreateMentoringSchema1795873839324 } from './1795873839324-CreateMentoringSchema';
import { IndexContactCorrections1795875725317 } from './1795875725317-IndexContactCorrections';
import { CourseMinuteTotals1795880873446 } from './1795880873446-CourseMinuteTotals';
import { AuditCitizenIds1795881656548 } from './1795881656548-AuditCitizenIds';
import { ProgressReports1795882535073 } from './1795882535073-ProgressReports';
import { MentorWorkforce1795884832498 } from './1795884832498-MentorWorkforce';
import { HandoverPackets1795889900000 } from './1795889900000-HandoverPackets';
import { CaseSharing1795890000000 } from './1795890000000-CaseSharing';
import { MessagesAndAccessLog1795890100000 } from './1795890100000-MessagesAndAccessLog';
import { Surveys1795891000000 } from './1795891000000-Surveys';
import { ContactIndicatorStats1795891100000 } from './1795891100000-ContactIndicatorStats';
import { TenantKeys1795902400000 } from './1795902400000-TenantKeys';
import { RowLevelSecurity1795902500000 } from './1795902500000-RowLevelSecurity';
import { AuditPartitions1795902600000 } from './1795902600000-AuditPartitions';
import { RetentionIndexes1795903648337 } from './1795903648337-RetentionIndexes';
import { TenantKeyOrder1795903700000 } from './1795903700000-TenantKeyOrder';
import { InlineTenantFunction1795903800000 } from './1795903800000-InlineTenantFunction';
import { ContactTotalsFastPath1795903900000 } from './1795903900000-ContactTotalsFastPath';
import { CheaperTenantFunction1795904000000 } from './1795904000000-CheaperTenantFunction';
import { CourseMinutesPeriodIndex1795904100000 } from './1795904100000-CourseMinutesPeriodIndex';
import { ProceduralArrayAdd1795904200000 } from './1795904200000-ProceduralArrayAdd';
import { CourseOverview1795904300000 } from './1795904300000-CourseOverview';
import { CountedContactAsInvoker1795904400000 } from './1795904400000-CountedContactAsInvoker';
import { CourseOverviewNames1795904500000 } from './1795904500000-CourseOverviewNames';
import { CourseOverviewMinutes1795904600000 } from './1795904600000-CourseOverviewMinutes';

/** Every migration in order; listed explicitly so the bundle and Jest find the same set. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreatePlatformSchema1795871601639,
  CreateMentoringSchema1795873839324,
  IndexContactCorrections1795875725317,
  CourseMinuteTotals1795880873446,
  AuditCitizenIds1795881656548,
  ProgressReports1795882535073,
  MentorWorkforce1795884832498,
  HandoverPackets1795889900000,
  CaseSharing1795890000000,
  MessagesAndAccessLog1795890100000,
  Surveys1795891000000,
  ContactIndicatorStats1795891100000,
  TenantKeys1795902400000,
  RowLevelSecurity1795902500000,
  AuditPartitions1795902600000,
  RetentionIndexes1795903648337,
  TenantKeyOrder1795903700000,
  InlineTenantFunction1795903800000,
  ContactTotalsFastPath1795903900000,
  CheaperTenantFunction1795904000000,
  CourseMinutesPeriodIndex1795904100000,
  ProceduralArrayAdd1795904200000,
  CourseOverview1795904300000,
  CountedContactAsInvoker1795904400000,
  CourseOverviewNames1795904500000,
  CourseOverviewMinutes1795904600000,
];
