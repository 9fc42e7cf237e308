import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { CprCipher } from '../citizens/cpr-cipher';
import { todayInDenmark } from '../common/clock';
import { FileStore } from '../files/file-store.service';
import type { StoredFile } from '../files/stored-file.entity';
import { Municipality } from '../organisations/municipality.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { type DemoActor, seedDemoCaseAccess } from './demo-case-access';
import { DEMO_MUNICIPALITY, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-data';
import { seedDemoHandovers } from './demo-handover';
import { seedDemoMentoring } from './demo-mentoring';
import { seedDemoReports } from './demo-reports';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoWorkforce } from './demo-workforce';

/** Seeds the demo municipality. Idempotent: what exists (by code, name, username) is left alone. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CprCipher) private readonly cipher: CprCipher,
    private readonly files: FileStore,
  ) {}

  async seed(): Promise<{ created: number }> {
    // Demo documents are stored like uploads; if the transaction fails, their bytes go too.
    const stored: StoredFile[] = [];
    try {
      return await this.seedRows(stored);
    } catch (error) {
      for (const file of stored) await this.files.discard(file);
      throw error;
    }
  }

  private seedRows(stored: StoredFile[]): Promise<{ created: number }> {
    return this.db.transaction(async (tx) => {
      let created = 0;
      let municipality = await tx.findOneBy(Municipality, { code: DEMO_MUNICIPALITY.code });
      if (!municipality) {
        municipality = await tx.save(tx.create(Municipality, DEMO_MUNICIPALITY));
        created++;
      }
      const existing = new Set((await tx.find(User, { select: { username: true } })).map((u) => u.username));
      for (const demoOrg of DEMO_ORGANISATIONS) {
        let organisation = await tx.findOneBy(Organisation, {
          municipalityId: municipality.id,
          name: demoOrg.name,
        });
        if (!organisation) {
          organisation = await tx.save(
            tx.create(Organisation, {
              municipalityId: municipality.id,
              name: demoOrg.name,
              kind: demoOrg.kind,
            }),
          );
          created++;
        }
        for (const demoUser of demoOrg.users.filter((u) => !existing.has(u.username))) {
          await tx.save(
            tx.create(User, {
              ...demoUser,
              municipalityId: municipality.id,
              organisationId: organisation.id,
              passwordHash: await argon2.hash(DEMO_PASSWORD),
            }),
          );
          created++;
        }
      }
      created += await seedDemoMentoring(tx, municipality.id, this.cipher, todayInDenmark());
      created += await seedDemoHandovers(tx, municipality.id, this.cipher, todayInDenmark());
      created += await seedDemoReports(tx, municipality.id, todayInDenmark());
      created += await seedDemoWorkforce(tx, municipality.id, todayInDenmark());
      created += await seedDemoSurveys(tx, municipality.id, todayInDenmark());
      const municipalityId = municipality.id;
      const store = async (owner: DemoActor, fileName: string, content: Buffer) => {
        const caller = { ...owner, municipalityId, sessionId: 'demo-seed' };
        const file = await this.files.save(caller, { buffer: content, fileName, fields: {} }, tx);
        stored.push(file);
        return file;
      };
      created += await seedDemoCaseAccess(tx, municipalityId, store, todayInDenmark());
      if (created > 0) this.logger.log(`Demo data: created ${created} rows.`);
      return { created };
    });
  }
}
