import { Module } from '@nestjs/common';
import { ContactsController } from '../contacts/contacts.controller';
import { ContactsService } from '../contacts/contacts.service';
import { GrantsModule } from '../grants/grants.module';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';

/** Courses and their contacts: a contact is always logged on a course. */
@Module({
  imports: [GrantsModule],
  controllers: [CoursesController, ContactsController],
  providers: [CoursesService, ContactsService],
})
export class CoursesModule {}
