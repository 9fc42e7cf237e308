import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  type MunicipalitySettings,
  Permission,
  type UpdateMunicipalitySettingsRequest,
} from '@mentor/domain';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { MunicipalitySettingsService } from './municipality-settings.service';
import { IsVersion } from '../common/validation';

export class MunicipalitySettingsDto implements MunicipalitySettings {
  @ApiProperty() municipalityName: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) reportQualityThreshold: number;
  @ApiProperty({
    description: 'A mentor needs a valid certification (certified or expiring) to be assigned a course.',
  })
  requireCertificationForAssignment: boolean;
  @ApiProperty() version: number;
}

export class UpdateMunicipalitySettingsDto implements UpdateMunicipalitySettingsRequest {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'Progression reports scored under it are submitted only with a written justification.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  reportQualityThreshold?: number;

  @ApiPropertyOptional({
    description:
      'Refuse assigning a course to a mentor without a valid certification (`mentor.not_certified`).',
  })
  @IsOptional()
  @IsBoolean()
  requireCertificationForAssignment?: boolean;

  @ApiProperty() @IsVersion() version: number;
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
