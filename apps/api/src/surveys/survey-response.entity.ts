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
  Index,
  JoinColumn,
  ManyToOne,
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
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_survey_response' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_survey_response_municipality' })
  municipality?: Municipality;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_survey_response_organisation' })
  organisation?: Organisation;

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

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entered_by', foreignKeyConstraintName: 'fk_survey_response_entered_by' })
  enterer?: User;

  /** The respondent when they answered themselves (a mentor, a recruiter); counts once per period. */
  @Column({ name: 'respondent_id', type: 'uuid', nullable: true })
  respondentId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'respondent_id', foreignKeyConstraintName: 'fk_survey_response_respondent' })
  respondent?: User;

  @Column({ type: 'boolean', default: false })
  imported: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
