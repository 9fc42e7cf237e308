import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Subject, throwError } from 'rxjs';
import { FileImport, type ImportAnswer } from './file-import';

type Answer = ImportAnswer<string> & { rows: number };

const TEXTS: Record<string, string> = {
  'validation.codes.import.unreadable': 'Filen kan ikke læses.',
  'import.failed': 'Importen mislykkedes.',
};

function fileImport(): FileImport<'a' | 'b', string, Answer> {
  return TestBed.runInInjectionContext(
    () =>
      new FileImport<'a' | 'b', string, Answer>({
        refused: (errors) => ({ dryRun: false, committed: false, rows: 0, errors }),
        translate: (key) => TEXTS[key] ?? key,
        failedKey: 'import.failed',
        summary: () => 'said',
      }),
  );
}

const files = (...list: File[]) =>
  ({ length: list.length, item: (i: number) => list[i] ?? null }) as unknown as FileList;
const problem = (body: Record<string, unknown>) =>
  throwError(() => new HttpErrorResponse({ status: body['status'] as number, error: body }));

describe('FileImport', () => {
  it('lets only the file that just passed a dry run without errors be imported', () => {
    const flow = fileImport();
    const file = new File(['x'], 'a.csv');
    flow.chooseFile(files(file));
    const answer = new Subject<Answer>();
    flow.run('a', () => answer);
    expect(flow.busy()).toBe(true);
    // A second click while the first is under way sends nothing.
    let sent = 0;
    flow.run('a', () => {
      sent++;
      return answer;
    });
    expect(sent).toBe(0);
    answer.next({ dryRun: true, committed: false, rows: 2, errors: [] });
    expect(flow.busy()).toBe(false);
    expect(flow.cleanDryRun()?.kind).toBe('a');

    // The passed dry run was of that file only.
    flow.file.set(new File(['y'], 'b.csv'));
    expect(flow.cleanDryRun()).toBeNull();
    flow.file.set(file);
    expect(flow.cleanDryRun()).not.toBeNull();
    flow.chooseFile(files(new File(['y'], 'b.csv')));
    expect(flow.outcome()).toBeNull();
    expect(flow.cleanDryRun()).toBeNull();
  });

  it('keeps a dry run with errors from being imported', () => {
    const flow = fileImport();
    flow.chooseFile(files(new File(['x'], 'a.csv')));
    const answer = new Subject<Answer>();
    flow.run('b', () => answer);
    answer.next({ dryRun: true, committed: false, rows: 2, errors: ['row 2'] });
    expect(flow.outcome()?.result.errors).toEqual(['row 2']);
    expect(flow.cleanDryRun()).toBeNull();
  });

  it("shows a refused commit's rows, and says any other failure by its code, fields, detail or else in general", () => {
    const flow = fileImport();
    flow.chooseFile(files(new File(['x'], 'a.csv')));
    flow.run('a', () => problem({ status: 422, code: 'import.invalid', rows: ['row 3'] }));
    expect(flow.outcome()?.result).toEqual({ dryRun: false, committed: false, rows: 0, errors: ['row 3'] });
    expect(flow.problem()).toBeNull();

    const said = (body: Record<string, unknown>) => {
      flow.run('a', () => problem(body));
      expect(flow.outcome()).toBeNull();
      return flow.problem();
    };
    expect(said({ status: 400, code: 'import.unreadable' })).toBe('Filen kan ikke læses.');
    // A nested field counts for its first part too: its message is said once.
    const fieldError = { field: 'rows.0', messages: ['must be a number'] };
    expect(said({ status: 400, code: 'unknown.code', errors: [fieldError] })).toBe('must be a number');
    expect(said({ status: 413, detail: 'Too large.' })).toBe('Too large.');
    expect(said({ status: 500 })).toBe('Importen mislykkedes.');
    expect(flow.busy()).toBe(false);
  });
});
