import { HttpParams } from '@angular/common/http';
import { PageQuery } from './paged-list';

/** `limit`, `offset` and `sort` as query parameters of a list endpoint. */
export function listParams(query: PageQuery): HttpParams {
  return new HttpParams()
    .set('limit', String(query.limit))
    .set('offset', String(query.offset))
    .set('sort', query.sort);
}
