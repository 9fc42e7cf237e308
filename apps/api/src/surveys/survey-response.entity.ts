import {
  MENTOR_TYPES,
  type MentorType,
  SURVEY_KINDS,
  type SurveyAnswers,
  type SurveyKind,
} from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { inList } from '../workforce/check-sql';

/**
 * One answered questionnaire (issue 7): a citizen interview, a mentor's or a recruiter's answers,
 * dated and tied to the organisation it concerns. Answers are the questionnaire's keys (libs/domain
 * surveys.ts), checked before they are stored; no names or free text, so the list is no personal data.
 */
@Entity({ name: 'survey_response' })
@Index('ix_survey_response_period', ['municipalityId', 'kind', 'answeredOn'])
@Index('ix_survey_response_organisation', ['municipalityId', 'organisationId', 'kind', 'answeredOn'])
@Check('ck_survey_response_kind', inList('kind', SURVEY_KINDS))
@Check('ck_survey_response_mentor_type', inList('mentor_type', MENTOR_TYPES))
@Check('ck_survey_response_answers', `jsonb_typeof("answers") = 'object'`)
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_survey_response_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Organisation, ['organisation_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_survey_response_organisation',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['entered_by', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_survey_response_entered_by',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['respondent_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_survey_response_respondent',
  onDelete: 'RESTRICT',
})
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_survey_response' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_survey_response' })
  municipalityId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: SurveyKind;

  @Column({ name: 'answered_on', type: 'date' })
  answeredOn: string;

  @Column({ name: 'mentor_type', type: 'varchar', length: 20, nullable: true })
  mentorType: MentorType | null;

  @Column({ type: 'jsonb' })
  answers: SurveyAnswers;

  /** Who entered or imported it. */
  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy: string;

  /** The respondent when they answered themselves (a mentor, a recruiter); counts once per period. */
  @Column({ name: 'respondent_id', type: 'uuid', nullable: true })
  respondentId: string | null;

  @Column({ type: 'boolean', default: false })
  imported: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
