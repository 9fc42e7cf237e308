import type { ArgumentMetadata } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { isIsoDate } from '@mentor/domain';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import fc from 'fast-check';
import { createValidationPipe, ObjectBodyPipe } from '../src/common/validation';

/**
 * Bad input for the property-based abuse tests: the write routes and their DTOs as Nest and
 * class-validator see them, generated bad values, and the judge of whether a generated body is
 * bad (the app's own validation pipe, plus the rules below that a DTO may miss).
 */

export type Dto = abstract new (...args: never[]) => object;
export type Path = (string | number)[];

/** A write route (POST, PUT, PATCH, DELETE) and what it reads from the request. */
export interface WriteRoute {
  key: string;
  method: string;
  path: string;
  body?: Dto;
  query?: Dto;
  /** Takes a file upload (`@AcceptUpload`) instead of JSON. */
  upload: boolean;
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** Every write route of the app with its body and query DTO, found the way route-access.ts finds routes. */
export function listWriteRoutes(app: INestApplication, globalPrefix = 'api'): WriteRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const routes: WriteRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!instance || !controller) continue;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
        string,
        { index: number }
      >;
      const types = (Reflect.getMetadata('design:paramtypes', instance, name) ?? []) as Dto[];
      const argOf = (type: RouteParamtypes) => {
        const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(type));
        return entry ? types[entry[1].index] : undefined;
      };
      const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
        Record<string, unknown> | undefined;
      for (const prefix of prefixes)
        for (const path of ([] as string[]).concat(paths)) {
          const full = joinPath(globalPrefix, prefix, path);
          routes.push({
            key: `${method} ${full}`,
            method,
            path: full,
            body: argOf(RouteParamtypes.BODY),
            query: argOf(RouteParamtypes.QUERY),
            upload: !!config?.['upload'],
          });
        }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

// ---------- The DTO's fields ----------

/** A field of a DTO at a path into a valid body, with its class-validator constraints by name. */
export interface FieldSpec {
  path: Path;
  /** `isInt`, `maxLength`, ...; a constraint on each item of an array ends in `[]`. */
  constraints: Map<string, unknown[]>;
  /** Not `@IsOptional()`: leaving it out is bad. */
  required: boolean;
}

const validationStorage = getMetadataStorage();
// class-transformer keeps the `@Type` of nested DTOs in a storage its public entry does not export.
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** The fields of a DTO and, through `@ValidateNested`, of its nested DTOs present in the valid body. */
export function fieldsOf(dto: Dto, value: unknown, prefix: Path = []): FieldSpec[] {
  const metadata = validationStorage.getTargetValidationMetadatas(dto as never, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadata) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const fields: FieldSpec[] = [];
  for (const [property, own] of byProperty) {
    const constraints = new Map<string, unknown[]>();
    for (const m of own) if (m.name) constraints.set(m.each ? `${m.name}[]` : m.name, m.constraints ?? []);
    const path = [...prefix, property];
    fields.push({ path, constraints, required: !own.some((m) => m.name === 'isOptional') });
    if (!own.some((m) => m.type === 'nestedValidation')) continue;
    const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Dto | undefined;
    const sub = (value as Record<string, unknown> | undefined)?.[property];
    if (!nested || sub === null || typeof sub !== 'object') continue;
    if (Array.isArray(sub)) {
      if (sub.length) fields.push(...fieldsOf(nested, sub[0], [...path, 0]));
    } else fields.push(...fieldsOf(nested, sub, path));
  }
  return fields;
}

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);
}

/** A copy of the body with the value at the path replaced (`undefined`: removed). */
export function withValue(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete parent[last];
  // An own property even for `__proto__`, so that it is sent as a key.
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ---------- Bad values ----------

export const INT32_MAX = 2_147_483_647;

const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '',
  'yesterday',
  'i dag',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '26-01-01',
  '01-02-2026',
  '2026/01/02',
  '0000-01-01',
  '2026',
  '2026-01',
  '2026-W01',
  '2026-W01-1',
  '2026-001',
  '20260101',
  '-2026-01-01',
  '+2026-01-01',
  '+275760-09-13',
  '2026-01-01T25:00:00Z',
  '2026-01-01T10:00:00Z',
  '2026-01-01 10:00',
  '２０２６-０１-０１',
  '2026\u20101\u201001',
];

const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  'g0000000-0000-4000-8000-000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  '00000000-0000-4000-8000-000000000000\u0000',
  ' 00000000-0000-4000-8000-000000000000',
  '１0000000-0000-4000-8000-000000000000',
];

