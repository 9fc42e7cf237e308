import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { MentorOptionDto, OrganisationListQueryDto, OrganisationPageDto } from './dto/organisation.dto';
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

  @Get(':id/mentors')
  @RequirePermission(Permission.CoursesManage)
  @ApiOkResponse({ type: [MentorOptionDto], description: 'Active mentors of the organisation, by name.' })
  @ApiNotFoundResponse({ description: 'No such organisation, or not one the caller may see.' })
  mentors(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MentorOptionDto[]> {
    return this.organisations.mentors(user, id);
  }
}
