import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Injectable,
  Param,
  type PipeTransform,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { IMPORT_BODY_LIMIT_BYTES, Permission, SURVEY_KINDS, type SurveyKind } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AcceptUpload,
  UploadBody,
  type UploadedFile,
  UPLOAD_MEDIA_TYPES,
  XLSX_MEDIA_TYPE,
} from '../common/upload';
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
  @HttpCode(200)
  @RequirePermission(Permission.SurveysManage)
  @AcceptUpload({ maxBytes: IMPORT_BODY_LIMIT_BYTES, mediaTypes: UPLOAD_MEDIA_TYPES })
  @KIND
  @ApiConsumes(...UPLOAD_MEDIA_TYPES)
  @ApiBody({
    description: `A CSV file or an XLSX workbook (sheet "svar", else the first), as the body or as the multipart part "file"; at most ${IMPORT_BODY_LIMIT_BYTES / (1024 * 1024)} MB. Columns: docs/survey-import-format.md.`,
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({
    type: SurveyImportResultDto,
    description: 'A dry run: every error by row and column. Otherwise: every response saved.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiPayloadTooLargeResponse({ description: 'Over the upload limit, or too many rows.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or XLSX upload.' })
  @ApiUnprocessableEntityResponse({
    description:
      'Nothing saved: the file has errors (`import.invalid`, listed in `rows`), or cannot be read.',
  })
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
