import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Page, Role, sortValues, USER_SORT_FIELDS, type UserSummary } from '@mentor/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: sortValues(USER_SORT_FIELDS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(USER_SORT_FIELDS))
  sort?: string;
}

export class UserSummaryDto implements UserSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ description: 'False once disabled: no sign-in, no session.' }) active: boolean;
}

export class UserPageDto implements Page<UserSummaryDto> {
  @ApiProperty({ type: [UserSummaryDto] }) items: UserSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
