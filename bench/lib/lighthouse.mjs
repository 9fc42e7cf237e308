// Lighthouse (desktop preset) in the system Chromium, through chrome-launcher.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { root } from './util.mjs';

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Why Lighthouse cannot run here, or null when it can. */
export function lighthouseUnavailable() {
  const path = chromiumPath();
  if (!existsSync(path)) {
    return `no Chromium at ${path} (install it, e.g. apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
  if (!existsSync(join(root, 'node_modules/chrome-launcher')))
    return 'node_modules/chrome-launcher is missing';
  if (!existsSync(join(root, 'node_modules/lighthouse'))) return 'node_modules/lighthouse is missing';
  return null;
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const score = (lhr, category) => {
  const value = lhr.categories[category]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};

/** Status codes of the page's requests to a path (from the network-requests audit). */
function statusesOf(lhr, path) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items.filter((item) => new URL(item.url).pathname === path).map((item) => item.statusCode);
}

/**
 * Audits each page `runs` times in one Chromium and reports the median scores. pages: [{ name, url,
 * cookie?, expectPath? }]. The median-performance run's HTML report goes to bench/results/.
 */
export async function runLighthouse(pages, { runs, resultsDir }) {
  const [{ default: lighthouse }, { default: desktopConfig }, chromeLauncher] = await Promise.all([
    import('lighthouse'),
    import('lighthouse/core/config/desktop-config.js'),
    import('chrome-launcher'),
  ]);
  const launching = chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
    handleSIGINT: false, // the benchmark's own handlers stop Chromium
  });
  // Registered before the launch completes, so a Ctrl-C during the launch still stops Chromium.
  const unregister = onCleanup(async () => (await launching.catch(() => null))?.kill());
  let chrome;
  try {
    chrome = await launching;
  } catch (error) {
    unregister();
    throw error;
  }
  try {
    const results = [];
    for (const page of pages) {
      try {
        results.push(await auditPage(lighthouse, desktopConfig, chrome.port, page, runs, resultsDir));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({
          name: page.name,
          url: page.url,
          performance: null,
          accessibility: null,
          error: message,
        });
      }
    }
    return { chromium: chromiumPath(), results };
  } finally {
    unregister();
    chrome.kill();
  }
}

function metricsOf(lhr) {
  const value = (id, digits = 0) => {
    const v = lhr.audits[id]?.numericValue;
    return typeof v === 'number' ? Math.round(v * 10 ** digits) / 10 ** digits : null;
  };
  return {
    firstContentfulPaintMs: value('first-contentful-paint'),
    largestContentfulPaintMs: value('largest-contentful-paint'),
    totalBlockingTimeMs: value('total-blocking-time'),
    cumulativeLayoutShift: value('cumulative-layout-shift', 3),
    speedIndexMs: value('speed-index'),
  };
}

/** The document must answer 200 before Lighthouse is worth running (clearer than its own error). */
async function checkDocument(page) {
  const response = await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${new URL(page.url).pathname} answered ${response.status}: ${body.slice(0, 300)}`);
  }
}

async function auditPage(lighthouse, desktopConfig, port, page, runs, resultsDir) {
  await checkDocument(page);
  const reports = [];
  for (let run = 0; run < runs; run++) {
    const flags = {
      port,
      logLevel: 'error',
      output: 'html',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: page.cookie ? { Cookie: page.cookie } : null,
    };
    // A run whose trace recording failed (NO_NAVSTART, seen on a fresh Chromium's first page) is run
    // once more; a page that fails twice is reported.
    let result = await lighthouse(page.url, flags, desktopConfig);
    if (result?.lhr.runtimeError) result = await lighthouse(page.url, flags, desktopConfig);
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}.`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw new Error(
        `Lighthouse failed on ${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
      );
    }
    reports.push({ lhr, html: result.report });
  }
  const performance = median(reports.map((r) => score(r.lhr, 'performance')));
  const accessibility = median(reports.map((r) => score(r.lhr, 'accessibility')));
  const byPerformance = [...reports].sort(
    (a, b) => (score(a.lhr, 'performance') ?? 0) - (score(b.lhr, 'performance') ?? 0),
  );
  const representative = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
  const finalUrl = representative.lhr.finalDisplayedUrl;
  const problems = [];
  if (page.expectPath && !page.expectPath(new URL(finalUrl).pathname)) {
    problems.push(`ended on ${finalUrl}, not on the expected page`);
  }
  const me = statusesOf(representative.lhr, '/api/me');
  if (page.cookie && !me.includes(200)) {
    problems.push(`GET /api/me answered ${me.join(', ') || 'nothing'} (the session cookie did not work)`);
  }
  mkdirSync(resultsDir, { recursive: true });
  const reportFile = join(resultsDir, `lighthouse-${page.name}.html`);
  writeFileSync(reportFile, representative.html);
  return {
    name: page.name,
    url: page.url,
    finalUrl,
    runs,
    performance,
    accessibility,
    performanceRuns: reports.map((r) => score(r.lhr, 'performance')),
    metrics: metricsOf(representative.lhr),
    report: reportFile,
    problems,
  };
}
