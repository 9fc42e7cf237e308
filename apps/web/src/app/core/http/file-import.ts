import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { fieldErrors, problemCode, problemOf, type Translate } from './problem';

/** What an import answers: a dry run or a commit, and every error by row and column. */
export interface ImportAnswer<E> {
  dryRun: boolean;
  committed: boolean;
  errors: E[];
}

/** What the last upload said, and of which file and kind. */
export interface ImportOutcome<K, R> {
  readonly file: File;
  readonly kind: K;
  readonly result: R;
}

export interface FileImportOptions<E, R> {
  /** What the page shows when the commit itself found errors (the file changed since its dry run). */
  refused: (rows: E[]) => R;
  /** Translates the problem's code and field errors. */
  translate: Translate;
  /** Said when a failure has no code, field errors or detail to say. */
  failedKey: string;
  /** What a screen reader hears once an answer is shown. */
  summary: () => string;
}

/**
 * The upload, dry run and import that the import pages share: the chosen file, busy, the last
 * outcome and the problem to show. Only a file that just passed a dry run without errors can be
 * imported (`cleanDryRun`), all or nothing. Made in a component's injection context.
 */
export class FileImport<K, E, R extends ImportAnswer<E>> {
  private readonly destroyRef = inject(DestroyRef);
  private readonly announcer = inject(LiveAnnouncer);

  readonly file = signal<File | null>(null);
  readonly busy = signal(false);
  readonly outcome = signal<ImportOutcome<K, R> | null>(null);
  readonly problem = signal<string | null>(null);

  constructor(private readonly options: FileImportOptions<E, R>) {}

  /** A new file: what was said of the previous one no longer holds. */
  chooseFile(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
    this.clear();
  }

  clear(): void {
    this.outcome.set(null);
    this.problem.set(null);
  }

  /** The last outcome, when it is a dry run of the chosen file without errors. */
  cleanDryRun(): ImportOutcome<K, R> | null {
    const outcome = this.outcome();
    return outcome?.result.dryRun && outcome.result.errors.length === 0 && outcome.file === this.file()
      ? outcome
      : null;
  }

  /** Sends the chosen file as `kind` (a dry run or the import, as `upload` says); every error by row and column. */
  run(kind: K, upload: (file: File) => Observable<R>): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    upload(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.show({ file, kind, result }),
        error: (error: unknown) => {
          const rows = (problemOf(error) as { rows?: E[] } | null)?.rows;
          if (problemCode(error) === 'import.invalid' && rows) {
            // The commit found errors: nothing was saved.
            this.show({ file, kind, result: this.options.refused(rows) });
            return;
          }
          this.busy.set(false);
          this.outcome.set(null);
          this.problem.set(this.problemText(error));
        },
      });
  }

  private show(outcome: ImportOutcome<K, R>): void {
    this.busy.set(false);
    this.outcome.set(outcome);
    void this.announcer.announce(this.options.summary());
  }

  /** The problem's code when there is a text for it, else its field errors, else its detail. */
  private problemText(error: unknown): string {
    const { translate, failedKey } = this.options;
    const code = problemCode(error);
    const key = code ? `validation.codes.${code}` : '';
    const coded = key ? translate(key) : key;
    if (coded && coded !== key) return coded;
    const fields = [...new Set(Object.values(fieldErrors(error, translate)).flat())];
    return fields.join(' ') || problemOf(error)?.detail || translate(failedKey);
  }
}
