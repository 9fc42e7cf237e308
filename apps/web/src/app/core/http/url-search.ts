import { computed, inject, linkedSignal, Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { debounceTime, Subject } from 'rxjs';

/** How long typing must pause before a search goes out. */
export const SEARCH_DELAY_MS = 300;

/**
 * A search box kept in the page's `search` query parameter, so a reload, a shared link or Back
 * shows the same results. `param` is that query parameter (a component input bound by the
 * router). `text` is what the box shows, `term` the trimmed search in force; `set` is called on
 * every keystroke and updates the address once typing pauses, replacing the history entry; `reset`
 * names parameters to change with it (`{ page: null }`: a new search starts on the first page).
 * Call in an injection context.
 */
export function urlSearch(
  param: Signal<string | undefined>,
  delayMs = SEARCH_DELAY_MS,
  reset: Readonly<Record<string, null>> = {},
) {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const term = computed(() => (param() ?? '').trim());
  // Follows the address (Back, a link), but keeps what is typed when only spaces differ.
  const text = linkedSignal<string, string>({
    source: () => param() ?? '',
    computation: (source, previous) =>
      previous && previous.value.trim() === source.trim() ? previous.value : source,
  });
  const typed = new Subject<string>();
  typed.pipe(debounceTime(delayMs), takeUntilDestroyed()).subscribe((value) => {
    const search = value.trim();
    // A link clicked right after typing: writing the search now would cancel that navigation.
    if (search === term() || leaving(router)) return;
    void router.navigate([], {
      relativeTo: route,
      queryParams: { ...reset, search: search || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  });
  return {
    text: text.asReadonly(),
    term,
    set(value: string): void {
      text.set(value);
      typed.next(value);
    },
  };
}

export type UrlSearch = ReturnType<typeof urlSearch>;

/** Whether a navigation to another page (not just other query parameters) is under way. */
function leaving(router: Router): boolean {
  const navigation = router.currentNavigation();
  const path = (url: string) => url.split(/[?#]/)[0];
  return !!navigation && path(router.serializeUrl(navigation.extractedUrl)) !== path(router.url);
}
