import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError, ProblemDetails } from '@mentor/domain';

class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'username' }) field: string;
  @ApiProperty({ type: [String], example: ['username must be a string'] }) messages: string[];
  @ApiPropertyOptional({
    type: [String],
    example: ['isString'],
    description:
      'Stable code of each message, in the same order: a class-validator constraint name (isNotEmpty, maxLength, min, max, isIn, isEnum, isIso8601, matches, whitelistValidation, ...) or a feature code (contact.in_future, contact.outside_course, grant.too_long, ...). Clients translate codes; the messages are English.',
  })
  codes?: string[];
}

/** RFC 9457 problem document, the body of every error answer (`application/problem+json`). */
export class ProblemDto implements ProblemDetails {
  @ApiProperty({ example: 'urn:mentorsystemet:problem:validation.failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields.' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/auth/login' }) instance?: string;
  @ApiPropertyOptional({ example: 'validation.failed' }) code?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: '6f1c0e9e-8a4b-4d43-9d55-2a7f0f0e7b11' }) requestId?: string;
}
