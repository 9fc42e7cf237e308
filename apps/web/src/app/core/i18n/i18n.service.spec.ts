import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18nService, LANGUAGE_STORAGE_KEY } from './i18n.service';

const da = { shell: { signOut: 'Log ud' }, home: { welcome: 'Velkommen, {{name}}' }, plain: 'Hej {{ who }}' };
const en = { shell: { signOut: 'Sign out' }, home: { welcome: 'Welcome, {{name}}' } };

describe('I18nService', () => {
  let service: I18nService;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(I18nService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function init(): Promise<void> {
    const done = service.init();
    http
      .expectOne(`/i18n/${localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? 'da'}.json`)
      .flush(localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? en : da);
    await done;
  }

  it('loads Danish by default and sets the document language', async () => {
    await init();
    expect(service.lang()).toBe('da');
    expect(service.t('shell.signOut')).toBe('Log ud');
    expect(document.documentElement.lang).toBe('da');
    expect(service.locale()).toBe('da');
  });

  it('interpolates parameters and returns the key when a text is missing', async () => {
    await init();
    expect(service.t('home.welcome', { name: 'Anna' })).toBe('Velkommen, Anna');
    expect(service.t('plain', { who: 'dig' })).toBe('Hej dig');
    expect(service.t('home.welcome')).toBe('Velkommen, {{name}}');
    expect(service.t('nope.missing')).toBe('nope.missing');
    expect(service.t('home')).toBe('home');
  });

  it('switches language, re-using loaded files, and remembers the choice', async () => {
    await init();
    const switching = service.use('en');
    http.expectOne('/i18n/en.json').flush(en);
    await switching;
    expect(service.t('shell.signOut')).toBe('Sign out');
    expect(service.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await service.use('da'); // already loaded: no request
    expect(service.t('shell.signOut')).toBe('Log ud');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('da');
  });

  it('starts in the remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await init();
    expect(service.lang()).toBe('en');
    expect(service.t('shell.signOut')).toBe('Sign out');
  });

  it('ignores an unknown remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    const done = service.init();
    http.expectOne('/i18n/da.json').flush(da);
    await done;
    expect(service.lang()).toBe('da');
  });

  it('falls back to Danish when the remembered language cannot be loaded', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const done = service.init();
    http.expectOne('/i18n/en.json').flush('gone', { status: 404, statusText: 'Not Found' });
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/i18n/da.json').flush(da);
    await done;
    expect(service.lang()).toBe('da');
  });
});
