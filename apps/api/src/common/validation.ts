import { type ArgumentMetadata, Injectable, type PipeTransform, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@mentor/domain';
import { ValidationProblem } from './problem';

/**
 * Flattens nested class-validator errors into `field.path: messages`, each message with its
 * constraint's name (`isNotEmpty`, `max`, ...) as its code.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const own = constraints.length
      ? [{ field, messages: constraints.map(([, m]) => m), codes: constraints.map(([code]) => code) }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Whitelist, forbid unknown properties, transform; errors become a per-field problem document. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}

/** A body described by a DTO class must be a JSON object: not an array, string or null. */
@Injectable()
export class ObjectBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    const expectsObject =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (expectsObject && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationProblem([], 'The request body must be a JSON object.');
    }
    return value;
  }
}
