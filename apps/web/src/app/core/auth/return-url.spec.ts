import { HOME_URL, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each(['/', '/users', '/organisations?sort=-name&offset=25', '/users#top'])(
    'keeps internal path %s',
    (url) => {
      expect(safeReturnUrl(url)).toBe(url);
    },
  );

  it.each([
    undefined,
    null,
    42,
    '',
    'users',
    '//evil.example/path',
    '/\\evil.example',
    '/users\\..\\x',
    'https://evil.example',
    'javascript:alert(1)',
    '/users\n/x',
  ])('sends %p home', (url) => {
    expect(safeReturnUrl(url)).toBe(HOME_URL);
  });
});
