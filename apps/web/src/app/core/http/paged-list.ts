import { HttpErrorResponse } from '@angular/common/http';
import { computed, linkedSignal, Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
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
    query: query.asReadonly(),
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
      query.update((q) => ({ ...q, limit: pageSize, offset: pageIndex * pageSize }));
    },
    /** Sort change from MatSort; an empty direction falls back to the default sort. */
    setSort(active: string, direction: 'asc' | 'desc' | ''): void {
      const sort = direction === '' ? defaultSort : direction === 'desc' ? `-${active}` : active;
      query.update((q) => ({ ...q, sort, offset: 0 }));
    },
    retry(): void {
      attempt.update((n) => n + 1);
    },
  };
}

export type PagedList<T, F = undefined> = ReturnType<typeof pagedList<T, F>>;
