import type { ArgumentMetadata } from '@nestjs/common';
import {
  PG_INTEGER_MAX,
  IsCalendarDate,
  IsVersion,
  MAX_INPUT_DEPTH,
  SafeInputPipe,
  createValidationPipe,
} from './validation';
import { ValidationProblem } from './problem';

class VersionedDto {
  @IsVersion() version: number;
}

class DatedDto {
  @IsCalendarDate() on: string;
}

const body: ArgumentMetadata = { type: 'body', metatype: VersionedDto, data: undefined };
const query: ArgumentMetadata = { type: 'query', metatype: VersionedDto, data: undefined };

/** The field errors SafeInputPipe refuses the value with, as `field:code`; [] when it passes. */
function refusal(value: unknown, metadata = body): string[] {
  try {
    new SafeInputPipe().transform(value, metadata);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationProblem);
    const { errors, detail } = (error as ValidationProblem).init;
    return errors?.length ? errors.map((e) => `${e.field}:${e.codes?.join(',')}`) : [detail ?? ''];
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('SafeInputPipe', () => {
  it('passes ordinary bodies and queries, Unicode included', () => {
    expect(refusal({ name: 'Ærø Å 👩‍👧', list: [{ note: 'linje\nlinje\ttab' }], n: 1 })).toEqual([]);
    expect(refusal(nested(MAX_INPUT_DEPTH - 1))).toEqual([]);
    expect(refusal({ version: ['1', '2'] }, query)).toEqual([]);
  });

  it('refuses text with NUL or half a surrogate pair, naming the field', () => {
    expect(refusal({ list: [{ note: 'a\u0000b' }] })).toEqual(['list.0.note:noNulCharacter']);
    expect(refusal({ name: 'x\ud800' })).toEqual(['name:wellFormedText']);
    expect(refusal({ name: '\udfffx' })).toEqual(['name:wellFormedText']);
  });

  it('refuses keys of JavaScript’s object machinery, which the whitelist would not see', () => {
    expect(refusal({ constructor: 1 })).toEqual(['constructor:whitelistValidation']);
    expect(refusal({ a: { toString: 'x' } })).toEqual(['a.toString:whitelistValidation']);
    const parsedQuery = Object.assign(Object.create(null) as object, { version: '1', ['__proto__']: 'x' });
    expect(refusal(parsedQuery, query)).toEqual(['__proto__:whitelistValidation']);
  });

  it('refuses nesting deeper than the limit without overflowing the stack itself', () => {
    expect(refusal(nested(MAX_INPUT_DEPTH + 1))).toEqual([expect.stringContaining('levels deep')]);
    expect(refusal(JSON.parse(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`))).toEqual([
      expect.stringContaining('levels deep'),
    ]);
  });

  it('leaves route parameters and custom arguments alone', () => {
    expect(refusal('a\u0000b', { type: 'param', metatype: String, data: 'id' })).toEqual([]);
  });
});

describe('IsVersion and IsCalendarDate', () => {
  const pipe = createValidationPipe();
  const accepts = async (
    metatype: ArgumentMetadata['metatype'],
    value: object,
    type: 'body' | 'query' = 'body',
  ) => {
    try {
      await pipe.transform(value, { type, metatype, data: undefined });
      return true;
    } catch {
      return false;
    }
  };

  it('takes a version an integer column holds, also from a query string', async () => {
    expect(await accepts(VersionedDto, { version: 1 })).toBe(true);
    expect(await accepts(VersionedDto, { version: String(PG_INTEGER_MAX) }, 'query')).toBe(true);
    expect(await accepts(VersionedDto, { version: PG_INTEGER_MAX + 1 })).toBe(false);
    expect(await accepts(VersionedDto, { version: '1e20' }, 'query')).toBe(false);
    expect(await accepts(VersionedDto, { version: 0 })).toBe(false);
  });

  it('takes a real YYYY-MM-DD date only', async () => {
    expect(await accepts(DatedDto, { on: '2024-02-29' })).toBe(true);
    for (const on of ['2026-02-30', '2026-01-01T10:00:00Z', '2026-W01', '2026-001', '2026', '20260101'])
      expect({ on, accepted: await accepts(DatedDto, { on }) }).toEqual({ on, accepted: false });
  });
});
