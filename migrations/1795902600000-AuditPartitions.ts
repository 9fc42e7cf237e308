import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `"id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "user_id" uuid NOT NULL,
  "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" character varying(60) NOT NULL,
  "entity_type" character varying(40), "entity_id" uuid, "details" jsonb, "request_id" character varying(128),
  "citizen_ids" uuid array NOT NULL DEFAULT '{}', "actor_role" character varying(20) NOT NULL,
  "actor_organisation_id" uuid NOT NULL,
  CONSTRAINT "ck_audit_event_actor_role" CHECK ("actor_role" IN ('mentor', 'caseworker', 'team_leader', 'admin'))`;

const TENANT_POLICY = `((SELECT app_all_tenants()) OR "municipality_id" = (SELECT app_tenant()))`;

/**
 * The audit trail partitioned by calendar month (UTC), so records past their retention leave by
 * dropping a whole month, while single records can still never be changed or deleted.
 *
 * audit_partitions_maintain(keep_from, months_ahead, now) creates the months from now's to
 * months_ahead later and drops every month that ended before keep_from. It runs as the tables'
 * owner (SECURITY DEFINER) so the API's login, which may only read and add records, can call it
 * from the retention job. There is no default partition: a record for a month without a partition
 * fails its request instead of landing where retention would never find it, and the API creates
 * months ahead at start and daily.
 *
 * `@>` on uuid arrays (the access log's GIN index) is marked leakproof where the migrating role may
 * do so (a superuser): row-level security otherwise keeps PostgreSQL from using that index for the
 * API's login. It compares values only and raises no error that could reveal a hidden row.
 */
export class AuditPartitions1795902600000 implements MigrationInterface {
  name = 'AuditPartitions1795902600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_event" RENAME TO "audit_event_unpartitioned"');
    await queryRunner.query(
      'ALTER TABLE "audit_event_unpartitioned" RENAME CONSTRAINT "pk_audit_event" TO "pk_audit_event_unpartitioned"',
    );
    await queryRunner.query(
      'ALTER INDEX "ix_audit_event_citizens" RENAME TO "ix_audit_event_citizens_unpartitioned"',
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" (${COLUMNS}, CONSTRAINT "pk_audit_event" PRIMARY KEY ("id", "municipality_id", "at")) PARTITION BY RANGE ("at")`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_citizens" ON "audit_event" USING gin ("citizen_ids")',
    );
    await queryRunner.query(
      `CREATE FUNCTION "audit_partition_create"(month date) RETURNS boolean LANGUAGE plpgsql SET search_path = public AS $$
       DECLARE
         name text := 'audit_event_p' || to_char(month, 'YYYYMM');
       BEGIN
         IF to_regclass(name) IS NOT NULL THEN RETURN false; END IF;
         EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', name,
           month::timestamp AT TIME ZONE 'UTC', (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
         RETURN true;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "audit_partitions_maintain"(keep_from timestamptz, months_ahead integer, now_at timestamptz DEFAULT now())
       RETURNS TABLE (created integer, dropped integer) LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       DECLARE
         partition record;
         month_end timestamptz;
       BEGIN
         created := 0;
         dropped := 0;
         IF months_ahead < 0 OR months_ahead > 24 THEN RAISE EXCEPTION 'months_ahead must be 0 to 24'; END IF;
         -- Instances starting or running retention at once take turns (released at commit).
         PERFORM pg_advisory_xact_lock(7142018);
         FOR i IN 0..months_ahead LOOP
           IF audit_partition_create((date_trunc('month', now_at AT TIME ZONE 'UTC') + make_interval(months => i))::date) THEN
             created := created + 1;
           END IF;
         END LOOP;
         FOR partition IN
           SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'audit_event'::regclass AND c.relname ~ '^audit_event_p[0-9]{6}$'
            ORDER BY c.relname
         LOOP
           month_end := (to_date(substr(partition.relname, 14), 'YYYYMM') + interval '1 month')::timestamp AT TIME ZONE 'UTC';
           IF month_end <= keep_from THEN
             EXECUTE format('DROP TABLE %I', partition.relname);
             dropped := dropped + 1;
           END IF;
         END LOOP;
         RETURN NEXT;
       END $$`,
    );
    await queryRunner.query('REVOKE ALL ON FUNCTION "audit_partition_create"(date) FROM PUBLIC');
    await queryRunner.query(
      'REVOKE ALL ON FUNCTION "audit_partitions_maintain"(timestamptz, integer, timestamptz) FROM PUBLIC',
    );
    await queryRunner.query(
      'GRANT EXECUTE ON FUNCTION "audit_partitions_maintain"(timestamptz, integer, timestamptz) TO mentor_application',
    );
    await queryRunner.query(
      `SELECT audit_partition_create(m::date) FROM (SELECT DISTINCT date_trunc('month', "at" AT TIME ZONE 'UTC') AS m FROM "audit_event_unpartitioned") months`,
    );
    await queryRunner.query(`SELECT * FROM audit_partitions_maintain('-infinity', 2)`);
    await queryRunner.query('INSERT INTO "audit_event" SELECT * FROM "audit_event_unpartitioned"');
    await queryRunner.query('DROP TABLE "audit_event_unpartitioned"');
    await queryRunner.query(
      'CREATE TRIGGER "tr_audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()',
    );
    await queryRunner.query('GRANT SELECT, INSERT ON "audit_event" TO mentor_application');
    await queryRunner.query('ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE "audit_event" FORCE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY "tenant_isolation" ON "audit_event" USING ${TENANT_POLICY} WITH CHECK ${TENANT_POLICY}`,
    );
    await queryRunner.query(`DO $$ BEGIN
      IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
      END IF;
    END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_event" RENAME TO "audit_event_partitioned"');
    await queryRunner.query(
      'ALTER TABLE "audit_event_partitioned" RENAME CONSTRAINT "pk_audit_event" TO "pk_audit_event_partitioned"',
    );
    await queryRunner.query(
      'ALTER INDEX "ix_audit_event_citizens" RENAME TO "ix_audit_event_citizens_partitioned"',
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" (${COLUMNS}, CONSTRAINT "pk_audit_event" PRIMARY KEY ("id", "municipality_id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_citizens" ON "audit_event" USING gin ("citizen_ids")',
    );
    await queryRunner.query('INSERT INTO "audit_event" SELECT * FROM "audit_event_partitioned"');
    await queryRunner.query('DROP TABLE "audit_event_partitioned"');
    await queryRunner.query('DROP FUNCTION "audit_partitions_maintain"(timestamptz, integer, timestamptz)');
    await queryRunner.query('DROP FUNCTION "audit_partition_create"(date)');
    await queryRunner.query(
      'CREATE TRIGGER "tr_audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()',
    );
    await queryRunner.query('GRANT SELECT, INSERT ON "audit_event" TO mentor_application');
    await queryRunner.query('ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY');
    await queryRunner.query('ALTER TABLE "audit_event" FORCE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY "tenant_isolation" ON "audit_event" USING ${TENANT_POLICY} WITH CHECK ${TENANT_POLICY}`,
    );
  }
}
