import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  accessKindOfAction,
  type CitizenExport,
  type CitizenExportCitizen,
  CitizenExportFormat,
  type CitizenExportPerson,
  CITIZEN_EXPORT_FORMAT_VERSION,
  purposeOfAction,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CprCipher } from '../citizens/cpr-cipher';
import { todayInDenmark } from '../common/clock';
import { SqlParams } from '../common/sql-params';
import { NotFoundProblem } from '../common/versioned-update';
import { citizenExportPdf } from './citizen-export-pdf';
import { type ExportRow, exportSelect } from './citizen-export-sql';

export interface CitizenExportFile {
  /** Names no person: `indsigt-<date>.json` or `.pdf`. */
  filename: string;
  content: Buffer;
}

/**
 * The right-of-access export: everything held about one citizen in the municipality, read in one
 * audited statement (`citizen.export` with the format), for the citizen's caseworker or the
 * municipality's administrator; anyone else, and any other citizen, gets 404.
 */
@Injectable()
export class CitizenExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CprCipher) private readonly cipher: CprCipher,
    private readonly readAudit: ReadAuditWriter,
  ) {}

  async json(caller: AuthenticatedUser, citizenId: string): Promise<CitizenExportFile> {
    const data = await this.collect(caller, citizenId, CitizenExportFormat.Json);
    return {
      filename: fileName(CitizenExportFormat.Json),
      content: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'),
    };
  }

  async pdf(caller: AuthenticatedUser, citizenId: string): Promise<CitizenExportFile> {
    const data = await this.collect(caller, citizenId, CitizenExportFormat.Pdf);
    return { filename: fileName(CitizenExportFormat.Pdf), content: await citizenExportPdf(data) };
  }

  /** The export's content, and the record that it was made. */
  async collect(
    caller: AuthenticatedUser,
    citizenId: string,
    format: CitizenExportFormat,
  ): Promise<CitizenExport> {
    const p = new SqlParams();
    const select = exportSelect(p, caller, citizenId);
    const audit = {
      action: 'citizen.export',
      entityType: 'citizen',
      entityId: citizenId,
      details: { format },
    };
    const [row] = await this.readAudit.read<ExportRow>(caller, audit, () => this.db.query(select, p.values));
    if (!row) throw new NotFoundProblem('citizen');
    return toExport(row, this.cipher.decrypt(row.cprSealed), caller, new Date());
  }
}

/** A file name without the citizen's name or CPR number (it ends up in download folders and mail). */
export function fileName(format: CitizenExportFormat, now = new Date()): string {
  return `indsigt-alle-data-${todayInDenmark(now)}.${format}`;
}

/** The statement's row as the documented shape: the CPR number opened, the access log worded by kind and purpose. */
export function toExport(
  row: ExportRow,
  cprDigits: string,
  caller: AuthenticatedUser,
  now: Date,
): CitizenExport {
  const { id, name, ...rest } = row.citizen as unknown as Omit<CitizenExportCitizen, 'cpr'>;
  const exportedBy: CitizenExportPerson = {
    name: caller.name,
    role: caller.role,
    organisationName: row.exporterOrganisationName,
  };
  return {
    formatVersion: CITIZEN_EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    exportedBy,
    municipality: row.municipality,
    citizen: { id, name, cpr: `${cprDigits.slice(0, 6)}-${cprDigits.slice(6)}`, ...rest },
    grants: row.grants as CitizenExport['grants'],
    courses: row.courses as CitizenExport['courses'],
    contacts: row.contacts as CitizenExport['contacts'],
    progressReports: row.progressReports as CitizenExport['progressReports'],
    handoverPackets: row.handoverPackets as CitizenExport['handoverPackets'],
    caseItems: row.caseItems as CitizenExport['caseItems'],
    messageThreads: row.messageThreads as CitizenExport['messageThreads'],
    notifications: row.notifications as CitizenExport['notifications'],
    accessLog: row.accessLog.map((event) => ({
      at: event.at,
      action: event.action,
      kind: accessKindOfAction(event.action),
      purpose: purposeOfAction(event.action),
      actor: event.actor as CitizenExportPerson,
    })),
  };
}
