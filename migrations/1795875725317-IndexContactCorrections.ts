import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexContactCorrections1795875725317 implements MigrationInterface {
  name = 'IndexContactCorrections1795875725317';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_contact_corrects" ON "contact"  ("corrects_contact_id") WHERE "corrects_contact_id" IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_contact_corrects"');
  }
}
