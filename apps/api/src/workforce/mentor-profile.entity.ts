import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type Gender,
  GENDERS,
  MENTOR_TYPES,
  type MentorType,
  PROFESSIONAL_BACKGROUNDS,
  type ProfessionalBackground,
  UPSKILLING_TOPICS,
  type UpskillingTopic,
} from '@mentor/domain';
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
  VersionColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { allIn, inList } from './check-sql';

/**
 * A mentor's profile (study box 5.1 and section 5.1), one per mentor user; made when first saved,
 * so a mentor without one reads as an empty profile. The organisation is the mentor's, copied so
 * the employee number can be unique per employer.
 */
@Entity({ name: 'mentor_profile' })
@Unique('uq_mentor_profile_mentor', ['municipalityId', 'mentorId'])
@Unique('uq_mentor_profile_employee_number', ['municipalityId', 'organisationId', 'employeeNumber'])
@Unique('uq_mentor_profile_email', ['municipalityId', 'email'])
@Check('ck_mentor_profile_gender', inList('gender', GENDERS))
@Check('ck_mentor_profile_education', inList('education_level', EDUCATION_LEVELS))
@Check('ck_mentor_profile_background', inList('professional_background', PROFESSIONAL_BACKGROUNDS))
@Check('ck_mentor_profile_birth_year', `"birth_year" BETWEEN 1900 AND 2200`)
@Check('ck_mentor_profile_experience_years', `"target_group_experience_years" BETWEEN 0 AND 100`)
@Check('ck_mentor_profile_capacity', `"capacity_minutes_per_week" >= 0`)
@Check('ck_mentor_profile_mentor_types', allIn('mentor_types', MENTOR_TYPES))
@Check('ck_mentor_profile_wishes', allIn('upskilling_wishes', UPSKILLING_TOPICS))
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_mentor_profile_municipality',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => User, ['mentor_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_profile_mentor',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Organisation, ['organisation_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_mentor_profile_organisation',
  onDelete: 'RESTRICT',
})
export class MentorProfile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mentor_profile' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_mentor_profile' })
  municipalityId: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'employee_number', type: 'varchar', length: 40, nullable: true })
  employeeNumber: string | null;

  /** Lower-case. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  gender: Gender | null;

  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear: number | null;

  @Column({ name: 'education_level', type: 'varchar', length: 30, nullable: true })
  educationLevel: EducationLevel | null;

  @Column({ name: 'professional_background', type: 'varchar', length: 30, nullable: true })
  professionalBackground: ProfessionalBackground | null;

  @Column({ name: 'target_group_experience', type: 'boolean', nullable: true })
  targetGroupExperience: boolean | null;

  @Column({ name: 'target_group_experience_years', type: 'smallint', nullable: true })
  targetGroupExperienceYears: number | null;

  @Column({ name: 'mentor_since', type: 'date', nullable: true })
  mentorSince: string | null;

  @Column({ name: 'mentor_types', type: 'varchar', array: true, length: 20, default: () => "'{}'" })
  mentorTypes: MentorType[];

  @Column({ type: 'varchar', array: true, length: 60, default: () => "'{}'" })
  specialisations: string[];

  @Column({ name: 'capacity_minutes_per_week', type: 'integer', nullable: true })
  capacityMinutesPerWeek: number | null;

  @Column({ name: 'upskilling_wishes', type: 'varchar', array: true, length: 40, default: () => "'{}'" })
  upskillingWishes: UpskillingTopic[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
