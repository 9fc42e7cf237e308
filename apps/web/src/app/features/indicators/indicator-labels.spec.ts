import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATOR_CATALOGUE } from '@mentor/domain';
import { figureTitleKey, indicatorLabelKey } from './indicator-view';

type Dictionary = { [key: string]: string | Dictionary };

const load = (lang: string): Dictionary =>
  JSON.parse(readFileSync(join(__dirname, '../../../../public/i18n', `${lang}.json`), 'utf8'));

function text(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('indicator labels', () => {
  const da = load('da');
  const en = load('en');

  it("labels every indicator of the catalogue in Danish with the study's own wording", () => {
    const wrong = INDICATOR_CATALOGUE.filter((d) => text(da, indicatorLabelKey(d.id)) !== d.question);
    expect(wrong.map((d) => d.id)).toEqual([]);
  });

  it('labels every indicator in English, in words of its own', () => {
    const missing = INDICATOR_CATALOGUE.filter((d) => {
      const english = text(en, indicatorLabelKey(d.id));
      return !english?.trim() || english === d.question;
    });
    expect(missing.map((d) => d.id)).toEqual([]);
  });

  it('labels no indicator that is not in the catalogue', () => {
    const ids = new Set(
      INDICATOR_CATALOGUE.map((d) => indicatorLabelKey(d.id).replace('indicators.items.', '')),
    );
    for (const dictionary of [da, en])
      expect(
        Object.keys((dictionary['indicators'] as Dictionary)['items']).filter((k) => !ids.has(k)),
      ).toEqual([]);
  });

  it('titles every figure in both languages', () => {
    const figures = [...new Set(INDICATOR_CATALOGUE.map((d) => d.figure))];
    const missing = figures.filter(
      (f) => !text(da, figureTitleKey(f))?.trim() || !text(en, figureTitleKey(f))?.trim(),
    );
    expect(missing).toEqual([]);
  });
});
