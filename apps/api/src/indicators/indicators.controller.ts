import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { XLSX_MEDIA_TYPE } from '../common/upload';
import { IndicatorQueryDto, IndicatorReportDto } from './dto/indicator.dto';
import { indicatorFilename, indicatorsCsv, indicatorsXlsx } from './indicator-export';
import { renderIndicatorPdf } from './indicator-pdf';
import { IndicatorsService } from './indicators.service';

const NOT_VISIBLE = "No such organisation, or not the caller's (a team leader sees only their own).";
const PERIOD = 'from ≤ to, at most the longest period; a bad date or period answers 400 with field errors.';

/** The study's indicators computed from the records, and their CSV, XLSX and PDF exports. */
@ApiTags('indicators')
@Controller('reports')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get('indicators')
  @RequirePermission(Permission.IndicatorsRead)
  @ApiOkResponse({
    type: IndicatorReportDto,
    description: `Every indicator of the study's catalogue, in its order, for the period and filters (${PERIOD})`,
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: IndicatorQueryDto,
  ): Promise<IndicatorReportDto> {
    return this.indicators.report(user, query);
  }

  @Get('indicators.csv')
  @RequirePermission(Permission.IndicatorsRead)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The indicators as CSV (UTF-8 with BOM, `;`, Danish headers), same period and filters.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: IndicatorQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.indicators.report(user, query);
    return download(indicatorsCsv(report), 'text/csv; charset=utf-8', indicatorFilename(report, 'csv'));
  }

  @Get('indicators.xlsx')
  @RequirePermission(Permission.IndicatorsRead)
  @Header('Cache-Control', 'no-store')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The indicators as an XLSX workbook (sheet "Indikatorer"), same period and filters.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async xlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: IndicatorQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.indicators.report(user, query);
    return download(await indicatorsXlsx(report), XLSX_MEDIA_TYPE, indicatorFilename(report, 'xlsx'));
  }

  @Get('indicators.pdf')
  @RequirePermission(Permission.IndicatorsRead)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description:
      "A PDF report in the study's order: per figure a bar chart of the 2015 value beside the current one, with N.",
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: IndicatorQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.indicators.report(user, query);
    const name = await this.indicators.organisationName(report.filters.organisationId);
    return download(
      await renderIndicatorPdf(report, name),
      'application/pdf',
      indicatorFilename(report, 'pdf'),
    );
  }
}

function download(content: Buffer, type: string, filename: string): StreamableFile {
  return new StreamableFile(content, {
    type,
    disposition: `attachment; filename="${filename}"`,
    length: content.length,
  });
}
