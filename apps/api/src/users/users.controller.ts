import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { MeResponseDto } from '../auth/dto/login.dto';
import { UserListQueryDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @RequirePermission(Permission.SessionOwn)
  @ApiOkResponse({ type: MeResponseDto, description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponseDto> {
    return this.users.me(user);
  }

  @Get('users')
  @RequirePermission(Permission.UsersRead)
  @ApiOkResponse({ type: UserPageDto, description: "The users of the caller's municipality." })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(user, query);
  }
}
