import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_FILE_MAX_BYTES,
  CASE_NOTE_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  type CaseItem,
  CaseItemKind,
  type CaseShare,
  CaseFileType,
  CONSENT_SCOPE_MAX_LENGTH,
  type CreateCaseNoteRequest,
  type CreateShareRequest,
  type FileInfo,
  LEGAL_BASIS_MAX_LENGTH,
  ShareBasis,
  type SharedItem,
  ShareState,
} from '@mentor/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

/** A calendar date, `YYYY-MM-DD`. */
const IsDate = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be YYYY-MM-DD` }),
  );

/** Leading and trailing blanks are not part of a text; an empty optional text is no text. */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimmedOrAbsent = ({ value }: { value: unknown }) => {
  const text = typeof value === 'string' ? value.trim() : value;
  return text === '' || text === null ? undefined : text;
};

export class FileInfoDto implements FileInfo {
  @ApiProperty({ description: "The uploader's name for the file, without any path." })
  fileName: string;

  @ApiProperty({ enum: CaseFileType, enumName: 'CaseFileType', description: 'Detected from the content.' })
  contentType: CaseFileType;

  @ApiProperty({ maximum: CASE_FILE_MAX_BYTES })
  sizeBytes: number;
}

export class CaseItemDto implements CaseItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ enum: CaseItemKind, enumName: 'CaseItemKind' }) kind: CaseItemKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: FileInfoDto, nullable: true, description: 'Documents only.' })
  file: FileInfoDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Notes only.' }) body: string | null;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Courses the item is shared with now.' }) activeShareCount: number;
}

export class CreateCaseNoteDto implements CreateCaseNoteRequest {
  @ApiProperty({ maxLength: CASE_TITLE_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ maxLength: CASE_NOTE_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_NOTE_MAX_LENGTH)
  body: string;
}

export class CreateShareDto implements CreateShareRequest {
  @ApiProperty({ format: 'uuid', description: "A document or note of the course's citizen." })
  @IsUUID()
  itemId: string;

  @ApiProperty({ enum: ShareBasis, enumName: 'ShareBasis' })
  @IsEnum(ShareBasis)
  basis: ShareBasis;

  @ApiPropertyOptional({ maxLength: LEGAL_BASIS_MAX_LENGTH, description: 'Required for legal_basis only.' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(LEGAL_BASIS_MAX_LENGTH)
  legalBasis?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Required for consent only; not in the future.' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsDate()
  consentGivenOn?: string;

  @ApiPropertyOptional({ maxLength: CONSENT_SCOPE_MAX_LENGTH, description: 'Required for consent only.' })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(CONSENT_SCOPE_MAX_LENGTH)
  consentScope?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Defaults to the course's end; not after it, not in the past.",
  })
  @Transform(trimmedOrAbsent)
  @IsOptional()
  @IsDate()
  expiresOn?: string;
}

export class CaseShareDto implements CaseShare {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ enum: CaseItemKind, enumName: 'CaseItemKind' }) itemKind: CaseItemKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ShareBasis, enumName: 'ShareBasis' }) basis: ShareBasis;
  @ApiProperty({ type: String, nullable: true }) legalBasis: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) consentGivenOn: string | null;
  @ApiProperty({ type: String, nullable: true }) consentScope: string | null;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty({
    enum: ShareState,
    enumName: 'ShareState',
    description: 'Expired also when the course has ended or has another mentor now.',
  })
  state: ShareState;
  @ApiProperty() sharedByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedByName: string | null;
}

export class SharedItemDto implements SharedItem {
  @ApiProperty({ format: 'uuid' }) shareId: string;
  @ApiProperty({ enum: CaseItemKind, enumName: 'CaseItemKind' }) kind: CaseItemKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: FileInfoDto, nullable: true }) file: FileInfoDto | null;
  @ApiProperty({ type: String, nullable: true, description: "A note's text, in the single read only." })
  body: string | null;
  @ApiProperty({ format: 'date' }) sharedOn: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
}
