import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SetUserActiveDto, UserActiveStatusDto } from './dto/user-active.dto';
import { UserActiveService } from './user-active.service';

@ApiTags('users')
@Controller()
export class UserActiveController {
  constructor(private readonly users: UserActiveService) {}

  @Put('users/:id/active')
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({
    type: UserActiveStatusDto,
    description: 'Set. Disabling ends all the user’s sessions at once, on every API instance.',
  })
  @ApiNotFoundResponse({ description: "No such user in the caller's municipality." })
  @ApiUnprocessableEntityResponse({
    description: 'An administrator cannot disable themselves (`user.cannot_disable_self`).',
  })
  setActive(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetUserActiveDto,
  ): Promise<UserActiveStatusDto> {
    return this.users.setActive(user, id, body.active);
  }
}
