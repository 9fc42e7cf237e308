import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CASE_TITLE_MAX_LENGTH,
  type CaseFileType,
  type CaseItem,
  CaseItemKind,
  type FieldError,
  type FileInfo,
} from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import type { UploadedFile } from '../common/upload';
import { NotFoundProblem } from '../common/versioned-update';
import { FileStore } from '../files/file-store.service';
import { StoredFile } from '../files/stored-file.entity';
import { CaseItem as CaseItemEntity } from './case-item.entity';
import { caseload, ITEM_ORDER, itemSelect, type ItemRow } from './case-sharing-queries';
import type { CreateCaseNoteDto } from './dto/case-sharing.dto';

/** The text fields a case document's upload may carry besides its file. */
const DOCUMENT_FIELDS = ['title'];

export function fileInfoOf(row: {
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
}): FileInfo | null {
  return row.fileName === null
    ? null
    : { fileName: row.fileName, contentType: row.contentType as CaseFileType, sizeBytes: row.sizeBytes ?? 0 };
}

function toCaseItem(row: ItemRow): CaseItem {
  return {
    id: row.id as string,
    citizenId: row.citizenId,
    kind: row.kind,
    title: row.title,
    file: fileInfoOf(row),
    body: row.body,
    createdByName: row.createdByName,
    createdAt: new Date(row.createdAt).toISOString(),
    activeShareCount: row.activeShareCount,
  };
}

/** The documents and notes a caseworker keeps on the cases of their caseload. */
@Injectable()
export class CaseItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
    private readonly files: FileStore,
  ) {}

  /** The citizen's items, newest first; the read is audit-logged. 404 outside the caseload. */
  async list(caller: AuthenticatedUser, citizenId: string): Promise<CaseItem[]> {
    const p = new SqlParams();
    const select = itemSelect(p, caller, todayInDenmark(), { citizenId });
    const audit = { action: 'case_item.list', entityType: 'citizen', entityId: citizenId };
    const rows = await this.readAudit.read<ItemRow>(caller, audit, () =>
      this.db.query(`SELECT * FROM (${select}) page ${ITEM_ORDER}`, p.values),
    );
    if (rows.length === 0) throw new NotFoundProblem('citizen');
    return rows.filter((row) => row.id !== null).map(toCaseItem);
  }

  async createNote(caller: AuthenticatedUser, citizenId: string, dto: CreateCaseNoteDto): Promise<CaseItem> {
    await this.assertInCaseload(caller, citizenId);
    const id = await this.db.transaction((tx) =>
      this.insert(tx, caller, citizenId, { kind: CaseItemKind.Note, title: dto.title, body: dto.body }),
    );
    return this.one(caller, id);
  }

  /**
   * Stores an uploaded document (the multipart part `file`, titled by the part `title` or else by
   * its file name). Refused before anything is stored: a citizen outside the caseload (404), bad
   * fields (400), a file too large (413) or of a type not accepted (415).
   */
  async createDocument(
    caller: AuthenticatedUser,
    citizenId: string,
    upload: UploadedFile,
  ): Promise<CaseItem> {
    await this.assertInCaseload(caller, citizenId);
    const errors: FieldError[] = Object.keys(upload.fields)
      .filter((field) => !DOCUMENT_FIELDS.includes(field))
      .map((field) => ({
        field,
        messages: [`property ${field} should not exist`],
        codes: ['whitelistValidation'],
      }));
    const title = (upload.fields['title'] ?? '').trim();
    if ([...title].length > CASE_TITLE_MAX_LENGTH) {
      errors.push({
        field: 'title',
        messages: [`title must be shorter than or equal to ${CASE_TITLE_MAX_LENGTH} characters`],
        codes: ['maxLength'],
      });
    }
    if (errors.length) throw new ValidationProblem(errors);
    let saved: StoredFile | undefined;
    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        saved = await this.files.save(caller, upload, tx);
        return this.insert(tx, caller, citizenId, {
          kind: CaseItemKind.Document,
          title: title || saved.fileName,
          storedFileId: saved.id,
        });
      });
    } catch (error) {
      // The rollback removed the row; the encrypted bytes on disk go too.
      if (saved) await this.files.discard(saved);
      throw error;
    }
    return this.one(caller, id);
  }

  /** A document's file for its caseworker; the download is audit-logged. 404 for a note or outside the caseload. */
  async sendFile(caller: AuthenticatedUser, itemId: string, reply: FastifyReply): Promise<void> {
    const p = new SqlParams();
    const select = itemSelect(p, caller, todayInDenmark(), { itemId });
    const audit = { action: 'case_item.download', entityType: 'case_item', entityId: itemId };
    const [row] = await this.readAudit.read<ItemRow>(caller, audit, () => this.db.query(select, p.values));
    if (!row?.storedFileId) throw new NotFoundProblem('case_item');
    const file = await this.db.manager.findOneByOrFail(StoredFile, {
      id: row.storedFileId,
      municipalityId: caller.municipalityId,
    });
    await this.files.send(reply, file);
  }

  private async assertInCaseload(caller: AuthenticatedUser, citizenId: string): Promise<void> {
    const p = new SqlParams();
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM citizen ci WHERE ci.id = ${p.add(citizenId)} AND ${caseload(p, 'ci', caller)}`,
      p.values,
    );
    if (rows.length === 0) throw new NotFoundProblem('citizen');
  }

  private async insert(
    tx: EntityManager,
    caller: AuthenticatedUser,
    citizenId: string,
    item: Pick<CaseItemEntity, 'kind' | 'title'> & Partial<Pick<CaseItemEntity, 'body' | 'storedFileId'>>,
  ): Promise<string> {
    const result = await tx.insert(CaseItemEntity, {
      municipalityId: caller.municipalityId,
      citizenId,
      body: null,
      storedFileId: null,
      ...item,
      createdBy: caller.id,
    });
    const id = result.identifiers[0]?.['id'] as string;
    await this.audit.record(
      caller,
      {
        action: 'case_item.create',
        citizenId,
        entityType: 'case_item',
        entityId: id,
        details: { kind: item.kind },
      },
      tx,
    );
    return id;
  }

  /** An item just written by the caller (its change is audit-logged; this read adds no record). */
  private async one(caller: AuthenticatedUser, itemId: string): Promise<CaseItem> {
    const p = new SqlParams();
    const [row] = await this.db.query<ItemRow[]>(
      itemSelect(p, caller, todayInDenmark(), { itemId }),
      p.values,
    );
    if (!row?.id) throw new NotFoundProblem('case_item');
    return toCaseItem(row);
  }
}
