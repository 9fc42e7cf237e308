import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Dictionary = { [key: string]: string | Dictionary };

function keys(dictionary: Dictionary, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const load = (lang: string): Dictionary =>
  JSON.parse(readFileSync(join(__dirname, '../../../../public/i18n', `${lang}.json`), 'utf8'));

describe('translation files', () => {
  it('have the same keys in Danish and English, none of them empty', () => {
    const da = load('da');
    const en = load('en');
    expect(keys(en).sort()).toEqual(keys(da).sort());
    const empty = (d: Dictionary) =>
      keys(d).filter(
        (k) =>
          !k
            .split('.')
            .reduce<any>((n, p) => n[p], d)
            .trim(),
      );
    expect(empty(da)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
