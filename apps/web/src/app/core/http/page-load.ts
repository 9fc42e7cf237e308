import { DestroyRef, inject, signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';

/**
 * The load state of a page's one resource: `loading`, `failed`, and `run()`, which (re)loads it.
 * A new run cancels one still going, so a slow earlier answer never overwrites a newer one; leaving
 * the page cancels it too. Create it in an injection context (a field initialiser).
 */
export function pageLoad() {
  const loading = signal(true);
  const failed = signal(false);
  let running: Subscription | undefined;
  inject(DestroyRef).onDestroy(() => running?.unsubscribe());
  return {
    loading: loading.asReadonly(),
    failed: failed.asReadonly(),
    run<T>(source: Observable<T>, loaded: (value: T) => void): void {
      running?.unsubscribe();
      loading.set(true);
      failed.set(false);
      running = source.subscribe({
        next: (value) => {
          loading.set(false);
          loaded(value);
        },
        error: () => {
          loading.set(false);
          failed.set(true);
        },
      });
    },
  };
}
