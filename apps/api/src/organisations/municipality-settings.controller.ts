import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  type MunicipalitySettings,
  Permission,
  type UpdateMunicipalitySettingsRequest,
} from '@mentor/domain';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { MunicipalitySettingsService } from './municipality-settings.service';

export class MunicipalitySettingsDto implements MunicipalitySettings {
  @ApiProperty() municipalityName: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) reportQualityThreshold: number;
  @ApiProperty() version: number;
}

export class UpdateMunicipalitySettingsDto implements UpdateMunicipalitySettingsRequest {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'Progression reports scored under it are submitted only with a written justification.',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  reportQualityThreshold: number;

  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

@ApiTags('municipality')
@Controller('municipality/settings')
export class MunicipalitySettingsController {
  constructor(private readonly settings: MunicipalitySettingsService) {}

  @Get()
  @RequirePermission(Permission.MunicipalityManage)
  @ApiOkResponse({ type: MunicipalitySettingsDto, description: "The caller's municipality's settings." })
  get(@CurrentUser() user: AuthenticatedUser): Promise<MunicipalitySettingsDto> {
    return this.settings.get(user);
  }

  @Patch()
  @RequirePermission(Permission.MunicipalityManage)
  @ApiOkResponse({ type: MunicipalitySettingsDto })
  @ApiConflictResponse({ description: 'Changed by someone else since it was read.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateMunicipalitySettingsDto,
  ): Promise<MunicipalitySettingsDto> {
    return this.settings.update(user, body);
  }
}
