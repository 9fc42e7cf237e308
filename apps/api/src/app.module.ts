import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'typeorm';
import { AccessLogModule } from './access-log/access-log.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaseSharingModule } from './case-sharing/case-sharing.module';
import { CitizenExportModule } from './citizen-export/citizen-export.module';
import { CitizensModule } from './citizens/citizens.module';
import { CoursesModule } from './courses/courses.module';
import { GrantsModule } from './grants/grants.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { appDataSourceOptions } from './database/data-source';
import { DemoModule } from './demo/demo.module';
import { HandoverModule } from './handover/handover.module';
import { HealthModule } from './health/health.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SurveysModule } from './surveys/surveys.module';
import { UsersModule } from './users/users.module';
import { WorkforceModule } from './workforce/workforce.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, queryLogger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(appDataSourceOptions(databaseUrl, queryLogger, config.DATABASE_POOL_SIZE)),
        AuditModule,
        AuthModule,
        CitizensModule,
        GrantsModule,
        CoursesModule,
        ReportsModule,
        NotificationsModule,
        UsersModule,
        OrganisationsModule,
        WorkforceModule,
        HandoverModule,
        CaseSharingModule,
        MessagesModule,
        AccessLogModule,
        CitizenExportModule,
        SurveysModule,
        IndicatorsModule,
        RetentionModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
