import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse } from '@mentor/domain';
import * as argon2 from 'argon2';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { InvalidCredentialsException, TooManyAttemptsException } from './auth.exception';
import { LoginThrottleService } from './login-throttle.service';
import { SessionService } from './session.service';

/** Checked when the username is unknown, so both failures take about as long; made on first use, not at start. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= argon2.hash('not-a-password-of-anyone'));

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const key = LoginThrottleService.key(username);
    const state = await this.throttle.state(key);
    if (state.blockedForSeconds > 0) throw new TooManyAttemptsException(state.blockedForSeconds);
    if (state.delayMs > 0) await sleep(state.delayMs);

    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :key AND u.active', { key })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await dummy()), password).catch(() => false);
    if (!user || !valid) {
      const blockedFor = await this.throttle.recordFailure(key);
      if (blockedFor > 0) throw new TooManyAttemptsException(blockedFor);
      throw new InvalidCredentialsException();
    }

    await this.throttle.reset(key);
    const { token, expiresAt } = await this.sessions.create(user.id, user.municipalityId);
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      user: {
        id: user.id,
        role: user.role,
        organisationId: user.organisationId,
        municipalityId: user.municipalityId,
        name: user.name,
      },
    };
  }
}
