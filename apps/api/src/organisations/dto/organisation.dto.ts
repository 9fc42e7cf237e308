import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type MentorOption,
  ORGANISATION_SORT_FIELDS,
  OrganisationKind,
  type OrganisationSummary,
  type Page,
  sortValues,
} from '@mentor/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { MentorLoadDto } from '../../workforce/dto/workforce.dto';

export class OrganisationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: sortValues(ORGANISATION_SORT_FIELDS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(ORGANISATION_SORT_FIELDS))
  sort?: string;
}

export class OrganisationSummaryDto implements OrganisationSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) kind: OrganisationKind;
}

export class OrganisationPageDto implements Page<OrganisationSummaryDto> {
  @ApiProperty({ type: [OrganisationSummaryDto] }) items: OrganisationSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** A candidate mentor with their current load and certification (MentorLoadDto). */
export class MentorOptionDto extends MentorLoadDto implements MentorOption {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
