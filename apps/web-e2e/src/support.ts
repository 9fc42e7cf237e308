import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'demo';

/** Signs in through the sign-in page and waits for the shell. */
export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('shell-user-name')).toBeVisible();
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation on the page that is still there a moment later. */
export async function expectAccessible(page: Page) {
  let serious = await seriousViolations(page);
  // axe reads colours as rendered: a control still fading between states (a button enabled again
  // just as the test got there) has neither state's colours. A real violation is there a moment later.
  if (serious.length > 0) {
    await page.waitForTimeout(500);
    serious = await seriousViolations(page);
  }
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects Content-Security-Policy violations and page errors while a test runs. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const pad = (n: number) => String(n).padStart(2, '0');
const random = (from: number, to: number) => from + Math.floor(Math.random() * (to - from + 1));

/**
 * A fictional CPR number, different each run: day 01–28, month 01–12, a 19xx year and a
 * serial starting 0–3 (which places the year in the 1900s).
 */
export function syntheticCpr(): string {
  return `${pad(random(1, 28))}${pad(random(1, 12))}${pad(random(50, 99))}-${random(0, 3)}${pad(random(0, 99))}${random(0, 9)}`;
}

/** A unique citizen name per run, so lists with other data still find exactly this one. */
export function citizenName(prefix: string): string {
  return `${prefix} Testborger ${Date.now().toString(36)}${random(100, 999)}`;
}

/** `YYYY-MM-DD` of today in Denmark plus `days`: the calendar the API counts days and weeks in. */
export function danishDate(days = 0): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the ISO week of a `YYYY-MM-DD` date. */
export function mondayOf(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the Danish UI shows it: `DD.MM.YYYY`. */
export function danishFormat(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** An API client signed in as a demo user. */
export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok()).toBeTruthy();
  return api;
}

export const COURSE_CASEWORKER = 'sagsbehandler.cji';
export const COURSE_MENTOR = 'mentor.cji1';
export const COURSE_MENTOR_NAME = 'Jonas Krogh Petersen';
export const COURSE_ORGANISATION = 'Center for Jobindsats';
export const COURSE_PURPOSE = 'Støtte til at komme i gang med et aktiveringstilbud.';

export interface CourseSetup {
  name: string;
  minutesPerWeek?: number;
  startsOn?: string;
  endsOn?: string;
  preferredMeetingPlace?: 'home' | 'out_of_home';
}

export interface CreatedCourse {
  citizenId: string;
  courseId: string;
  grantId: string;
  cpr: string;
}

/**
 * A new citizen with an active course for mentor.cji1 at Center for Jobindsats, made through the
 * API as the caseworker sagsbehandler.cji: by default 60 minutes a week from 10 days ago.
 */
export async function createCourse(baseURL: string, setup: CourseSetup): Promise<CreatedCourse> {
  const api = await apiAs(baseURL, COURSE_CASEWORKER);
  try {
    const cpr = syntheticCpr();
    const citizen = await api.post('/api/citizens', {
      data: { name: setup.name, cpr, preferredMeetingPlace: setup.preferredMeetingPlace ?? 'out_of_home' },
    });
    expect(citizen.status()).toBe(201);
    const citizenId = ((await citizen.json()) as { id: string }).id;
    const organisations = (await (await api.get('/api/organisations?limit=100')).json()) as {
      items: { id: string; name: string }[];
    };
    const organisation = organisations.items.find((o) => o.name === COURSE_ORGANISATION);
    expect(organisation).toBeDefined();
    const mentors = (await (await api.get(`/api/organisations/${organisation!.id}/mentors`)).json()) as {
      id: string;
      name: string;
    }[];
    const mentor = mentors.find((m) => m.name === COURSE_MENTOR_NAME);
    expect(mentor).toBeDefined();
    const grant = await api.post('/api/grants', {
      data: {
        citizenId,
        mentorType: 'holistic',
        purpose: COURSE_PURPOSE,
        tasks: 'Ugentlige møder og hjælp til praktiske opgaver.',
        goals: ['Møder stabilt op i tilbuddet'],
        minutesPerWeek: setup.minutesPerWeek ?? 60,
        startsOn: setup.startsOn ?? danishDate(-10),
        endsOn: setup.endsOn ?? danishDate(60),
        deliveringOrganisationId: organisation!.id,
        mentorId: mentor!.id,
      },
    });
    expect(grant.status()).toBe(201);
    const body = (await grant.json()) as { id: string; courseId: string };
    return { citizenId, courseId: body.courseId, grantId: body.id, cpr };
  } finally {
    await api.dispose();
  }
}

/**
 * Hands a course over to its mentor through the API, as caseworker and mentor do in the app: the
 * caseworker completes the pre-filled handover packet and sends it, the mentor acknowledges it.
 * Until then the mentor cannot log contacts on the course.
 */
export async function handOverCourse(
  baseURL: string,
  courseId: string,
  users: { caseworker?: string; mentor?: string } = {},
): Promise<void> {
  const path = `/api/courses/${courseId}/handover`;
  const caseworker = await apiAs(baseURL, users.caseworker ?? COURSE_CASEWORKER);
  const mentor = await apiAs(baseURL, users.mentor ?? COURSE_MENTOR);
  try {
    const read = await caseworker.get(path);
    expect(read.status()).toBe(200);
    const { current } = (await read.json()) as {
      current: { content: Record<string, unknown> & { goals: string[] }; version: number };
    };
    const saved = await caseworker.put(path, {
      data: {
        content: {
          ...current.content,
          background: 'Borgeren har været ledig i to år og ønsker at komme i praktik.',
          knownBarriers: 'Usikker økonomi og dårlig søvn.',
          goals: current.content.goals.length ? current.content.goals : ['Møde stabilt op til aftaler'],
          firstSteps: ['Første møde på biblioteket'],
        },
        version: current.version,
      },
    });
    expect(saved.status()).toBe(200);
    const sent = await caseworker.post(`${path}/send`, {
      data: { version: ((await saved.json()) as { current: { version: number } }).current.version },
    });
    expect(sent.status()).toBe(200);
    const acknowledged = await mentor.post(`${path}/acknowledge`, {
      data: { version: ((await sent.json()) as { current: { version: number } }).current.version },
    });
    expect(acknowledged.status()).toBe(200);
  } finally {
    await caseworker.dispose();
    await mentor.dispose();
  }
}
