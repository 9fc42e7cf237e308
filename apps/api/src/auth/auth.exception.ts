import { ProblemException } from '../common/problem';

/** Wrong username or wrong password: one answer for both, so usernames cannot be probed. */
export class InvalidCredentialsException extends ProblemException {
  constructor() {
    super({ status: 401, code: 'auth.invalid_credentials', detail: 'Wrong username or password.' });
  }
}

export class UnauthenticatedException extends ProblemException {
  constructor() {
    super({
      status: 401,
      code: 'auth.unauthenticated',
      detail: 'Sign in to continue; the session is missing or has expired.',
    });
  }
}

export class ForbiddenByRoleException extends ProblemException {
  constructor() {
    super({ status: 403, code: 'auth.forbidden', detail: 'Your role does not allow this.' });
  }
}

export class UndeclaredAccessException extends ProblemException {
  constructor() {
    super({
      status: 403,
      code: 'auth.undeclared_route',
      detail: 'This route declares no access and is denied.',
    });
  }
}

export class TooManyAttemptsException extends ProblemException {
  constructor(retryAfterSeconds: number) {
    super({
      status: 429,
      code: 'auth.too_many_attempts',
      detail: `Too many failed sign-ins for this username. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
