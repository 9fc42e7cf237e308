import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import {
  apiAs,
  citizenName,
  COURSE_CASEWORKER as CASEWORKER,
  COURSE_ORGANISATION as ORGANISATION,
  createCourse,
  danishDate,
  danishFormat,
  expectAccessible,
  signIn,
} from './support';

// The API counts days in Danish time; the forms' "today" must be the same day.
test.use({ timezoneId: 'Europe/Copenhagen' });

const TEAM_LEADER = 'teamleder.cji';
/** The demo mentors other browser tests assign courses to, while the requirement may be on. */
const ASSIGNED_ELSEWHERE = ['Jonas Krogh Petersen', 'Fatima El-Amin'];

/** A name, username and e-mail of a new mentor, different each run. */
function newMentor(prefix: string) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 900 + 100)}`;
  return {
    name: `${prefix} Testmentor ${suffix}`,
    username: `e2e.${prefix.toLowerCase()}.${suffix}`,
    email: `${prefix.toLowerCase()}.${suffix}@example.invalid`,
    employeeNumber: `E2E-${suffix}`,
  };
}

async function organisationId(api: APIRequestContext, name: string): Promise<string> {
  const page = (await (await api.get('/api/organisations?limit=100')).json()) as {
    items: { id: string; name: string }[];
  };
  const organisation = page.items.find((o) => o.name === name);
  expect(organisation).toBeDefined();
  return organisation!.id;
}

async function chooseOption(page: Page, selectTestId: string, option: string | RegExp) {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).click();
}

interface Settings {
  requireCertificationForAssignment: boolean;
  version: number;
}

/** Sets the municipality's certification requirement through the API (the administrator). */
async function setRequirement(baseURL: string, on: boolean): Promise<void> {
  const admin = await apiAs(baseURL, 'admin');
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const settings = (await (await admin.get('/api/municipality/settings')).json()) as Settings;
      if (settings.requireCertificationForAssignment === on) return;
      const saved = await admin.patch('/api/municipality/settings', {
        data: { requireCertificationForAssignment: on, version: settings.version },
      });
      if (saved.ok()) return;
    }
    throw new Error('the setting could not be changed');
  } finally {
    await admin.dispose();
  }
}

/**
 * The demo mentors that other browser tests assign courses to get a valid certification, so that
 * turning the requirement on for a moment does not refuse their assignments.
 */
async function certifyMentorsAssignedElsewhere(baseURL: string): Promise<void> {
  const api = await apiAs(baseURL, TEAM_LEADER);
  try {
    const id = await organisationId(api, ORGANISATION);
    const mentors = (await (await api.get(`/api/organisations/${id}/mentors`)).json()) as {
      id: string;
      name: string;
      certification: { status: string };
    }[];
    for (const mentor of mentors.filter((m) => ASSIGNED_ELSEWHERE.includes(m.name))) {
      if (mentor.certification.status === 'certified' || mentor.certification.status === 'expiring') continue;
      const certified = await api.post(`/api/workforce/mentors/${mentor.id}/certifications`, {
        data: { certifiedOn: danishDate(-1), renewalDueOn: danishDate(730), basis: ['job_competencies'] },
      });
      // A parallel run may have certified them the same day.
      expect([201, 409]).toContain(certified.status());
    }
  } finally {
    await api.dispose();
  }
}

/** A desktop browser of its own, signed in as `username`. */
async function desktopAs(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test.describe('the mentor workforce', () => {
  test('a team leader registers a new mentor, records training and certification, and sees them on the load view', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const mentor = newMentor('Lone');
    await signIn(page, TEAM_LEADER);
    await page.getByTestId('nav-workforce').click();
    await expect(page).toHaveURL(/\/workforce$/);
    await expect(page.getByTestId('page-title')).toHaveText('Mentorer');
    await expect(page.getByTestId('workforce-row').first()).toBeVisible();
    await expectAccessible(page);

    // --- Register, with a birth year in the future first. ---
    await page.getByTestId('workforce-register').click();
    await expect(page).toHaveURL(/\/workforce\/mentors\/new$/);
    await page.getByTestId('profile-name').fill(mentor.name);
    await page.getByTestId('register-username').fill(mentor.username);
    await page.getByTestId('register-password').fill('hemmeligt-1');
    await page.getByTestId('profile-employeeNumber').fill(mentor.employeeNumber);
    await page.getByTestId('profile-email').fill(mentor.email);
    await page
      .getByTestId('profile-mentorTypes')
      .getByRole('option', { name: 'Helhedsorienteret mentor' })
      .click();
    await page.getByTestId('profile-capacityHoursPerWeek').fill('10');
    await chooseOption(page, 'profile-gender', 'Kvinde');
    const nextYear = String(Number(danishDate().slice(0, 4)) + 1);
    await page.getByTestId('profile-birthYear').fill(nextYear);
    await chooseOption(page, 'profile-educationLevel', 'Mellemlang videregående uddannelse');
    await chooseOption(page, 'profile-professionalBackground', 'Socialrådgiver');
    await page.getByTestId('profile-targetGroupExperience').getByRole('radio', { name: 'Ja' }).check();
    await page.getByTestId('profile-targetGroupExperienceYears').fill('4');
    await page.getByTestId('profile-mentorSince').fill(danishDate(-400));
    await page.getByTestId('profile-specialisations').fill('ADHD, angst');
    await page.getByTestId('register-submit').click();
    const birthYear = page.getByTestId('profile-birthYear').locator('xpath=ancestor::mat-form-field');
    await expect(birthYear.locator('mat-error')).toHaveText(/Skriv et fødselsår fra 1900 til \d{4}\./);
    await expectAccessible(page);
    await page.getByTestId('profile-birthYear').fill('1978');
    await page.getByTestId('register-submit').click();

    await expect(page).toHaveURL(/\/workforce\/mentors\/[0-9a-f-]{36}\?registered=1$/);
    await expect(page.getByTestId('page-title')).toHaveText(mentor.name);
    await expect(page.getByTestId('mentor-registered')).toBeVisible();
    await expect(page.getByTestId('certification-chip')).toHaveText('Ikke certificeret');
    await expect(page.getByTestId('profile-capacityHoursPerWeek')).toHaveValue('10');
    await expect(page.getByTestId('profile-birthYear')).toHaveValue('1978');

    // --- Onboarding training: a negative length is refused at the field. ---
    await page.getByTestId('training-add').click();
    await chooseOption(page, 'training-kind', 'Kommunens grunduddannelse');
    await page.getByTestId('training-provider').fill('Københavns Kommune');
    await page.getByTestId('training-lengthDays').fill('-2');
    await page.getByTestId('training-completedOn').fill(danishDate(-30));
    await page.getByTestId('training-feltWellEquipped').getByRole('radio', { name: 'Ja' }).check();
    await page.getByTestId('training-save').click();
    const length = page.getByTestId('training-lengthDays').locator('xpath=ancestor::mat-form-field');
    await expect(length.locator('mat-error')).toHaveText('Skriv et helt antal dage fra 0 til 365.');
    await expectAccessible(page);
    await page.getByTestId('training-lengthDays').fill('5');
    await page.getByTestId('training-save').click();
    await expect(page.getByTestId('training-message')).toHaveText('Posten er tilføjet.');
    const training = page.getByTestId('training-row');
    await expect(training).toHaveCount(1);
    await expect(training).toContainText('Kommunens grunduddannelse');
    await expect(training).toContainText(danishFormat(danishDate(-30)));

    // --- Certification: granted today, renewed in a year. ---
    await page.getByTestId('certification-add').click();
    await expect(page.getByTestId('certification-certifiedOn')).toHaveValue(danishDate());
    await page.getByTestId('certification-renewalDueOn').fill(danishDate(365));
    await page.getByTestId('certification-basis').getByRole('option', { name: 'Uddannelse' }).click();
    await page.getByTestId('certification-save').click();
    await expect(page.getByTestId('certification-message')).toHaveText('Posten er tilføjet.');
    await expect(page.getByTestId('certification-row')).toContainText('Uddannelse');
    await expect(page.getByTestId('mentor-status').getByTestId('certification-chip')).toHaveText(
      'Certificeret',
    );

    // --- Recruitment: how the hire measured up. ---
    const empathyMet = page
      .getByTestId('recruitment-empathy')
      .getByRole('radio', { name: 'Opfyldt', exact: true });
    await empathyMet.check();
    await page.getByTestId('recruitment-save').click();
    await expect(page.getByTestId('recruitment')).toContainText('Rekrutteringen er gemt.');
    await expect(empathyMet).toBeChecked();
    await expectAccessible(page);

    // --- The load view shows them. ---
    await page.getByTestId('mentor-back').click();
    // Type once the load view has rendered its list: before that, the form's first value write
    // can clear what was typed.
    await expect(page).toHaveURL(/\/workforce$/);
    await expect(page.getByTestId('workforce-row').first()).toBeVisible();
    await page.getByTestId('workforce-search').fill(mentor.name);
    await expect(page).toHaveURL(/\/workforce\?search=/);
    const row = page.getByTestId('workforce-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('workforce-mentor')).toHaveText(mentor.name);
    await expect(row.getByTestId('certification-chip')).toHaveText('Certificeret');
    await expect(row).toContainText(`1 (seneste ${danishFormat(danishDate(-30))})`);
    await expect(row.getByTestId('workforce-load')).toContainText('0 af 600 min/uge (0 %)');
    // Started more than 3 months ago with no supervision recorded.
    await expect(row.getByTestId('flag-no_supervision')).toBeVisible();
    await expectAccessible(page);

    // The filter is in the address: a reload shows the same.
    await page.getByTestId('workforce-certification').click();
    await page.getByRole('option', { name: 'Certificeret', exact: true }).click();
    await expect(page).toHaveURL(/certification=certified/);
    await page.reload();
    await expect(page.getByTestId('workforce-search')).toHaveValue(mentor.name);
    await expect(row).toHaveCount(1);
    await page.getByTestId('workforce-certification').click();
    await page.getByRole('option', { name: 'Ikke certificeret' }).click();
    await expect(page.getByText('Ingen mentorer matcher filtrene.')).toBeVisible();
  });

  test("a caseworker's mentor assignment shows each candidate's load and refuses an uncertified mentor where the municipality requires it", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const uncertified = newMentor('Ulla');
    const teamLeader = await apiAs(baseURL!, TEAM_LEADER);
    try {
      const registered = await teamLeader.post('/api/workforce/mentors', {
        data: {
          name: uncertified.name,
          username: uncertified.username,
          password: 'hemmeligt-1',
          email: uncertified.email,
          capacityMinutesPerWeek: 300,
          mentorTypes: ['holistic'],
        },
      });
      expect(registered.status()).toBe(201);
    } finally {
      await teamLeader.dispose();
    }
    await certifyMentorsAssignedElsewhere(baseURL!);
    const { courseId } = await createCourse(baseURL!, { name: citizenName('Tove') });

    // --- The administrator turns the requirement on. ---
    const admin = await desktopAs(browser, baseURL!, 'admin');
    try {
      await admin.getByTestId('nav-settings').click();
      const toggle = admin.getByTestId('settings-require-certification').getByRole('switch');
      await expect(toggle).toHaveAttribute('aria-checked', 'false');
      await toggle.click();
      await admin.getByTestId('settings-save').click();
      await expect(admin.getByTestId('settings-saved')).toHaveText('Indstillingerne er gemt.');
      await expect(toggle).toHaveAttribute('aria-checked', 'true');
      await expectAccessible(admin);

      // --- The caseworker sees each candidate's load and certification. ---
      await signIn(page, CASEWORKER);
      await page.goto(`/courses/${courseId}`);
      await page.getByTestId('course-mentor-select').click();
      const option = page.getByRole('option', { name: uncertified.name });
      await expect(option).toContainText('0 aktive forløb · 0 af 300 min/uge (0 %) · Ikke certificeret');
      await expect(page.getByRole('option', { name: 'Jonas Krogh Petersen' })).toContainText('aktive forløb');
      await expect(page.getByRole('option', { name: 'Jonas Krogh Petersen' })).toContainText('min/uge');
      await expectAccessible(page);
      await option.click();
      const candidate = page.getByTestId('mentor-candidate');
      await expect(candidate.getByTestId('certification-chip')).toHaveText('Ikke certificeret');
      await expect(candidate.getByTestId('mentor-candidate-not-assignable')).toBeVisible();

      // --- The API refuses, and the reason is said at the mentor field. ---
      await page.getByTestId('course-change-mentor').click();
      await expect(page.getByTestId('course-mentor-error')).toHaveText(
        'Mentoren kan ikke tildeles: kommunen kræver en gyldig certificering, og mentoren er ikke certificeret (eller certificeringen er udløbet).',
      );
      await expect(page.getByTestId('course-mentor')).toHaveText('Jonas Krogh Petersen');
      await expectAccessible(page);

      // The new grant page shows the same load beside the choice.
      await page.goto('/grants/new');
      await chooseOption(page, 'grant-organisation', ORGANISATION);
      await page.getByTestId('grant-mentor').click();
      await expect(page.getByRole('option', { name: uncertified.name })).toContainText('Ikke certificeret');
      await page.getByRole('option', { name: uncertified.name }).click();
      await expect(page.getByTestId('mentor-candidate-not-assignable')).toBeVisible();
      await expectAccessible(page);

      // --- And turns it off again. ---
      await admin.reload();
      await expect(toggle).toHaveAttribute('aria-checked', 'true');
      await toggle.click();
      await admin.getByTestId('settings-save').click();
      await expect(admin.getByTestId('settings-saved')).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-checked', 'false');
    } finally {
      await admin.context().close();
      // Whatever happened above, the other tests assign without the requirement.
      await setRequirement(baseURL!, false);
    }
  });

  test('an import dry run with errors shows them by row and column and changes nothing; a good file commits', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const bad = newMentor('Bodil');
    const good = newMentor('Gitte');
    const nextYear = Number(danishDate().slice(0, 4)) + 1;
    const header =
      'email;employee_number;username;name;gender;birth_year;capacity_hours_per_week;mentor_types';
    const badFile = [
      header,
      `${bad.email};${bad.employeeNumber};${bad.username};${bad.name};kvinde;1980;10;holistic`,
      `${bad.email.replace('@', '2@')};;${bad.username}2;${bad.name} 2;female;${nextYear};12;retention`,
      `${bad.email.replace('@', '3@')};;${bad.username}3;;female;1970;8;holistic`,
    ].join('\r\n');
    const goodFile = [
      header,
      `${good.email};${good.employeeNumber};${good.username};${good.name};female;1985;7,5;holistic,retention`,
    ].join('\r\n');

    await signIn(page, TEAM_LEADER);
    await page.goto('/workforce');
    await page.getByTestId('workforce-import').click();
    await expect(page).toHaveURL(/\/workforce\/import$/);
    await expectAccessible(page);

    // The column format is on the page.
    await page.getByTestId('import-format-link').click();
    await expect(page.getByTestId('import-format')).toHaveAttribute('open', '');
    await expect(page.getByTestId('import-format')).toContainText('capacity_hours_per_week');

    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'profiler.csv', mimeType: 'text/csv', buffer: Buffer.from(badFile, 'utf8') });
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-summary')).toHaveText(
      'Filen har 3 fejl. Intet er ændret – ret fejlene, og kontrollér filen igen.',
    );
    const errors = page.getByTestId('import-error-row');
    await expect(errors).toHaveCount(3);
    await expect(errors.nth(0)).toHaveText(
      /Profiler\s*2\s*gender\s*Vælg en af de mulige værdier\. Tilladt: female, male, other\./,
    );
    await expect(errors.nth(1)).toHaveText(
      /Profiler\s*3\s*birth_year\s*Fødselsåret må ikke ligge ude i fremtiden\./,
    );
    await expect(errors.nth(2)).toHaveText(/Profiler\s*4\s*name\s*Skal udfyldes\./);
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expectAccessible(page);

    // Nothing was saved.
    const api = await apiAs(baseURL!, TEAM_LEADER);
    try {
      const id = await organisationId(api, ORGANISATION);
      const found = async (search: string) =>
        (
          (await (await api.get(`/api/organisations/${id}/workforce`, { params: { search } })).json()) as {
            total: number;
          }
        ).total;
      expect(await found(bad.name)).toBe(0);

      // --- A good file: the dry run finds nothing wrong, then it is imported. ---
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'profiler.csv', mimeType: 'text/csv', buffer: Buffer.from(goodFile, 'utf8') });
      await page.getByTestId('import-check').click();
      await expect(page.getByTestId('import-summary')).toHaveText(
        'Ingen fejl. Importen vil oprette 1, ændre 0 og lade 0 være uændrede.',
      );
      await expect(page.getByTestId('import-error-row')).toHaveCount(0);
      expect(await found(good.name)).toBe(0);
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-summary')).toHaveText(
        'Importen er gemt: 1 nye, 0 ændrede og 0 uændrede.',
      );
      await expect(page.getByTestId('import-result')).toContainText('Importeret');
      await expectAccessible(page);
      expect(await found(good.name)).toBe(1);
    } finally {
      await api.dispose();
    }

    await page.goto(`/workforce?search=${encodeURIComponent(good.name)}`);
    const row = page.getByTestId('workforce-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('workforce-load')).toContainText('0 af 450 min/uge');
  });

  test('the load view exports to CSV and XLSX with its filter, and the administrator reads it for any organisation', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const mentor = newMentor('Eva');
    const teamLeader = await apiAs(baseURL!, TEAM_LEADER);
    try {
      const registered = await teamLeader.post('/api/workforce/mentors', {
        data: { name: mentor.name, username: mentor.username, password: 'hemmeligt-1', email: mentor.email },
      });
      expect(registered.status()).toBe(201);
    } finally {
      await teamLeader.dispose();
    }

    await signIn(page, TEAM_LEADER);
    await page.goto(`/workforce?search=${encodeURIComponent(mentor.name)}`);
    await expect(page.getByTestId('workforce-row')).toHaveCount(1);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('workforce-export-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^belastning-center-for-jobindsats-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toMatch(/^Navn;Medarbejdernummer;E-mail;/);
    // Only the row the view shows: the export has the view's search.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(mentor.name);
    expect(lines[1]).toContain('Ikke certificeret');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('workforce-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = readFileSync((await xlsx.path())!);
    // An XLSX workbook is a zip file.
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK');

    // --- The administrator: any organisation, read only. ---
    const admin = await desktopAs(browser, baseURL!, 'admin');
    try {
      await admin.getByTestId('nav-workforce').click();
      await expect(admin.getByTestId('workforce-register')).toHaveCount(0);
      await chooseOption(admin, 'workforce-organisation', ORGANISATION);
      await expect(admin).toHaveURL(/organisation=/);
      await admin.getByTestId('workforce-search').fill(mentor.name);
      const row = admin.getByTestId('workforce-row');
      await expect(row).toHaveCount(1);
      await expectAccessible(admin);
      await row.getByTestId('workforce-mentor').click();
      await expect(admin.getByTestId('page-title')).toHaveText(mentor.name);
      await expect(admin.getByTestId('profile-fact-email')).toHaveText(mentor.email);
      await expect(admin.getByTestId('profile-save')).toHaveCount(0);
      await expect(admin.getByTestId('training-add')).toHaveCount(0);
      await expectAccessible(admin);
    } finally {
      await admin.context().close();
    }
  });

  test('a mentor suggests a change to their own profile and the team leader accepts it', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const mentor = newMentor('Mads');
    const password = 'hemmeligt-1';
    const teamLeader = await apiAs(baseURL!, TEAM_LEADER);
    let mentorId: string;
    try {
      const registered = await teamLeader.post('/api/workforce/mentors', {
        data: { name: mentor.name, username: mentor.username, password, birthYear: 1980 },
      });
      expect(registered.status()).toBe(201);
      mentorId = ((await registered.json()) as { profile: { mentorId: string } }).profile.mentorId;
    } finally {
      await teamLeader.dispose();
    }

    await page.goto('/login');
    await page.getByTestId('login-username').fill(mentor.username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-my-profile').click();
    await expect(page).toHaveURL(/\/my-profile$/);
    await expect(page.getByTestId('profile-fact-birthYear')).toHaveText('1980');
    await expect(page.getByTestId('profile-name')).toHaveCount(0);
    await expect(page.getByTestId('profile-capacityHoursPerWeek')).toHaveCount(0);
    await expectAccessible(page);
    await page.getByTestId('profile-birthYear').fill('1981');
    await page.getByTestId('suggest-submit').click();
    await expect(page.getByTestId('suggest-notice')).toHaveText('Dit forslag er sendt til din teamleder.');
    await expect(page.getByTestId('my-suggestion-status')).toHaveText('Afventer');

    const leader = await desktopAs(browser, baseURL!, TEAM_LEADER);
    try {
      await leader.goto(`/workforce/mentors/${mentorId}`);
      const suggestion = leader.getByTestId('suggestion');
      await expect(suggestion.getByTestId('suggestion-change')).toHaveText('Fødselsår: 1980 → 1981');
      await expectAccessible(leader);
      await suggestion.getByTestId('suggestion-accept').click();
      await expect(leader.getByTestId('suggestion-message')).toHaveText(
        'Forslaget er godkendt, og profilen er opdateret.',
      );
      await expect(leader.getByTestId('profile-birthYear')).toHaveValue('1981');
    } finally {
      await leader.context().close();
    }

    await page.reload();
    await expect(page.getByTestId('my-suggestion-status')).toHaveText('Godkendt');
    await expect(page.getByTestId('profile-fact-birthYear')).toHaveText('1981');
  });
});
