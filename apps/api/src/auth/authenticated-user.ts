import type { SessionUser } from '@mentor/domain';

/** The caller of a request, as resolved from its session. */
export interface AuthenticatedUser extends SessionUser {
  sessionId: string;
}
