import type { OidcErrorCode } from '@mentor/domain';
import { ProblemException } from '../../common/problem';

/** A refused sign-in: the browser goes back to the sign-in page with this code, never to an error page. */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    /** For the log: what happened, without personal data. */
    reason: string,
  ) {
    super(reason);
  }
}

/** A provider id that OIDC_PROVIDERS does not configure: no such sign-in, so no such page. */
export class UnknownOidcProviderException extends ProblemException {
  constructor() {
    super({ status: 404, code: 'auth.oidc_unknown_provider', detail: 'No such sign-in provider.' });
  }
}
