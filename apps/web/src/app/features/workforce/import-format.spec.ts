import { ImportKind, ImportRowError } from '@mentor/domain';
import { importErrorText, sortedImportErrors } from './import-format';

const TEXTS: Record<string, string> = {
  'validation.codes.isIn': 'Vælg en af de mulige værdier.',
  'validation.codes.import.invalid_date': 'Ikke en dato.',
  'workforce.importPage.allowedValues': '{{text}} Tilladt: {{values}}.',
};
const t = (key: string, params?: Record<string, string | number>) =>
  (TEXTS[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''));

const error = (changes: Partial<ImportRowError>): ImportRowError => ({
  kind: ImportKind.Profiles,
  row: 2,
  column: 'gender',
  code: 'isIn',
  message: '"kvinde" is not one of: female, male, other',
  ...changes,
});

describe('import errors', () => {
  it("says each error in Danish, with the column's choices for an unknown value, else the API's message", () => {
    expect(importErrorText(error({}), t)).toBe('Vælg en af de mulige værdier. Tilladt: female, male, other.');
    expect(importErrorText(error({ column: 'mentor_since', code: 'import.invalid_date' }), t)).toBe(
      'Ikke en dato.',
    );
    expect(importErrorText(error({ code: 'brand.new', message: 'something new' }), t)).toBe('something new');
  });

  it('orders errors by sheet, row and the column order of the format', () => {
    const sorted = sortedImportErrors([
      error({ kind: ImportKind.Training, row: 2, column: 'kind' }),
      error({ row: 3, column: 'birth_year' }),
      error({ row: 3, column: 'gender' }),
      error({ row: 3, column: null }),
      error({ row: 2, column: 'email' }),
    ]);
    expect(sorted.map((e) => `${e.kind}:${e.row}:${e.column}`)).toEqual([
      'profiles:2:email',
      'profiles:3:null',
      'profiles:3:gender',
      'profiles:3:birth_year',
      'training:2:kind',
    ]);
  });
});
