import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_FILE_MAX_BYTES, CaseFileType, FILE_NAME_MAX_LENGTH } from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../common/problem';
import type { UploadedFile } from '../common/upload';
import { AppConfig } from '../config/app-config';
import { fileEncryptionKey } from './file-key';
import {
  cleanFileName,
  contentDisposition,
  detectFileType,
  FILE_EXTENSIONS,
  typeOfExtension,
} from './file-type';
import { StoredFile } from './stored-file.entity';

/** Types a browser shows as a picture and never runs: the only ones served inline. */
const INLINE_TYPES: readonly CaseFileType[] = [CaseFileType.Png, CaseFileType.Jpeg];

const IV_BYTES = 12;
const TAG_BYTES = 16;

const extensions = (type: CaseFileType) => FILE_EXTENSIONS[type].map((e) => `.${e}`).join(' or ');

/**
 * Stores and serves uploaded files (case documents, message attachments). A file is accepted only
 * when its content is one of the CaseFileType formats and its name's extension says the same; it
 * is encrypted (AES-256-GCM) under a random name in FILE_STORAGE_DIR, outside the web root, and
 * leaves only through `send`, after the caller's module has checked access.
 */
@Injectable()
export class FileStore {
  private readonly key: Buffer;
  private readonly directory: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.key = fileEncryptionKey(config);
    this.directory = resolve(config.fileStorageDir);
    const fromWebRoot = relative(resolve(config.WEB_DIST_DIR), this.directory);
    if (!isAbsolute(fromWebRoot) && fromWebRoot !== '..' && !fromWebRoot.startsWith(`..${sep}`)) {
      throw new Error(
        'FILE_STORAGE_DIR must not be inside WEB_DIST_DIR: uploads would be served as they are.',
      );
    }
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
  }

  /**
   * Checks, encrypts and stores an upload, and records it (in `manager`'s transaction when given).
   * 400 without a usable name, 413 over CASE_FILE_MAX_BYTES, 415 for a type not accepted or a name
   * that claims another type.
   */
  async save(caller: AuthenticatedUser, upload: UploadedFile, manager?: EntityManager): Promise<StoredFile> {
    const { buffer } = upload;
    if (buffer.length > CASE_FILE_MAX_BYTES) {
      throw new ProblemException({
        status: 413,
        code: 'file.too_large',
        detail: `The file is larger than ${CASE_FILE_MAX_BYTES / (1024 * 1024)} MB.`,
      });
    }
    const fileName = cleanFileName(upload.fileName);
    if (buffer.length === 0 || !fileName) {
      throw new ProblemException({
        status: 400,
        code: buffer.length === 0 ? 'file.empty' : 'file.name_missing',
        detail: buffer.length === 0 ? 'The file is empty.' : 'The file has no usable name.',
        errors: [
          {
            field: 'file',
            messages: [buffer.length === 0 ? 'the file is empty' : 'the file needs a name'],
            codes: [buffer.length === 0 ? 'file.empty' : 'file.name_missing'],
          },
        ],
      });
    }
    const detected = detectFileType(buffer);
    if (!detected) {
      throw new ProblemException({
        status: 415,
        code: 'file.type_not_allowed',
        detail:
          'Only PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) and plain text files are accepted.',
      });
    }
    const claimed = typeOfExtension(fileName);
    if (claimed !== detected) {
      throw new ProblemException({
        status: 415,
        code: 'file.type_mismatch',
        detail: `The file's content is ${detected}; its name must end in ${extensions(detected)}.`,
      });
    }

    const storageKey = randomBytes(32).toString('hex');
    const path = join(this.directory, storageKey);
    await writeFile(path, this.encrypt(buffer), { mode: 0o600, flag: 'wx' });
    try {
      const row: Partial<StoredFile> = {
        municipalityId: caller.municipalityId,
        fileName: fileName.slice(0, FILE_NAME_MAX_LENGTH),
        contentType: detected,
        sizeBytes: buffer.length,
        sha256: createHash('sha256').update(buffer).digest('hex'),
        storageKey,
        createdBy: caller.id,
      };
      const target = manager ?? this.db.manager;
      const result = await target.insert(StoredFile, row);
      return {
        ...row,
        id: result.identifiers[0]?.['id'] as string,
        createdAt: (result.generatedMaps[0]?.['createdAt'] as Date | undefined) ?? new Date(),
      } as StoredFile;
    } catch (error) {
      await this.discard({ storageKey });
      throw error;
    }
  }

  /**
   * Deletes a saved file's bytes; for a `save` whose transaction then failed (its row is rolled
   * back, the file on disk is not).
   */
  async discard(file: Pick<StoredFile, 'storageKey'>): Promise<void> {
    await unlink(join(this.directory, file.storageKey)).catch(() => undefined);
  }

  /** The plaintext of a stored file. */
  async read(file: StoredFile): Promise<Buffer> {
    return this.decrypt(await readFile(join(this.directory, file.storageKey)));
  }

  /**
   * Answers with the file: its detected type, as an attachment (pictures inline), never sniffed,
   * sandboxed, never cached. Call it only after the access check and the audit record.
   */
  async send(reply: FastifyReply, file: StoredFile): Promise<void> {
    const content = await this.read(file);
    const disposition = INLINE_TYPES.includes(file.contentType) ? 'inline' : 'attachment';
    void reply
      .status(200)
      .header(
        'Content-Type',
        file.contentType === CaseFileType.Text ? `${file.contentType}; charset=utf-8` : file.contentType,
      )
      .header('Content-Disposition', contentDisposition(disposition, file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', 'sandbox')
      .header('Cache-Control', 'no-store')
      .send(content);
  }

  private encrypt(plaintext: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  private decrypt(payload: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, payload.subarray(0, IV_BYTES));
    decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }
}
