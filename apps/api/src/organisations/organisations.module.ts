import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitySettingsController } from './municipality-settings.controller';
import { MunicipalitySettingsService } from './municipality-settings.service';
import { Organisation } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation])],
  controllers: [OrganisationsController, MunicipalitySettingsController],
  providers: [OrganisationsService, MunicipalitySettingsService],
})
export class OrganisationsModule {}
