import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CITIZEN_EXPORT_SECTIONS, Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { type CitizenExportFile, CitizenExportService } from './citizen-export.service';

const NOT_VISIBLE =
  "No such citizen in the caller's municipality, or (for a caseworker) not one of the caller's caseload.";

/** The JSON file's top level; the full shape is `CitizenExport` in libs/domain (citizen-export.ts). */
const JSON_SCHEMA = {
  type: 'object',
  description: 'Everything held about the citizen; see `CitizenExport` in libs/domain for every field.',
  required: [
    'formatVersion',
    'exportedAt',
    'exportedBy',
    'municipality',
    'citizen',
    ...CITIZEN_EXPORT_SECTIONS,
  ],
  properties: {
    formatVersion: { type: 'integer', example: 1 },
    exportedAt: { type: 'string', format: 'date-time' },
    exportedBy: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        role: { type: 'string' },
        organisationName: { type: 'string' },
      },
    },
    municipality: { type: 'object', properties: { code: { type: 'integer' }, name: { type: 'string' } } },
    citizen: { type: 'object', description: 'The record, with the full CPR number (`DDMMYY-SSSS`).' },
    ...Object.fromEntries(
      CITIZEN_EXPORT_SECTIONS.map((section) => [section, { type: 'array', items: { type: 'object' } }]),
    ),
  },
};

function download(file: CitizenExportFile, type: string): StreamableFile {
  return new StreamableFile(file.content, {
    type,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/**
 * The right of access (GDPR art. 15): everything the system holds about one citizen, as a
 * machine-readable JSON file or a Danish PDF. Each export is audit-logged as `citizen.export`.
 */
@ApiTags('citizen-export')
@Controller('citizens')
export class CitizenExportController {
  constructor(private readonly exports: CitizenExportService) {}

  @Get(':id/export.json')
  @RequirePermission(Permission.CitizenExport)
  // Personal data: not kept by browsers or proxies.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json')
  @ApiOkResponse({
    description:
      'Every record about the citizen as JSON (UTF-8, ISO 8601 instants in UTC, English keys), as a download.',
    schema: JSON_SCHEMA,
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async json(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    return download(await this.exports.json(user, id), 'application/json; charset=utf-8');
  }

  @Get(':id/export.pdf')
  @RequirePermission(Permission.CitizenExport)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The same content as a PDF in Danish, with sections, tables and page numbers.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    return download(await this.exports.pdf(user, id), 'application/pdf');
  }
}
