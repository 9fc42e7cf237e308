import {
  Body,
  Controller,
  Get,
  Header,
  Injectable,
  Param,
  type PipeTransform,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, SURVEY_KINDS, type SurveyKind } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UploadBody, type UploadedFile, XLSX_MEDIA_TYPE } from '../common/upload';
import { NotFoundProblem } from '../common/versioned-update';
import {
  SurveyImportQueryDto,
  SurveyImportResultDto,
  SurveyResponseDto,
  SurveyResponsePageDto,
  SurveyResponseQueryDto,
  SurveyResponseViewDto,
} from './dto/survey.dto';
import { SURVEY_KIND_NAMES_DA, surveyTemplateCsv, surveyTemplateXlsx } from './survey-import-file';
import { ImportUploadRoute } from '../common/import-route';
import { SurveysService } from './surveys.service';

/** `:kind` is one of the questionnaires; anything else is a route that does not exist (404). */
@Injectable()
class SurveyKindPipe implements PipeTransform<string, SurveyKind> {
  transform(value: string): SurveyKind {
    if (!(SURVEY_KINDS as readonly string[]).includes(value)) throw new NotFoundProblem('survey');
    return value as SurveyKind;
  }
}

const KIND = ApiParam({ name: 'kind', enum: SURVEY_KINDS, description: 'citizen, mentor or recruiter.' });
const NOT_VISIBLE =
  "No such questionnaire or organisation, or not the caller's (a team leader sees only their own).";

/** The built-in questionnaires: answering, entering, listing and importing responses. */
@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post(':kind/responses')
  @RequirePermission(Permission.SurveysAnswer)
  @KIND
  @ApiCreatedResponse({
    type: SurveyResponseViewDto,
    description:
      "Saved: a mentor's or recruiter's own answers, or a citizen interview entered by a caseworker or team leader.",
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', SurveyKindPipe) kind: SurveyKind,
    @Body() body: SurveyResponseDto,
  ): Promise<SurveyResponseViewDto> {
    return this.surveys.create(user, kind, body);
  }

  @Get(':kind/responses')
  @RequirePermission(Permission.SurveysManage)
  @KIND
  @ApiOkResponse({ type: SurveyResponsePageDto, description: 'Responses, newest first; no names.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', SurveyKindPipe) kind: SurveyKind,
    @Query() query: SurveyResponseQueryDto,
  ): Promise<SurveyResponsePageDto> {
    return this.surveys.list(user, kind, query);
  }

  @Post(':kind/import')
  @RequirePermission(Permission.SurveysManage)
  @KIND
  @ImportUploadRoute({
    body: 'A CSV file or an XLSX workbook (sheet "svar", else the first); columns: docs/survey-import-format.md',
    result: SurveyImportResultDto,
    ok: 'A dry run: every error by row and column. Otherwise: every response saved.',
    unprocessable:
      'Nothing saved: the file has errors (`import.invalid`, listed in `rows`), or cannot be read.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  import(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', SurveyKindPipe) kind: SurveyKind,
    @Query() query: SurveyImportQueryDto,
    @UploadBody() upload: UploadedFile,
  ): Promise<SurveyImportResultDto> {
    return this.surveys.import(user, kind, upload.buffer, query.dryRun ?? false);
  }

  @Get(':kind/template.xlsx')
  @RequirePermission(Permission.SurveysManage)
  @KIND
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The import template: sheet "svar" with the header row, sheet "vejledning" with the values.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async templateXlsx(@Param('kind', SurveyKindPipe) kind: SurveyKind): Promise<StreamableFile> {
    const content = await surveyTemplateXlsx(kind);
    return new StreamableFile(content, {
      type: XLSX_MEDIA_TYPE,
      disposition: `attachment; filename="skabelon-${SURVEY_KIND_NAMES_DA[kind]}.xlsx"`,
      length: content.length,
    });
  }

  @Get(':kind/template.csv')
  @RequirePermission(Permission.SurveysManage)
  @Header('Cache-Control', 'no-store')
  @KIND
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The import template as CSV: the header row (`;`).',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  templateCsv(@Param('kind', SurveyKindPipe) kind: SurveyKind): StreamableFile {
    const content = surveyTemplateCsv(kind);
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="skabelon-${SURVEY_KIND_NAMES_DA[kind]}.csv"`,
      length: content.length,
    });
  }
}
