import {
  type ArgumentMetadata,
  applyDecorators,
  Injectable,
  type PipeTransform,
  ValidationPipe,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min, type ValidationError } from 'class-validator';
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

/** The largest value a PostgreSQL `integer` column holds. */
export const PG_INTEGER_MAX = 2_147_483_647;

/**
 * The version of a row as the client read it, in a body or a query string: a whole number from
 * `min` that the integer version column can hold (a larger one would reach SQL and fail there).
 */
export const IsVersion = (min = 1) =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(PG_INTEGER_MAX),
  );

/** A calendar date, `YYYY-MM-DD`: ISO 8601 also allows date-times, weeks and ordinal dates. */
export const IsCalendarDate = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be YYYY-MM-DD` }),
  );

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

/** Deeper than any DTO goes (a report is 4 levels); class-transformer recurses and must not overflow. */
export const MAX_INPUT_DEPTH = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Names of JavaScript's own object machinery (`__proto__`, `constructor`, `toString`...):
 * class-transformer skips them, so the whitelist would let them through unseen.
 */
function isReservedKey(key: string): boolean {
  return key === 'prototype' || key in Object.prototype;
}

/**
 * What no body or query may hold, whatever its DTO: text with NUL (PostgreSQL stores none) or half
 * a surrogate pair, keys of JavaScript's object machinery, and nesting deeper than MAX_INPUT_DEPTH. Checked before the
 * ValidationPipe, iteratively, so that no input can overflow the stack.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const pending: [unknown, string, number][] = [[value, '', 0]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [item, field, depth] = next;
      if (typeof item === 'string') {
        const name = field || metadata.type;
        if (item.includes('\u0000'))
          throw new ValidationProblem([
            {
              field: name,
              messages: [`${name} must not contain a NUL character`],
              codes: ['noNulCharacter'],
            },
          ]);
        // Half a UTF-16 pair is no character: it cannot be stored as UTF-8, and validators throw on it.
        if (LONE_SURROGATE.test(item))
          throw new ValidationProblem([
            {
              field: name,
              messages: [`${name} must be well-formed Unicode text`],
              codes: ['wellFormedText'],
            },
          ]);
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      if (depth >= MAX_INPUT_DEPTH) {
        throw new ValidationProblem(
          [],
          `The ${metadata.type} nests more than ${MAX_INPUT_DEPTH} levels deep.`,
        );
      }
      for (const [key, child] of Object.entries(item)) {
        const path = field ? `${field}.${key}` : key;
        if (isReservedKey(key)) {
          throw new ValidationProblem([
            { field: path, messages: [`property ${key} should not exist`], codes: ['whitelistValidation'] },
          ]);
        }
        pending.push([child, path, depth + 1]);
      }
    }
    return value;
  }
}
