import { OrganisationKind } from './organisation';
import { Role } from './roles';

/** Body of `POST /api/auth/login`. */
export interface LoginRequest {
  username: string;
  password: string;
}

/** The signed-in user as the API describes it. */
export interface SessionUser {
  id: string;
  role: Role;
  organisationId: string;
  municipalityId: string;
  name: string;
}

/** Answer of `POST /api/auth/login`. */
export interface LoginResponse {
  accessToken: string;
  /** When the session ends at the latest (ISO 8601). */
  expiresAt: string;
  user: SessionUser;
}

/** Answer of `GET /api/me`. */
export interface MeResponse extends SessionUser {
  username: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  municipalityName: string;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface UserSummary {
  id: string;
  name: string;
  username: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  /** False once an administrator has disabled the user: no sign-in, no session. */
  active: boolean;
}

/** Body of `PUT /api/users/:id/active`: false disables the user and ends all their sessions at once. */
export interface SetUserActiveRequest {
  active: boolean;
}

/** Answer of `PUT /api/users/:id/active`. */
export interface UserActiveStatus {
  id: string;
  active: boolean;
  /** Sessions this change ended (0 when enabling). */
  endedSessions: number;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** One field's validation error inside a problem document. */
export interface FieldError {
  field: string;
  /** English, for people reading the API; clients show their own text for each code. */
  messages: string[];
  /**
   * Stable machine-readable reason of each message, in the same order: a class-validator
   * constraint name (`isNotEmpty`, `max`, `isIn`, ...) or a feature code (`contact.in_future`).
   * Missing on the few errors that have no code yet; then show the message.
   */
  codes?: string[];
}

/** RFC 9457 problem document; every API error has this shape. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `auth.invalid_credentials`. */
  code?: string;
  errors?: FieldError[];
  requestId?: string;
}

export const USER_SORT_FIELDS = ['name', 'username', 'role'] as const;
export const ORGANISATION_SORT_FIELDS = ['name', 'kind'] as const;
