import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { appDataSourceOptions } from './database/data-source';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(appDataSourceOptions(databaseUrl)),
        AuthModule,
        UsersModule,
        OrganisationsModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
