import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ContactsService } from './contacts.service';
import { ContactDto, ContactLoggedDto, DeleteContactQueryDto, UpdateContactDto } from './dto/contact.dto';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Patch(':id')
  @RequirePermission(Permission.ContactsWrite)
  @ApiOkResponse({ type: ContactLoggedDto })
  @ApiNotFoundResponse({ description: 'No such contact, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'Changed since it was read.' })
  @ApiUnprocessableEntityResponse({ description: 'Locked after 7 days: log a correction.' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateContactDto,
  ): Promise<ContactLoggedDto> {
    return this.contacts.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.ContactsWrite)
  @ApiNoContentResponse({ description: 'Deleted (kept, marked deleted, with who and when).' })
  @ApiNotFoundResponse({ description: 'No such contact, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'Changed since it was read.' })
  @ApiUnprocessableEntityResponse({ description: 'Locked after 7 days.' })
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteContactQueryDto,
  ): Promise<void> {
    await this.contacts.remove(user, id, query.version);
  }

  @Post(':id/corrections')
  @RequirePermission(Permission.ContactsWrite)
  @ApiCreatedResponse({ type: ContactLoggedDto, description: 'A new contact that replaces the locked one.' })
  @ApiNotFoundResponse({ description: 'No such contact, or not one the caller may see.' })
  @ApiConflictResponse({ description: 'Already corrected.' })
  @ApiUnprocessableEntityResponse({ description: 'Not locked yet: edit it instead.' })
  correct(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ContactDto,
  ): Promise<ContactLoggedDto> {
    return this.contacts.correct(user, id, body);
  }
}