/** Strings no field should trust: control characters, markup, injections, odd Unicode, huge ones. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m\u007f',
  '\ufeff',
  '\u202eexe.gpj',
  '\ud800',
  '\udfff\ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗',
  'null',
  'undefined',
  'true',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '١٢٣',
  "'; DROP TABLE citizen; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  'x'.repeat(10_001),
  'ø'.repeat(70_000),
  ...BAD_DATES,
  ...BAD_UUIDS,
];

const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1.5,
  -2_147_483_649,
  INT32_MAX + 1,
  2 ** 53,
  2 ** 53 + 2,
  1e20,
  1e308,
  -1e308,
  5e-324,
];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const NASTY_STRUCTURES: unknown[] = [
  null,
  true,
  false,
  {},
  [],
  [null],
  [[]],
  { a: 1 },
  { $gt: '' },
  { length: 1e9 },
  { toString: 'x', valueOf: 1 },
  Array.from({ length: 5000 }, (_, i) => i),
  deepArray(200),
];

/** A value that is bad somewhere: of the wrong type, out of range, malformed, or just hostile. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...NASTY_NUMBERS, ...NASTY_STRUCTURES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Values just outside what the field's constraints allow (one too long, one over the maximum...). */
export function boundaryValues(field: FieldSpec, current: unknown): unknown[] {
  const out: unknown[] = [];
  const c = field.constraints;
  const first = (name: string) => c.get(name)?.[0];
  const sample = Array.isArray(current) && current.length ? current[0] : 'x';
  const maxLength = first('maxLength') as number | undefined;
  if (maxLength !== undefined) out.push('x'.repeat(maxLength + 1), '😀'.repeat(maxLength + 1));
  const itemMaxLength = first('maxLength[]') as number | undefined;
  if (itemMaxLength !== undefined) out.push(['x'.repeat(itemMaxLength + 1)]);
  const minLength = first('minLength') as number | undefined;
  if (minLength) out.push('x'.repeat(minLength - 1));
  const max = first('max') as number | undefined;
  if (max !== undefined) out.push(max + 1, max + 0.5, String(max + 1));
  const min = first('min') as number | undefined;
  if (min !== undefined) out.push(min - 1, min - 0.5, String(min - 1));
  const arrayMax = first('arrayMaxSize') as number | undefined;
  if (arrayMax !== undefined) out.push(Array.from({ length: arrayMax + 1 }, () => sample));
  if (first('arrayMinSize')) out.push([]);
  if (c.has('arrayUnique') && Array.isArray(current) && current.length) out.push([sample, sample]);
  for (const name of ['isEnum', 'isIn', 'isEnum[]', 'isIn[]']) {
    const allowed = c.get(name)?.[0];
    if (!allowed) continue;
    const values = (Array.isArray(allowed) ? allowed : Object.values(allowed as object)).map(String);
    const variants = values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u0000`, `${v}x`, `${v}\u200b`]);
    out.push(...(name.endsWith('[]') ? variants.map((v) => [v]) : variants));
  }
  if (c.has('isInt') || c.has('isNumber')) out.push(1.5, '1', '', INT32_MAX + 1, -INT32_MAX - 2, 1e20);
  if (c.has('isIso8601')) out.push(...BAD_DATES);
  if (c.has('isUuid')) out.push(...BAD_UUIDS);
  if (c.has('isUuid[]')) out.push(...BAD_UUIDS.map((u) => [u]));
  if (c.has('isBoolean')) out.push('true', 'false', 1, 0, 'ja');
  if (c.has('isNotEmpty')) out.push('', '   ');
  if (c.has('isNotEmpty[]')) out.push([''], ['  ']);
  if (c.has('isString[]')) out.push([1], [null], [{}]);
  if (field.required) out.push(null);
  return out;
}

/** A bad value for the field: hostile in general, or just outside the field's own constraints. */
export function badValueFor(field: FieldSpec, current: unknown): fc.Arbitrary<unknown> {
  const targeted = boundaryValues(field, current);
  return targeted.length
    ? fc.oneof({ weight: 1, arbitrary: nastyValue }, { weight: 1, arbitrary: fc.constantFrom(...targeted) })
    : nastyValue;
}

/** Keys a client must not be able to slip into a body (prototype pollution, server-owned fields). */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'id',
  'municipalityId',
  'municipality_id',
  'createdBy',
  'role',
  'isAdmin',
  '',
  ' ',
  '\u0000',
  'a.b',
  '$where',
];

// ---------- Judging ----------

/** A real date as YYYY-MM-DD, in years PostgreSQL can store (there is no year 0). */
export function isCalendarDate(value: string): boolean {
  return isIsoDate(value) && !value.startsWith('0000');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function walk(value: unknown, visit: (text: string) => boolean): boolean {
  if (typeof value === 'string') return visit(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => visit(key) || walk(v, visit));
}

/**
 * Why a body is bad even where a DTO lets it through: PostgreSQL stores no NUL in text, text is
 * well-formed Unicode, and `__proto__` is never a field. Undefined when none applies.
 */
export function ruleBroken(body: unknown): string | undefined {
  if (walk(body, (text) => text.includes('\u0000'))) return 'a NUL character';
  if (walk(body, (text) => LONE_SURROGATE.test(text))) return 'half a surrogate pair';
  if (walk(body, (text) => text === '__proto__')) return 'a __proto__ key';
  return undefined;
}

/**
 * Why a field's value, as the DTO turned it (a number from a query's text, an empty text dropped),
 * is bad all the same: an integer column holds 32 bits, and a date field takes a real YYYY-MM-DD.
 */
export function fieldRuleBroken(field: FieldSpec, value: unknown): string | undefined {
  const c = field.constraints;
  const values = Array.isArray(value) && (c.has('isInt[]') || c.has('isIso8601[]')) ? value : [value];
  for (const v of values) {
    if ((c.has('isInt') || c.has('isInt[]')) && typeof v === 'number' && Math.abs(v) > INT32_MAX)
      return 'an integer beyond 32 bits';
    if ((c.has('isIso8601') || c.has('isIso8601[]')) && typeof v === 'string' && !isCalendarDate(v))
      return 'a date that is not YYYY-MM-DD';
  }
  return undefined;
}

const objectBodyPipe = new ObjectBodyPipe();
const validationPipe = createValidationPipe();

/** The value as the app's own pipes pass it on to the route as its body or query; undefined when refused. */
export async function throughPipes(dto: Dto, value: unknown, type: 'body' | 'query'): Promise<unknown> {
  const metadata: ArgumentMetadata = { type, metatype: dto as never, data: undefined };
  try {
    return (await validationPipe.transform(objectBodyPipe.transform(value, metadata), metadata)) as unknown;
  } catch {
    return undefined;
  }
}

/** True when the app's own pipes refuse the value as the route's body or query. */
export async function pipesRefuse(dto: Dto, value: unknown, type: 'body' | 'query'): Promise<boolean> {
  return (await throughPipes(dto, value, type)) === undefined;
}
