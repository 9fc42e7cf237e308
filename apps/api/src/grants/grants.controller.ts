import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ChangeGrantMinutesDto, CreateGrantDto, GrantDetailDto } from './dto/grant.dto';
import { GrantsService } from './grants.service';

@ApiTags('grants')
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @RequirePermission(Permission.GrantsWrite)
  @ApiCreatedResponse({ type: GrantDetailDto, description: 'The grant and its mentor course.' })
  @ApiNotFoundResponse({ description: "The citizen is not in the caller's caseload." })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateGrantDto): Promise<GrantDetailDto> {
    return this.grants.create(user, body);
  }

  @Get(':id')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: GrantDetailDto })
  @ApiNotFoundResponse({ description: 'No such grant, or not one the caller may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<GrantDetailDto> {
    return this.grants.read(user, id);
  }

  @Post(':id/minutes')
  @RequirePermission(Permission.GrantsWrite)
  @ApiCreatedResponse({
    type: GrantDetailDto,
    description: 'The minutes change from the date on; history is kept.',
  })
  @ApiConflictResponse({ description: 'Stale version, or the minutes already change on that date.' })
  changeMinutes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeGrantMinutesDto,
  ): Promise<GrantDetailDto> {
    return this.grants.changeMinutes(user, id, body);
  }
}
