import type { SessionUser } from '@mentor/domain';

/** The caller of a request, as resolved from its session. */
export interface AuthenticatedUser extends SessionUser {
  sessionId: string;
  /** The request's id, for the audit trail. */
  requestId?: string;
}
