import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AcceptReportDto,
  CourseReportingDto,
  CreateReportDto,
  ReportDetailDto,
  ReportQualityQueryDto,
  ReportQualityRowDto,
  ReportSummaryDto,
  ReturnReportDto,
  SaveReportDto,
  SubmitReportDto,
} from './dto/report.dto';
import { ReportsService } from './reports.service';

const NOT_VISIBLE = 'No such course, or not one the caller may see.';
const REPORT_NOT_VISIBLE = 'No such report, or not one of a course the caller may see.';
const INVALID_TRANSITION =
  "Not allowed in the report's status (`report.invalid_transition`), or changed since it was read (`report.stale_version`).";

/** A course's reports and reporting status. */
@ApiTags('reports')
@Controller('courses')
export class CourseReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/reports')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: [ReportSummaryDto], description: "The course's progression reports, newest first." })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReportSummaryDto[]> {
    return this.reports.listForCourse(user, id);
  }

  @Get(':id/reporting')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: CourseReportingDto, description: 'When the next report is due.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  reporting(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseReportingDto> {
    return this.reports.reporting(user, id);
  }

  @Post(':id/reports')
  @RequirePermission(Permission.ReportsWrite)
  @ApiCreatedResponse({
    type: ReportDetailDto,
    description: 'A draft from the day after the previous report (or the course start) to periodTo.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The course already has a report being written or reviewed.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateReportDto,
  ): Promise<ReportDetailDto> {
    return this.reports.create(user, id, body);
  }
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('quality')
  @RequirePermission(Permission.ReportsQuality)
  @ApiOkResponse({
    type: [ReportQualityRowDto],
    description:
      "Per organisation (a team leader's own; an administrator's every one) and per mentor: reports due in the period, on time, quality, revisions and review time.",
  })
  @ApiNotFoundResponse({ description: 'No such organisation, or not one the caller may see.' })
  quality(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReportQualityQueryDto,
  ): Promise<ReportQualityRowDto[]> {
    return this.reports.quality(user, query);
  }

  @Get(':id')
  @RequirePermission(Permission.CoursesRead)
  @ApiOkResponse({ type: ReportDetailDto })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReportDetailDto> {
    return this.reports.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.ReportsWrite)
  @ApiOkResponse({ type: ReportDetailDto, description: 'Saved, with the quality score recomputed.' })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveReportDto,
  ): Promise<ReportDetailDto> {
    return this.reports.save(user, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.ReportsWrite)
  @ApiOkResponse({ type: ReportDetailDto, description: 'Submitted to the caseworker as a new version.' })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  @ApiUnprocessableEntityResponse({
    description:
      "Under the municipality's quality threshold without a justification (`report.justification_required`).",
  })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitReportDto,
  ): Promise<ReportDetailDto> {
    return this.reports.submit(user, id, body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(Permission.ReportsReview)
  @ApiOkResponse({ type: ReportDetailDto, description: 'Returned to the mentor with comments on sections.' })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  returnReport(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReturnReportDto,
  ): Promise<ReportDetailDto> {
    return this.reports.review(user, id, 'returned', body);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission(Permission.ReportsReview)
  @ApiOkResponse({ type: ReportDetailDto, description: 'Accepted; the PDF can now be downloaded.' })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcceptReportDto,
  ): Promise<ReportDetailDto> {
    return this.reports.review(user, id, 'accepted', body);
  }

  @Get(':id/pdf')
  @RequirePermission(Permission.CoursesRead)
  // Personal data: not kept by browsers or proxies.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The accepted report as a PDF attachment (audit-logged).',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: REPORT_NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The report is not accepted (`report.not_accepted`).' })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.reports.pdf(user, id);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: content.length,
    });
  }
}
