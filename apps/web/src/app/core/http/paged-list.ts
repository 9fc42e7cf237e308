import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, linkedSignal, Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { Page, PAGE_SIZE_DEFAULT } from '@mentor/domain';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';

/** Query of a server-side paged, sorted list. */
export interface PageQuery {
  readonly limit: number;
  readonly offset: number;
  /** A whitelisted field, `-` prefixed for descending. */
  readonly sort: string;
}

/** Page sizes offered by every list. */
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 25, 50, 100];

type Result<T> = { ok: true; page: Page<T> } | { ok: false; error: unknown };

/** How a list's query changes: a new page or size, a new sort (an empty direction: the default). */
interface QueryActions {
  setPage(pageIndex: number, pageSize: number): void;
  setSort(sort: string): void;
}

const sortOf = (active: string, direction: 'asc' | 'desc' | '', defaultSort: string) =>
  direction === '' ? defaultSort : direction === 'desc' ? `-${active}` : active;

/**
 * View state of a server-paged list: the query as a signal, the latest page, loading and error
 * flags. A newer query cancels the request of an older one. Optional `filters` (search, flags)
 * reload the list from its first page when they change. Call in an injection context.
 */
export function pagedList<T, F = undefined>(
  load: (query: PageQuery, filters: F) => Observable<Page<T>>,
  defaultSort: string,
  filters?: Signal<F>,
) {
  // New filters start on the first page, in the same change, so only one request goes out.
  const query = linkedSignal<F | undefined, PageQuery>({
    source: () => filters?.(),
    computation: (_filters, previous) =>
      previous
        ? { ...previous.value, offset: 0 }
        : { limit: PAGE_SIZE_DEFAULT, offset: 0, sort: defaultSort },
  });
  return listState(load, query, defaultSort, filters, {
    setPage: (pageIndex, pageSize) =>
      query.update((q) => ({ ...q, limit: pageSize, offset: pageIndex * pageSize })),
    setSort: (sort) => query.update((q) => ({ ...q, sort, offset: 0 })),
  });
}

/** The list's page, sort and page size as query parameters (`?page=2&size=50&sort=-name`). */
export interface ListUrlParams {
  readonly page?: string;
  readonly size?: string;
  readonly sort?: string;
}

/**
 * The query a list's address asks for: page (1-based) and size as offered, a sort on one of
 * `sortFields` (`-` for descending); anything else falls back to the first page, the default size
 * and `defaultSort`.
 */
export function listQueryFromUrl(
  params: ListUrlParams,
  defaultSort: string,
  sortFields: readonly string[],
): PageQuery {
  const size = Number(params.size);
  const limit = PAGE_SIZE_OPTIONS.includes(size) ? size : PAGE_SIZE_DEFAULT;
  const page = Number(params.page);
  const index = Number.isInteger(page) && page >= 1 ? page - 1 : 0;
  const sort = params.sort && sortFields.includes(params.sort.replace(/^-/, '')) ? params.sort : defaultSort;
  return { limit, offset: index * limit, sort };
}

/** The query parameters of a list's state; defaults are left out (null), so the address stays short. */
export function listUrlParams(
  query: PageQuery,
  defaultSort: string,
): { page: string | null; size: string | null; sort: string | null } {
  const index = Math.floor(query.offset / query.limit);
  return {
    page: index > 0 ? String(index + 1) : null,
    size: query.limit !== PAGE_SIZE_DEFAULT ? String(query.limit) : null,
    sort: query.sort !== defaultSort ? query.sort : null,
  };
}

/**
 * A {@link pagedList} whose page, size and sort live in the address (`params`: the component's
 * router-bound inputs), so a reload, a shared link or Back shows the same page. Filters kept in the
 * address too should reset `page` when they change (see {@link setQueryParams}).
 * Call in an injection context.
 */
export function urlPagedList<T, F = undefined>(
  load: (query: PageQuery, filters: F) => Observable<Page<T>>,
  options: { defaultSort: string; sortFields: readonly string[] },
  params: {
    page: Signal<string | undefined>;
    size: Signal<string | undefined>;
    sort: Signal<string | undefined>;
  },
  filters?: Signal<F>,
) {
  const navigate = queryParamsNavigator();
  const query = computed(
    () =>
      listQueryFromUrl(
        { page: params.page(), size: params.size(), sort: params.sort() },
        options.defaultSort,
        options.sortFields,
      ),
    { equal: (a, b) => a.limit === b.limit && a.offset === b.offset && a.sort === b.sort },
  );
  const go = (next: PageQuery) => navigate(listUrlParams(next, options.defaultSort));
  return listState(load, query, options.defaultSort, filters, {
    setPage: (pageIndex, pageSize) => go({ ...query(), limit: pageSize, offset: pageIndex * pageSize }),
    setSort: (sort) => go({ ...query(), sort, offset: 0 }),
  });
}

/**
 * Merges query parameters into the current address (null removes one); a new history entry, so
 * Back returns to the list as it was. Call in an injection context.
 */
export function queryParamsNavigator(): (params: Record<string, string | null>) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (params) =>
    void router.navigate([], { relativeTo: route, queryParams: params, queryParamsHandling: 'merge' });
}

function listState<T, F>(
  load: (query: PageQuery, filters: F) => Observable<Page<T>>,
  query: Signal<PageQuery>,
  defaultSort: string,
  filters: Signal<F> | undefined,
  actions: QueryActions,
) {
  const attempt = signal(0);
  const page = signal<Page<T> | null>(null);
  const loading = signal(true);
  const error = signal<'forbidden' | 'failed' | null>(null);

  toObservable(computed(() => ({ query: query(), attempt: attempt(), filters: filters?.() as F })))
    .pipe(
      tap(() => {
        loading.set(true);
        error.set(null);
      }),
      switchMap(({ query, filters }) =>
        load(query, filters).pipe(
          map((result): Result<T> => ({ ok: true, page: result })),
          catchError((err: unknown) => of<Result<T>>({ ok: false, error: err })),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((result) => {
      loading.set(false);
      if (result.ok) {
        page.set(result.page);
      } else {
        const forbidden = result.error instanceof HttpErrorResponse && result.error.status === 403;
        error.set(forbidden ? 'forbidden' : 'failed');
      }
    });

  return {
    query,
    page: page.asReadonly(),
    items: computed(() => page()?.items ?? []),
    total: computed(() => page()?.total ?? 0),
    pageIndex: computed(() => Math.floor(query().offset / query().limit)),
    /** The sorted field without its `-`, for the sort headers. */
    sortActive: computed(() => query().sort.replace(/^-/, '')),
    sortDirection: computed<'asc' | 'desc'>(() => (query().sort.startsWith('-') ? 'desc' : 'asc')),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    /** Paginator change: a new page or page size. */
    setPage(pageIndex: number, pageSize: number): void {
      actions.setPage(pageIndex, pageSize);
    },
    /** Sort change from MatSort; an empty direction falls back to the default sort. */
    setSort(active: string, direction: 'asc' | 'desc' | ''): void {
      actions.setSort(sortOf(active, direction, defaultSort));
    },
    retry(): void {
      attempt.update((n) => n + 1);
    },
  };
}

export type PagedList<T, F = undefined> = ReturnType<typeof listState<T, F>>;
