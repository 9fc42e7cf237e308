import type { MigrationInterface } from 'typeorm';
import { CreatePlatformSchema1795871601639 } from './1795871601639-CreatePlatformSchema';

/** Every migration in order; listed explicitly so the bundle and Jest find the same set. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [CreatePlatformSchema1795871601639];
