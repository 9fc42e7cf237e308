import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { IMPORT_BODY_LIMIT_BYTES, Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AcceptUpload,
  UploadBody,
  type UploadedFile,
  UPLOAD_MEDIA_TYPES,
  XLSX_MEDIA_TYPE,
} from '../common/upload';
import {
  ProfileSuggestionDto,
  RecruitmentRequirementsDto,
  SetRecruitmentRequirementsDto,
  SuggestionListQueryDto,
} from './dto/mentor.dto';
import {
  ImportQueryDto,
  ImportResultDto,
  WorkforceFilterDto,
  WorkforceQueryDto,
  WorkforceViewDto,
} from './dto/workforce.dto';
import { MentorsService } from './mentors.service';
import { WORKFORCE_IMPORT_UPLOAD } from './upload';
import { exportFilename, workforceCsv, workforceXlsx } from './workforce-export';
import { WorkforceImportService } from './workforce-import.service';
import { WorkforceService } from './workforce.service';

const NOT_VISIBLE = "No such organisation, or not the caller's (a team leader sees only their own).";

/** An organisation's mentor workforce: the load view, its export, the import, suggestions, recruitment. */
@ApiTags('workforce')
@Controller('organisations')
export class WorkforceController {
  constructor(
    private readonly workforce: WorkforceService,
    private readonly mentors: MentorsService,
    private readonly importer: WorkforceImportService,
  ) {}

  @Get(':id/workforce')
  @RequirePermission(Permission.WorkforceRead)
  @ApiOkResponse({
    type: WorkforceViewDto,
    description:
      'Every active mentor of the organisation with load, delivery, overdue reports, certification, training, supervision and alerts; filtered, sorted, paged.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  view(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WorkforceQueryDto,
  ): Promise<WorkforceViewDto> {
    return this.workforce.view(user, id, query);
  }

  @Get(':id/workforce.csv')
  @RequirePermission(Permission.WorkforceRead)
  // Personal data of employees: not kept by browsers or proxies.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'The load table as CSV (UTF-8 with BOM, `;`, Danish headers), with the same filter and sort.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WorkforceFilterDto,
  ): Promise<StreamableFile> {
    const table = await this.workforce.table(user, id, query);
    const content = workforceCsv(table);
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${exportFilename(table, 'csv')}"`,
      length: content.length,
    });
  }

  @Get(':id/workforce.xlsx')
  @RequirePermission(Permission.WorkforceRead)
  @Header('Cache-Control', 'no-store')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The load table as an XLSX workbook (sheet "Belastning"), with the same filter and sort.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async xlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WorkforceFilterDto,
  ): Promise<StreamableFile> {
    const table = await this.workforce.table(user, id, query);
    const content = await workforceXlsx(table);
    return new StreamableFile(content, {
      type: XLSX_MEDIA_TYPE,
      disposition: `attachment; filename="${exportFilename(table, 'xlsx')}"`,
      length: content.length,
    });
  }

  @Post(':id/workforce/import')
  @HttpCode(200)
  @RequirePermission(Permission.WorkforceManage)
  @AcceptUpload(WORKFORCE_IMPORT_UPLOAD)
  @ApiConsumes(...UPLOAD_MEDIA_TYPES)
  @ApiBody({
    description: `A CSV file (with ?kind=) or an XLSX workbook (a sheet per kind), as the body or as the multipart part "file"; at most ${IMPORT_BODY_LIMIT_BYTES / (1024 * 1024)} MB. Columns: docs/import-format.md.`,
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({
    type: ImportResultDto,
    description: 'A dry run: every error by row and column, and what would change. Otherwise: saved.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiPayloadTooLargeResponse({ description: 'Over the upload limit, or too many rows.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or XLSX upload.' })
  @ApiUnprocessableEntityResponse({
    description:
      'Not saved: the file has errors (`import.invalid`, each as a field error and in `rows`), or cannot be read.',
  })
  import(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ImportQueryDto,
    @UploadBody() upload: UploadedFile,
  ): Promise<ImportResultDto> {
    return this.importer.import(user, id, upload.buffer, {
      dryRun: query.dryRun ?? false,
      kind: query.kind,
    });
  }

  @Get(':id/workforce/suggestions')
  @RequirePermission(Permission.WorkforceRead)
  @ApiOkResponse({
    type: [ProfileSuggestionDto],
    description: "Mentors' suggested profile changes, newest first.",
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  suggestions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SuggestionListQueryDto,
  ): Promise<ProfileSuggestionDto[]> {
    return this.mentors.suggestions(user, id, query.status);
  }

  @Get(':id/recruitment-requirements')
  @RequirePermission(Permission.WorkforceRead)
  @ApiOkResponse({
    type: RecruitmentRequirementsDto,
    description: 'The competencies the organisation hires for.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  requirements(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RecruitmentRequirementsDto> {
    return this.mentors.requirements(user, id);
  }

  @Put(':id/recruitment-requirements')
  @RequirePermission(Permission.WorkforceManage)
  @ApiOkResponse({ type: RecruitmentRequirementsDto, description: 'Replaced.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  setRequirements(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetRecruitmentRequirementsDto,
  ): Promise<RecruitmentRequirementsDto> {
    return this.mentors.setRequirements(user, id, body);
  }
}
