import { ApiProperty } from '@nestjs/swagger';
import {
  type LoginRequest,
  type LoginResponse,
  OrganisationKind,
  PASSWORD_MAX_LENGTH,
  Role,
  type SessionUser,
  USERNAME_MAX_LENGTH,
} from '@mentor/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'mentor.cji1', maxLength: USERNAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(USERNAME_MAX_LENGTH)
  username: string;

  @ApiProperty({ example: 'demo', maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() name: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Opaque session token for `Authorization: Bearer`.' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}

export class MeResponseDto extends SessionUserDto {
  @ApiProperty() username: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' }) organisationKind: OrganisationKind;
  @ApiProperty() municipalityName: string;
}
