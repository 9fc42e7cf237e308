import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ProblemException } from './problem';

export class NotFoundProblem extends ProblemException {
  constructor(what: string) {
    super({ status: 404, code: `${what}.not_found`, detail: `No such ${what}, or not one you may see.` });
  }
}

export class StaleVersionProblem extends ProblemException {
  constructor(what: string, currentVersion: number) {
    super({
      status: 409,
      code: `${what}.stale_version`,
      detail: `Someone else changed this ${what} after you loaded it (now version ${currentVersion}). Reload and apply your change again.`,
    });
  }
}

/**
 * Updates one row only if it still has the version the client read (TypeORM's @VersionColumn
 * does not check on save): 404 when the row is gone, 409 when someone changed it meanwhile.
 */
export async function updateWithVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  what: string,
  where: { id: string; municipalityId: string },
  version: number,
  changes: Partial<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND municipality_id = :municipalityId AND version = :version', { ...where, version })
    .execute();
  if (result.affected) return;
  const current = await manager
    .createQueryBuilder(target, 't')
    .select('t.version', 'version')
    .where('t.id = :id AND t.municipality_id = :municipalityId', where)
    .getRawOne<{ version: number }>();
  if (!current) throw new NotFoundProblem(what);
  throw new StaleVersionProblem(what, current.version);
}
