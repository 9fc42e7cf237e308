import { RECRUITMENT_COMPETENCIES, type RecruitmentCompetency } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { inList } from './check-sql';

/** A competency an organisation recruits mentors for (study figure 4.1). */
@Entity({ name: 'recruitment_requirement' })
@Unique('uq_recruitment_requirement', ['municipalityId', 'organisationId', 'competency'])
@Check('ck_recruitment_requirement_competency', inList('competency', RECRUITMENT_COMPETENCIES))
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_recruitment_requirement_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => Organisation, ['organisation_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_recruitment_requirement_organisation',
  onDelete: 'CASCADE',
})
export class RecruitmentRequirement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_recruitment_requirement' })
  id: string;

  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_recruitment_requirement',
  })
  municipalityId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 40 })
  competency: RecruitmentCompetency;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Whether a hired mentor met a competency requirement (study figure 4.2). */
@Entity({ name: 'recruitment_assessment' })
@Unique('uq_recruitment_assessment', ['municipalityId', 'mentorId', 'competency'])
@Check('ck_recruitment_assessment_competency', inList('competency', RECRUITMENT_COMPETENCIES))
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_recruitment_assessment_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_recruitment_assessment_mentor',
  onDelete: 'CASCADE',
})
export class RecruitmentAssessment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_recruitment_assessment' })
  id: string;

  @PrimaryColumn({
    name: 'municipality_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_recruitment_assessment',
  })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'varchar', length: 40 })
  competency: RecruitmentCompetency;

  @Column({ type: 'boolean' })
  met: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
