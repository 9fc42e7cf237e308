import { LoginAttempt } from '../auth/login-attempt.entity';
import { Session } from '../auth/session.entity';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/** Every entity of the schema; the one list the app, the CLI and the drift test share. */
export const ENTITIES = [Municipality, Organisation, User, Session, LoginAttempt];
