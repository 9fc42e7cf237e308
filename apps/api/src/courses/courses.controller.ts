import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ContactsService } from '../contacts/contacts.service';
import {
  ContactDto,
  ContactListQueryDto,
  ContactLoggedDto,
  ContactPageDto,
} from '../contacts/dto/contact.dto';
import { CoursesService } from './courses.service';
import {
  ChangeCourseDto,
  CourseDetailDto,
  CourseListQueryDto,
  CoursePageDto,
  WeekBudgetDto,
} from './dto/course.dto';

@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly contacts: ContactsService,
  ) {}

  @Get()
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({
    type: CoursePageDto,
    description:
      "The caller's courses (a mentor's own, a caseworker's caseload, a team leader's organisation) with this week's budget.",
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CourseListQueryDto): Promise<CoursePageDto> {
    return this.courses.list(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseDetailDto> {
    return this.courses.get(user, id);
  }

  @Get(':id/weeks')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: [WeekBudgetDto], description: 'Granted against logged minutes per ISO week.' })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  weeks(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WeekBudgetDto[]> {
    return this.courses.weeks(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CoursesManage)
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'Changed by someone else since it was read.' })
  change(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeCourseDto,
  ): Promise<CourseDetailDto> {
    return this.courses.change(user, id, body);
  }

  @Get(':id/contacts')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: ContactPageDto, description: 'The contact timeline, newest first.' })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  contactList(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ContactListQueryDto,
  ): Promise<ContactPageDto> {
    return this.contacts.list(user, id, query);
  }

  @Post(':id/contacts')
  @RequirePermission(Permission.ContactsWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key and body creates nothing.',
  })
  @ApiCreatedResponse({ type: ContactLoggedDto, description: "The contact and its week's budget." })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  @ApiUnprocessableEntityResponse({
    description: 'The course is not active, or the key was used for another contact.',
  })
  logContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ContactDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContactLoggedDto> {
    return this.contacts.log(user, id, body, idempotencyKey);
  }
}
