import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
import { CitizensService } from './citizens.service';
import {
  CitizenDetailDto,
  CitizenListQueryDto,
  CitizenPageDto,
  CprRevealDto,
  CreateCitizenDto,
  UpdateCitizenDto,
} from './dto/citizen.dto';

@ApiTags('citizens')
@Controller('citizens')
export class CitizensController {
  constructor(private readonly citizens: CitizensService) {}

  @Post()
  @RequirePermission(Permission.CitizensWrite)
  @ApiCreatedResponse({ type: CitizenDetailDto, description: "Registered in the caller's caseload." })
  @ApiConflictResponse({ description: 'The CPR number is already registered.' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCitizenDto): Promise<CitizenDetailDto> {
    return this.citizens.create(user, body);
  }

  @Get()
  @RequirePermission(Permission.CitizensRead)
  @ApiOkResponse({
    type: CitizenPageDto,
    description: 'The citizens the caller may see; the search is audit-logged.',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CitizenListQueryDto): Promise<CitizenPageDto> {
    return this.citizens.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.CitizensRead)
  @ApiOkResponse({ type: CitizenDetailDto })
  @ApiNotFoundResponse({ description: 'No such citizen, or not one the caller may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CitizenDetailDto> {
    return this.citizens.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CitizensWrite)
  @ApiOkResponse({ type: CitizenDetailDto })
  @ApiNotFoundResponse({ description: 'No such citizen, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'Changed by someone else since it was read.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCitizenDto,
  ): Promise<CitizenDetailDto> {
    return this.citizens.update(user, id, body);
  }

  @Post(':id/cpr-reveal')
  @HttpCode(200)
  @RequirePermission(Permission.CprReveal)
  @ApiOkResponse({ type: CprRevealDto, description: 'The full CPR number; the reveal is audit-logged.' })
  @ApiNotFoundResponse({ description: 'No such citizen, or not one the caller may see.' })
  revealCpr(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CprRevealDto> {
    return this.citizens.revealCpr(user, id);
  }
}
