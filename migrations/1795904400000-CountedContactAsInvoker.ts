import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * counted_contact reads contact with its caller's row-level security, as course_overview_source
 * does. A view otherwise reads its tables as its owner, and an owner that is a superuser (the
 * embedded database's, the tests' and the benchmark's) bypasses row-level security: the API's login
 * read every municipality's contacts through it, whatever its `app.municipality_id`. The API's own
 * statements through it are narrowed by course, so none of them returned another municipality's
 * rows; the safety net under them was missing.
 */
export class CountedContactAsInvoker1795904400000 implements MigrationInterface {
  name = 'CountedContactAsInvoker1795904400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER VIEW counted_contact SET (security_invoker = true)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER VIEW counted_contact RESET (security_invoker)`);
  }
}
