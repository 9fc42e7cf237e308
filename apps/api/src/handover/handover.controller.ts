import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CourseHandoverDto, HandoverActionDto, SaveHandoverDto } from './dto/handover.dto';
import { HandoverService } from './handover.service';

@ApiTags('handover')
@Controller('courses/:id/handover')
export class HandoverController {
  constructor(private readonly handover: HandoverService) {}

  @Get()
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({
    type: CourseHandoverDto,
    description:
      "The current mentor's packet (the caseworker's pre-filled when none is saved; a mentor's once sent) and earlier mentors' packets.",
  })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseHandoverDto> {
    return this.handover.get(user, id);
  }

  @Put()
  @RequirePermission(Permission.HandoverWrite)
  @ApiOkResponse({ type: CourseHandoverDto, description: 'The draft is saved (created at version 0).' })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  @ApiForbiddenResponse({ description: "Not the citizen's caseworker." })
  @ApiConflictResponse({ description: 'Changed since it was read, or already sent.' })
  @ApiUnprocessableEntityResponse({ description: 'The course has no mentor, or has ended.' })
  save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveHandoverDto,
  ): Promise<CourseHandoverDto> {
    return this.handover.save(user, id, body);
  }

  @Post('send')
  @HttpCode(200)
  @RequirePermission(Permission.HandoverWrite)
  @ApiOkResponse({ type: CourseHandoverDto, description: 'Sent to the mentor, who is notified.' })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  @ApiForbiddenResponse({ description: "Not the citizen's caseworker." })
  @ApiConflictResponse({ description: 'Not saved, changed since it was read, or already sent.' })
  @ApiUnprocessableEntityResponse({ description: 'Required fields are empty (per-field errors).' })
  send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HandoverActionDto,
  ): Promise<CourseHandoverDto> {
    return this.handover.send(user, id, body);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.HandoverAcknowledge)
  @ApiOkResponse({ type: CourseHandoverDto, description: 'Acknowledged; the caseworker is notified.' })
  @ApiNotFoundResponse({ description: 'No such course, or not one the caller may see.' })
  @ApiForbiddenResponse({ description: "Not the course's current mentor." })
  @ApiConflictResponse({ description: 'Not sent yet, already acknowledged, or changed since it was read.' })
  acknowledge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HandoverActionDto,
  ): Promise<CourseHandoverDto> {
    return this.handover.acknowledge(user, id, body);
  }
}
