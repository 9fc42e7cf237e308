import { ApiProperty } from '@nestjs/swagger';
import type { SetUserActiveRequest, UserActiveStatus } from '@mentor/domain';
import { IsBoolean } from 'class-validator';

export class SetUserActiveDto implements SetUserActiveRequest {
  @ApiProperty({
    description: 'false disables the user and ends all their sessions at once; true enables them again.',
  })
  @IsBoolean()
  active: boolean;
}

export class UserActiveStatusDto implements UserActiveStatus {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Sessions this change ended (0 when enabling: ended sessions stay ended).' })
  endedSessions: number;
}
