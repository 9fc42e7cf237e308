/** Where to go after sign-in when no safe return URL was given. */
export const HOME_URL = '/';

/**
 * The return URL when it is an internal path (a single leading `/`), otherwise home. Blocks
 * open redirects such as `//evil.example`, `/\evil.example`, `https://...` and `javascript:`.
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return HOME_URL;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return HOME_URL;
  // Control characters and backslashes have no place in our paths and are used to confuse parsers.
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return HOME_URL;
  }
  return value;
}
