import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, parseSort, type SortSpec } from '@mentor/domain';

/** `limit` and `offset` of every list endpoint; each endpoint adds its own whitelisted `sort`. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit: number = PAGE_SIZE_DEFAULT;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

/** The sort spec of a validated `sort` value, or the given default. */
export function sortOrDefault<F extends string>(
  value: string | undefined,
  fields: readonly F[],
  fallback: SortSpec<F>,
): SortSpec<F> {
  return (value && parseSort(value, fields)) || fallback;
}
