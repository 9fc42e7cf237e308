import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INDICATOR_CATALOGUE, IndicatorGroup } from '@mentor/domain';

const root = join(__dirname, '..', '..');

interface YamlIndicator {
  id: string;
  figure: string;
  question: string;
  population: string;
  source: string;
  study: Record<string, number | boolean>;
}

const fromYaml = (
  parse(readFileSync(join(root, 'docs/study/indicators.yaml'), 'utf8')) as { indicators: YamlIndicator[] }
).indicators;

describe('the generated indicator catalogue', () => {
  it('holds every indicator of docs/study/indicators.yaml, in its order, with the same fields', () => {
    expect(INDICATOR_CATALOGUE.map(({ group: _group, ...rest }) => rest)).toEqual(
      fromYaml.map((e) => ({ ...e, figure: String(e.figure) })),
    );
  });

  it('groups by the id prefix, in the study order citizens → recruitment → mentors', () => {
    const groups = INDICATOR_CATALOGUE.map((d) => d.group);
    const prefixToGroup: Record<string, IndicatorGroup> = {
      citizen: IndicatorGroup.Citizens,
      recruiter: IndicatorGroup.Recruitment,
      mentor: IndicatorGroup.Mentors,
    };
    expect(groups).toEqual(INDICATOR_CATALOGUE.map((d) => prefixToGroup[d.id.split('.')[0]]));
    expect([...new Set(groups)]).toEqual([
      IndicatorGroup.Citizens,
      IndicatorGroup.Recruitment,
      IndicatorGroup.Mentors,
    ]);
    expect(new Set(INDICATOR_CATALOGUE.map((d) => d.id)).size).toBe(INDICATOR_CATALOGUE.length);
  });

  it('is byte for byte what the generator writes (formatting included)', () => {
    const run = spawnSync(process.execPath, [join(root, 'tools/study-catalogue.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
