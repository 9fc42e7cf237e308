import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** The tenant: one Danish municipality. Every tenant-owned row points here. */
@Entity({ name: 'municipality' })
@Unique('uq_municipality_code', ['code'])
export class Municipality {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_municipality' })
  id: string;

  /** The official three-digit municipality code (kommunekode), e.g. 101 for København. */
  @Column({ type: 'smallint' })
  code: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
