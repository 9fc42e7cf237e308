import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * municipality_id joins every tenant table's primary key, unique constraints and foreign keys among
 * tenant tables, so a distributed PostgreSQL (e.g. Citus) can shard every table by municipality and
 * no row can point at another municipality's row. Keys lead with id, so lookups by id alone keep
 * their index. Usernames stay unique across municipalities through the login_name reference table,
 * kept by a trigger the application role cannot bypass.
 */
export class TenantKeys1795902400000 implements MigrationInterface {
  name = 'TenantKeys1795902400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_citizen"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_created_by"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_stored_file"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_course"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_item"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_mentor"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_revoked_by"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_shared_by"');
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "fk_citizen_caseworker"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_corrects"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_course"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_created_by"');
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" DROP CONSTRAINT "fk_course_contact_stats_course"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_course"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_mentor"',
    );
    await queryRunner.query('ALTER TABLE "course_minutes" DROP CONSTRAINT "fk_course_minutes_course"');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_created_by"');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_grant"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_acknowledged_by"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_course"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_created_by"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor_period"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_sent_by"');
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_certified_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_mentor"',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_grant"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_caseworker"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_citizen"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_renews"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_organisation"');
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" DROP CONSTRAINT "fk_mentor_supervision_mentor"',
    );
    await queryRunner.query('ALTER TABLE "mentor_training" DROP CONSTRAINT "fk_mentor_training_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "fk_mentor_upskilling_mentor"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "fk_message_author"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "fk_message_course"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_course"',
    );
    await queryRunner.query('ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_file"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_message"',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_uploaded_by"',
    );
    await queryRunner.query('ALTER TABLE "message_read" DROP CONSTRAINT "fk_message_read_message"');
    await queryRunner.query('ALTER TABLE "message_read" DROP CONSTRAINT "fk_message_read_user"');
    await queryRunner.query('ALTER TABLE "message_thread" DROP CONSTRAINT "fk_message_thread_course"');
    await queryRunner.query(
      'ALTER TABLE "message_thread" DROP CONSTRAINT "fk_message_thread_sparring_set_by"',
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_course"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_report"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_user"');
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_decided_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_mentor"',
    );
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_course"');
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_created_by"');
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_report"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_reviewed_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_submitted_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "fk_recruitment_assessment_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "fk_recruitment_requirement_organisation"',
    );
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "fk_session_user"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "fk_stored_file_created_by"');
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_entered_by"');
    await queryRunner.query(
      'ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_organisation"',
    );
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_respondent"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "pk_app_user"');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "pk_app_user" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "audit_event" DROP CONSTRAINT "pk_audit_event"');
    await queryRunner.query(
      'ALTER TABLE "audit_event" ADD CONSTRAINT "pk_audit_event" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "pk_case_item"');
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "pk_case_item" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "pk_case_share"');
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "pk_case_share" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "pk_citizen"');
    await queryRunner.query(
      'ALTER TABLE "citizen" ADD CONSTRAINT "pk_citizen" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "pk_contact"');
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "pk_contact" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "course_mentor_period" DROP CONSTRAINT "pk_course_mentor_period"');
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "pk_course_mentor_period" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "pk_grant_minutes"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "pk_grant_minutes" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "pk_handover_packet"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "pk_handover_packet" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_certification" DROP CONSTRAINT "pk_mentor_certification"');
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "pk_mentor_certification" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "pk_mentor_course"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "pk_mentor_course" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "pk_mentor_grant"');
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "pk_mentor_grant" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "pk_mentor_profile"');
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "pk_mentor_profile" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_supervision" DROP CONSTRAINT "pk_mentor_supervision"');
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "pk_mentor_supervision" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_training" DROP CONSTRAINT "pk_mentor_training"');
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "pk_mentor_training" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "pk_mentor_upskilling"');
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "pk_mentor_upskilling" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "pk_message"');
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "pk_message" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "message_attachment" DROP CONSTRAINT "pk_message_attachment"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "pk_message_attachment" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "message_thread" DROP CONSTRAINT "pk_message_thread"');
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "pk_message_thread" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "pk_notification"');
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "pk_notification" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "pk_organisation"');
    await queryRunner.query(
      'ALTER TABLE "organisation" ADD CONSTRAINT "pk_organisation" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "profile_suggestion" DROP CONSTRAINT "pk_profile_suggestion"');
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "pk_profile_suggestion" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "pk_progress_report"');
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "pk_progress_report" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "pk_progress_report_version"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "pk_progress_report_version" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "pk_recruitment_assessment"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "pk_recruitment_assessment" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "pk_recruitment_requirement"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "pk_recruitment_requirement" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "pk_session"');
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "pk_session" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "pk_stored_file"');
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "pk_stored_file" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "pk_survey_response"');
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "pk_survey_response" PRIMARY KEY ("id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "uq_app_user_username"');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "uq_app_user_municipality_username" UNIQUE ("municipality_id", "username")',
    );
    await queryRunner.query(
      'CREATE TABLE "login_name" ("username" character varying(100) NOT NULL, "municipality_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "uq_login_name_username" PRIMARY KEY ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "login_name" ("username", "municipality_id", "user_id") SELECT "username", "municipality_id", "id" FROM "app_user"',
    );
    await queryRunner.query(
      "CREATE FUNCTION \"login_name_sync\"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$\nBEGIN\n  IF TG_OP IN ('UPDATE', 'DELETE') THEN\n    DELETE FROM login_name WHERE username = OLD.username AND user_id = OLD.id;\n  END IF;\n  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n    INSERT INTO login_name (username, municipality_id, user_id) VALUES (NEW.username, NEW.municipality_id, NEW.id);\n  END IF;\n  RETURN NULL;\nEND $$",
    );
    await queryRunner.query(
      'CREATE TRIGGER "trg_app_user_login_name" AFTER INSERT OR DELETE OR UPDATE OF "username" ON "app_user" FOR EACH ROW EXECUTE FUNCTION "login_name_sync"()',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "uq_mentor_course_grant"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "uq_mentor_course_grant" UNIQUE ("municipality_id", "grant_id")',
    );
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "uq_grant_minutes_grant_effective"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "uq_grant_minutes_grant_effective" UNIQUE ("municipality_id", "grant_id", "effective_from")',
    );
    await queryRunner.query('DROP INDEX "uq_session_token_hash"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_session_token_hash" ON "session" ("token_hash", "municipality_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_citizen" FOREIGN KEY ("citizen_id", "municipality_id") REFERENCES "citizen"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_stored_file" FOREIGN KEY ("stored_file_id", "municipality_id") REFERENCES "stored_file"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_item" FOREIGN KEY ("item_id", "municipality_id") REFERENCES "case_item"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_revoked_by" FOREIGN KEY ("revoked_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_shared_by" FOREIGN KEY ("shared_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "citizen" ADD CONSTRAINT "fk_citizen_caseworker" FOREIGN KEY ("caseworker_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_corrects" FOREIGN KEY ("corrects_contact_id", "municipality_id") REFERENCES "contact"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" ADD CONSTRAINT "fk_course_contact_stats_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_minutes" ADD CONSTRAINT "fk_course_minutes_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_grant" FOREIGN KEY ("grant_id", "municipality_id") REFERENCES "mentor_grant"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_acknowledged_by" FOREIGN KEY ("acknowledged_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor_period" FOREIGN KEY ("mentor_period_id", "municipality_id") REFERENCES "course_mentor_period"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_sent_by" FOREIGN KEY ("sent_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_certified_by" FOREIGN KEY ("certified_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_grant" FOREIGN KEY ("grant_id", "municipality_id") REFERENCES "mentor_grant"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_organisation" FOREIGN KEY ("organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_caseworker" FOREIGN KEY ("caseworker_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_citizen" FOREIGN KEY ("citizen_id", "municipality_id") REFERENCES "citizen"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_organisation" FOREIGN KEY ("delivering_organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_renews" FOREIGN KEY ("renews_grant_id", "municipality_id") REFERENCES "mentor_grant"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_organisation" FOREIGN KEY ("organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "fk_mentor_supervision_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "fk_mentor_training_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "fk_mentor_upskilling_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "fk_message_author" FOREIGN KEY ("author_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "fk_message_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_file" FOREIGN KEY ("stored_file_id", "municipality_id") REFERENCES "stored_file"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_message" FOREIGN KEY ("message_id", "municipality_id") REFERENCES "message"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_uploaded_by" FOREIGN KEY ("uploaded_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_read" ADD CONSTRAINT "fk_message_read_message" FOREIGN KEY ("message_id", "municipality_id") REFERENCES "message"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_read" ADD CONSTRAINT "fk_message_read_user" FOREIGN KEY ("user_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "fk_message_thread_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "fk_message_thread_sparring_set_by" FOREIGN KEY ("needs_sparring_set_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_report" FOREIGN KEY ("report_id", "municipality_id") REFERENCES "progress_report"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_decided_by" FOREIGN KEY ("decided_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_course" FOREIGN KEY ("course_id", "municipality_id") REFERENCES "mentor_course"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_report" FOREIGN KEY ("report_id", "municipality_id") REFERENCES "progress_report"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_reviewed_by" FOREIGN KEY ("reviewed_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_submitted_by" FOREIGN KEY ("submitted_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "fk_recruitment_assessment_mentor" FOREIGN KEY ("mentor_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "fk_recruitment_requirement_organisation" FOREIGN KEY ("organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "fk_session_user" FOREIGN KEY ("user_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "fk_stored_file_created_by" FOREIGN KEY ("created_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_entered_by" FOREIGN KEY ("entered_by", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_organisation" FOREIGN KEY ("organisation_id", "municipality_id") REFERENCES "organisation"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_respondent" FOREIGN KEY ("respondent_id", "municipality_id") REFERENCES "app_user"("id", "municipality_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_citizen"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_created_by"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_stored_file"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_course"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_item"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_mentor"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_revoked_by"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_shared_by"');
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "fk_citizen_caseworker"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_corrects"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_course"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_created_by"');
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" DROP CONSTRAINT "fk_course_contact_stats_course"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_course"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_mentor"',
    );
    await queryRunner.query('ALTER TABLE "course_minutes" DROP CONSTRAINT "fk_course_minutes_course"');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_created_by"');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_grant"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_acknowledged_by"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_course"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_created_by"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor_period"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_sent_by"');
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_certified_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_mentor"',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_grant"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_caseworker"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_citizen"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_renews"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_organisation"');
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" DROP CONSTRAINT "fk_mentor_supervision_mentor"',
    );
    await queryRunner.query('ALTER TABLE "mentor_training" DROP CONSTRAINT "fk_mentor_training_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "fk_mentor_upskilling_mentor"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "fk_message_author"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "fk_message_course"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_course"',
    );
    await queryRunner.query('ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_file"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_message"',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" DROP CONSTRAINT "fk_message_attachment_uploaded_by"',
    );
    await queryRunner.query('ALTER TABLE "message_read" DROP CONSTRAINT "fk_message_read_message"');
    await queryRunner.query('ALTER TABLE "message_read" DROP CONSTRAINT "fk_message_read_user"');
    await queryRunner.query('ALTER TABLE "message_thread" DROP CONSTRAINT "fk_message_thread_course"');
    await queryRunner.query(
      'ALTER TABLE "message_thread" DROP CONSTRAINT "fk_message_thread_sparring_set_by"',
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_course"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_report"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_user"');
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_decided_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_mentor"',
    );
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_course"');
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_created_by"');
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_report"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_reviewed_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_submitted_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "fk_recruitment_assessment_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "fk_recruitment_requirement_organisation"',
    );
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "fk_session_user"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "fk_stored_file_created_by"');
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_entered_by"');
    await queryRunner.query(
      'ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_organisation"',
    );
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_respondent"');
    await queryRunner.query('DROP INDEX "uq_session_token_hash"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_session_token_hash" ON "session" ("token_hash")');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "uq_grant_minutes_grant_effective"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "uq_grant_minutes_grant_effective" UNIQUE ("grant_id", "effective_from")',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "uq_mentor_course_grant"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "uq_mentor_course_grant" UNIQUE ("grant_id")',
    );
    await queryRunner.query('DROP TRIGGER "trg_app_user_login_name" ON "app_user"');
    await queryRunner.query('DROP FUNCTION "login_name_sync"()');
    await queryRunner.query('DROP TABLE "login_name"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "uq_app_user_municipality_username"');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "uq_app_user_username" UNIQUE ("username")',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "pk_app_user"');
    await queryRunner.query('ALTER TABLE "app_user" ADD CONSTRAINT "pk_app_user" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "audit_event" DROP CONSTRAINT "pk_audit_event"');
    await queryRunner.query('ALTER TABLE "audit_event" ADD CONSTRAINT "pk_audit_event" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "pk_case_item"');
    await queryRunner.query('ALTER TABLE "case_item" ADD CONSTRAINT "pk_case_item" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "pk_case_share"');
    await queryRunner.query('ALTER TABLE "case_share" ADD CONSTRAINT "pk_case_share" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "pk_citizen"');
    await queryRunner.query('ALTER TABLE "citizen" ADD CONSTRAINT "pk_citizen" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "pk_contact"');
    await queryRunner.query('ALTER TABLE "contact" ADD CONSTRAINT "pk_contact" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "course_mentor_period" DROP CONSTRAINT "pk_course_mentor_period"');
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "pk_course_mentor_period" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "pk_grant_minutes"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "pk_grant_minutes" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "pk_handover_packet"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "pk_handover_packet" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_certification" DROP CONSTRAINT "pk_mentor_certification"');
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "pk_mentor_certification" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "pk_mentor_course"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "pk_mentor_course" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "pk_mentor_grant"');
    await queryRunner.query('ALTER TABLE "mentor_grant" ADD CONSTRAINT "pk_mentor_grant" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "pk_mentor_profile"');
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "pk_mentor_profile" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_supervision" DROP CONSTRAINT "pk_mentor_supervision"');
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "pk_mentor_supervision" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_training" DROP CONSTRAINT "pk_mentor_training"');
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "pk_mentor_training" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "pk_mentor_upskilling"');
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "pk_mentor_upskilling" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "pk_message"');
    await queryRunner.query('ALTER TABLE "message" ADD CONSTRAINT "pk_message" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "message_attachment" DROP CONSTRAINT "pk_message_attachment"');
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "pk_message_attachment" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "message_thread" DROP CONSTRAINT "pk_message_thread"');
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "pk_message_thread" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "pk_notification"');
    await queryRunner.query('ALTER TABLE "notification" ADD CONSTRAINT "pk_notification" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "pk_organisation"');
    await queryRunner.query('ALTER TABLE "organisation" ADD CONSTRAINT "pk_organisation" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "profile_suggestion" DROP CONSTRAINT "pk_profile_suggestion"');
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "pk_profile_suggestion" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "pk_progress_report"');
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "pk_progress_report" PRIMARY KEY ("id")',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "pk_progress_report_version"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "pk_progress_report_version" PRIMARY KEY ("id")',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "pk_recruitment_assessment"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "pk_recruitment_assessment" PRIMARY KEY ("id")',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "pk_recruitment_requirement"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "pk_recruitment_requirement" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "pk_session"');
    await queryRunner.query('ALTER TABLE "session" ADD CONSTRAINT "pk_session" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "pk_stored_file"');
    await queryRunner.query('ALTER TABLE "stored_file" ADD CONSTRAINT "pk_stored_file" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "pk_survey_response"');
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "pk_survey_response" PRIMARY KEY ("id")',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_stored_file" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_item" FOREIGN KEY ("item_id") REFERENCES "case_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_revoked_by" FOREIGN KEY ("revoked_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_shared_by" FOREIGN KEY ("shared_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "citizen" ADD CONSTRAINT "fk_citizen_caseworker" FOREIGN KEY ("caseworker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_corrects" FOREIGN KEY ("corrects_contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" ADD CONSTRAINT "fk_course_contact_stats_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_minutes" ADD CONSTRAINT "fk_course_minutes_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_grant" FOREIGN KEY ("grant_id") REFERENCES "mentor_grant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_acknowledged_by" FOREIGN KEY ("acknowledged_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor_period" FOREIGN KEY ("mentor_period_id") REFERENCES "course_mentor_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_sent_by" FOREIGN KEY ("sent_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_certified_by" FOREIGN KEY ("certified_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_grant" FOREIGN KEY ("grant_id") REFERENCES "mentor_grant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_caseworker" FOREIGN KEY ("caseworker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_organisation" FOREIGN KEY ("delivering_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_renews" FOREIGN KEY ("renews_grant_id") REFERENCES "mentor_grant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "fk_mentor_supervision_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "fk_mentor_training_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "fk_mentor_upskilling_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "fk_message_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message" ADD CONSTRAINT "fk_message_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_file" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_message" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_attachment" ADD CONSTRAINT "fk_message_attachment_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_read" ADD CONSTRAINT "fk_message_read_message" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_read" ADD CONSTRAINT "fk_message_read_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "fk_message_thread_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_thread" ADD CONSTRAINT "fk_message_thread_sparring_set_by" FOREIGN KEY ("needs_sparring_set_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_report" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_decided_by" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_report" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "fk_recruitment_assessment_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "fk_recruitment_requirement_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "fk_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "fk_stored_file_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_entered_by" FOREIGN KEY ("entered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_respondent" FOREIGN KEY ("respondent_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }
}
