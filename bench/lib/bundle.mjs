// The initial JavaScript of the production web build: what index.html loads before any lazy route.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './util.mjs';

const browserDir = join(root, 'dist/web/browser');

const attribute = (tag, name) => {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
};

/** Local files only (no absolute URLs), relative to the build's base href "/". */
const local = (href) =>
  href && !/^[a-z]+:|^\/\//i.test(href) ? href.replace(/^\.?\//, '').split(/[?#]/)[0] : null;

/** Files index.html loads initially: script src and modulepreload (JS), stylesheet links (CSS). */
export function initialFiles(html) {
  const js = new Set();
  const css = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const file = local(attribute(tag, 'src'));
    if (file) js.add(file);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const file = local(attribute(tag, 'href'));
    if (!file) continue;
    if (rel.includes('modulepreload')) js.add(file);
    else if (rel.includes('stylesheet')) css.add(file);
  }
  return { js: [...js], css: [...css] };
}

function measure(file) {
  const content = readFileSync(join(browserDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
}

const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);

/** Angular's "initial" budget from apps/web/project.json (production configuration), in bytes. */
export function initialBudget() {
  const project = JSON.parse(readFileSync(join(root, 'apps/web/project.json'), 'utf8'));
  const budgets = project.targets?.build?.configurations?.production?.budgets ?? [];
  const initial = budgets.find((b) => b.type === 'initial');
  if (!initial) return null;
  return { warningBytes: toBytes(initial.maximumWarning), errorBytes: toBytes(initial.maximumError) };
}

/** Angular budget sizes: "400kb", "1mb", "500b"; kB = 1000 bytes as in @angular/build. */
function toBytes(size) {
  if (size === undefined) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(String(size).trim());
  if (!match) return null;
  const factor = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 }[(match[2] ?? 'b').toLowerCase()];
  return Number(match[1]) * factor;
}

export function measureInitialBundle() {
  const indexFile = join(browserDir, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  const { js, css } = initialFiles(html);
  if (js.length === 0) throw new Error('dist/web/browser/index.html loads no script.');
  const jsFiles = js.map(measure);
  const cssFiles = css.map(measure);
  const budget = initialBudget();
  // Angular's "initial" budget counts raw bytes of all initial files, scripts and styles.
  const initialBytes = sum(jsFiles, 'bytes') + sum(cssFiles, 'bytes');
  let budgetStatus = 'no budget';
  if (budget) {
    budgetStatus = 'within budget';
    if (budget.warningBytes !== null && initialBytes > budget.warningBytes) budgetStatus = 'over WARNING';
    if (budget.errorBytes !== null && initialBytes > budget.errorBytes) budgetStatus = 'over ERROR';
  }
  return {
    builtAt: statSync(indexFile).mtime.toISOString(),
    js: { files: jsFiles, bytes: sum(jsFiles, 'bytes'), gzipBytes: sum(jsFiles, 'gzipBytes') },
    css: { files: cssFiles, bytes: sum(cssFiles, 'bytes'), gzipBytes: sum(cssFiles, 'gzipBytes') },
    initialBytes,
    budget,
    budgetStatus,
  };
}
