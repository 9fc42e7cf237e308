import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OrganisationListQueryDto, OrganisationPageDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(Permission.OrganisationsRead)
  @ApiOkResponse({
    type: OrganisationPageDto,
    description: "The organisations of the caller's municipality.",
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: OrganisationListQueryDto,
  ): Promise<OrganisationPageDto> {
    return this.organisations.list(user, query);
  }
}
