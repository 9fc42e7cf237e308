/** Limits both sides agree on. */
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
/** Largest accepted request body, in bytes (1 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;
export const USERNAME_MAX_LENGTH = 100;
export const PASSWORD_MAX_LENGTH = 200;
