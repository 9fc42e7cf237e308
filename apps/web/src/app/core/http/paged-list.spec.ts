import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Page } from '@mentor/domain';
import { of } from 'rxjs';
import { pagedList, PageQuery } from './paged-list';

describe('pagedList', () => {
  it('goes back to the first page, in one request, when the filters change', async () => {
    const requests: { query: PageQuery; search: string }[] = [];
    const filters = signal({ search: '' });
    const list = runInInjectionContext(TestBed.inject(Injector), () =>
      pagedList<string, { search: string }>(
        (query, f) => {
          requests.push({ query, search: f.search });
          return of<Page<string>>({ items: ['a'], total: 100, limit: query.limit, offset: query.offset });
        },
        'name',
        filters,
      ),
    );
    const settle = () => TestBed.inject(ApplicationRef).whenStable();
    await settle();
    list.setSort('name', 'desc');
    list.setPage(3, 10);
    await settle();
    expect(list.pageIndex()).toBe(3);
    requests.length = 0;

    filters.set({ search: 'Ib' });
    await settle();
    expect(requests).toEqual([{ query: { limit: 10, offset: 0, sort: '-name' }, search: 'Ib' }]);
    expect(list.pageIndex()).toBe(0);
  });
});
