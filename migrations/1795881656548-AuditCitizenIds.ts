import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One audit record per request instead of one per listed citizen: `citizen_id` becomes
 * `citizen_ids`, found by a GIN index. Existing records keep their citizen. The backfill rewrites
 * the table with ALTER … USING, since the append-only trigger refuses UPDATE.
 */
export class AuditCitizenIds1795881656548 implements MigrationInterface {
  name = 'AuditCitizenIds1795881656548';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_citizen"');
    await queryRunner.query('ALTER TABLE "audit_event" ADD "citizen_ids" uuid array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "citizen_ids" TYPE uuid array
         USING CASE WHEN "citizen_id" IS NULL THEN '{}'::uuid[] ELSE ARRAY["citizen_id"] END`,
    );
    await queryRunner.query('ALTER TABLE "audit_event" DROP COLUMN "citizen_id"');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_citizens" ON "audit_event" USING gin ("citizen_ids")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_citizens"');
    await queryRunner.query('ALTER TABLE "audit_event" ADD "citizen_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "audit_event" ALTER COLUMN "citizen_id" TYPE uuid USING "citizen_ids"[1]',
    );
    await queryRunner.query('ALTER TABLE "audit_event" DROP COLUMN "citizen_ids"');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_citizen" ON "audit_event" ("municipality_id", "citizen_id", "at")',
    );
  }
}
