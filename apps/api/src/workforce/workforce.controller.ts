import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UploadBody, type UploadedFile, XLSX_MEDIA_TYPE } from '../common/upload';
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
import { ImportUploadRoute } from '../common/import-route';
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
  @RequirePermission(Permission.WorkforceManage)
  @ImportUploadRoute({
    body: 'A CSV file (with ?kind=) or an XLSX workbook (a sheet per kind); columns: docs/import-format.md',
    result: ImportResultDto,
    ok: 'A dry run: every error by row and column, and what would change. Otherwise: saved.',
    unprocessable:
      'Not saved: the file has errors (`import.invalid`, each as a field error and in `rows`), or cannot be read.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
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
