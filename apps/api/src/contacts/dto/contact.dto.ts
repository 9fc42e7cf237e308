import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_MINUTES_MAX,
  CONTACT_MINUTES_MIN,
  CONTACT_NOTE_MAX_LENGTH,
  ContactForm,
  type ContactLogged,
  type ContactRequest,
  ContactTopic,
  type ContactView,
  HelpGiven,
  type Page,
  type UpdateContactRequest,
} from '@mentor/domain';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { WeekBudgetDto } from '../../courses/dto/course.dto';
import { IsVersion } from '../../common/validation';

export class ContactDto implements ContactRequest {
  @ApiProperty({ format: 'date', description: 'Inside the course period and not in the future.' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'contactDate must be YYYY-MM-DD' })
  contactDate: string;

  @ApiProperty({ example: '10:30', description: 'HH:MM, Danish time.' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM' })
  startTime: string;

  @ApiProperty({ minimum: CONTACT_MINUTES_MIN, maximum: CONTACT_MINUTES_MAX, description: 'Whole minutes.' })
  @IsInt()
  @Min(CONTACT_MINUTES_MIN)
  @Max(CONTACT_MINUTES_MAX)
  minutes: number;

  @ApiProperty({ enum: ContactForm, enumName: 'ContactForm' }) @IsEnum(ContactForm) form: ContactForm;
  @ApiProperty() @IsBoolean() showedUp: boolean;

  @ApiProperty({ enum: ContactTopic, enumName: 'ContactTopic', isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(9)
  @IsEnum(ContactTopic, { each: true })
  topics: ContactTopic[];

  @ApiProperty({ enum: HelpGiven, enumName: 'HelpGiven', isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(5)
  @IsEnum(HelpGiven, { each: true })
  help: HelpGiven[];

  @ApiPropertyOptional({ maxLength: CONTACT_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(CONTACT_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 600, description: 'Transport time, not contact time.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  transportMinutes?: number;
}

export class UpdateContactDto extends ContactDto implements UpdateContactRequest {
  @ApiProperty() @IsVersion() version: number;
}

export class DeleteContactQueryDto {
  @ApiProperty() @IsVersion() version: number;
}

export class ContactViewDto implements ContactView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'date' }) contactDate: string;
  @ApiProperty() startTime: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: ContactForm, enumName: 'ContactForm' }) form: ContactForm;
  @ApiProperty() showedUp: boolean;
  @ApiProperty({ enum: ContactTopic, enumName: 'ContactTopic', isArray: true }) topics: ContactTopic[];
  @ApiProperty({ enum: HelpGiven, enumName: 'HelpGiven', isArray: true }) help: HelpGiven[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number }) transportMinutes: number | null;
  @ApiProperty({ nullable: true, type: String }) correctsContactId: string | null;
  @ApiProperty({ nullable: true, type: String }) correctedById: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time' }) editableUntil: string;
  @ApiProperty() locked: boolean;
  @ApiProperty() deleted: boolean;
  @ApiProperty() version: number;
}

export class ContactLoggedDto implements ContactLogged {
  @ApiProperty({ type: ContactViewDto }) contact: ContactViewDto;
  @ApiProperty({ type: WeekBudgetDto }) week: WeekBudgetDto;
}

export class ContactPageDto implements Page<ContactViewDto> {
  @ApiProperty({ type: [ContactViewDto] }) items: ContactViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class ContactListQueryDto extends PageQueryDto {}
