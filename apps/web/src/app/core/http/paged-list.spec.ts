import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  Injector,
  input,
  runInInjectionContext,
  signal,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Page } from '@mentor/domain';
import { of } from 'rxjs';
import { listQueryFromUrl, listUrlParams, pagedList, PageQuery, urlPagedList } from './paged-list';

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

describe('a list kept in the address', () => {
  it('reads page, size and sort from the address, falling back to the defaults for anything else', () => {
    const fields = ['name', 'alerts'];
    expect(listQueryFromUrl({}, 'name', fields)).toEqual({ limit: 25, offset: 0, sort: 'name' });
    expect(listQueryFromUrl({ page: '3', size: '50', sort: '-alerts' }, 'name', fields)).toEqual({
      limit: 50,
      offset: 100,
      sort: '-alerts',
    });
    expect(listQueryFromUrl({ page: '0', size: '7', sort: 'password' }, 'name', fields)).toEqual({
      limit: 25,
      offset: 0,
      sort: 'name',
    });
    expect(listQueryFromUrl({ page: 'x', sort: '-name' }, 'name', fields)).toEqual({
      limit: 25,
      offset: 0,
      sort: '-name',
    });
  });

  it('writes only what differs from the defaults', () => {
    expect(listUrlParams({ limit: 25, offset: 0, sort: 'name' }, 'name')).toEqual({
      page: null,
      size: null,
      sort: null,
    });
    expect(listUrlParams({ limit: 10, offset: 20, sort: '-alerts' }, 'name')).toEqual({
      page: '3',
      size: '10',
      sort: '-alerts',
    });
  });

  it('loads what the address says, puts sort and page changes into it, and follows Back', async () => {
    const requests: PageQuery[] = [];

    @Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
    class ListPage {
      readonly sort = input<string | undefined>(undefined);
      readonly page = input<string | undefined>(undefined);
      readonly size = input<string | undefined>(undefined);
      readonly list = urlPagedList<string>(
        (query) => {
          requests.push(query);
          return of<Page<string>>({ items: ['a'], total: 100, limit: query.limit, offset: query.offset });
        },
        { defaultSort: 'name', sortFields: ['name', 'alerts'] },
        { sort: this.sort, page: this.page, size: this.size },
      );
    }

    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'list', component: ListPage }], withComponentInputBinding())],
    });
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl('/list?page=2&size=10', ListPage);
    await harness.fixture.whenStable();
    expect(requests).toEqual([{ limit: 10, offset: 10, sort: 'name' }]);
    expect(page.list.pageIndex()).toBe(1);

    page.list.setSort('alerts', 'desc');
    await harness.fixture.whenStable();
    const router = TestBed.inject(Router);
    expect(router.url).toBe('/list?size=10&sort=-alerts');
    expect(requests.at(-1)).toEqual({ limit: 10, offset: 0, sort: '-alerts' });

    page.list.setPage(4, 10);
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?size=10&sort=-alerts&page=5');
    expect(requests.at(-1)).toEqual({ limit: 10, offset: 40, sort: '-alerts' });
    expect(requests).toHaveLength(3);

    await harness.navigateByUrl('/list?page=2&size=10');
    await harness.fixture.whenStable();
    expect(requests.at(-1)).toEqual({ limit: 10, offset: 10, sort: 'name' });
    expect(page.list.sortActive()).toBe('name');
  });
});
