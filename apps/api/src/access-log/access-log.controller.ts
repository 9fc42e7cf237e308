import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Permission } from '@mentor/domain';
import { CurrentUser, RequirePermission } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { type AccessLogFile, AccessLogService } from './access-log.service';
import { AccessLogPageDto, AccessLogQueryDto, AccessLogRangeDto } from './dto/access-log.dto';

const NOT_VISIBLE = "No such citizen, or not one of the caller's caseload.";
const TOO_MANY = 'The period holds too many events for one file (`access_log.too_many_events`).';

function download(file: AccessLogFile, type: string): StreamableFile {
  return new StreamableFile(file.content, {
    type,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/**
 * The citizen's access log for the right of access: who-type (role and organisation) read or
 * changed the citizen's data, when and why. Producing it is audit-logged too.
 */
@ApiTags('access-log')
@Controller('citizens')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get(':id/access-log')
  @RequirePermission(Permission.AccessLogRead)
  @ApiOkResponse({ type: AccessLogPageDto, description: 'One page of the log, newest first.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  page(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AccessLogQueryDto,
  ): Promise<AccessLogPageDto> {
    return this.accessLog.page(user, id, query);
  }

  @Get(':id/access-log.csv')
  @RequirePermission(Permission.AccessLogRead)
  // Personal data: not kept by browsers or proxies.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The whole period as CSV (UTF-8 with BOM, `;`, Danish headers), newest first.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiUnprocessableEntityResponse({ description: TOO_MANY })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AccessLogRangeDto,
  ): Promise<StreamableFile> {
    return download(await this.accessLog.csv(user, id, query), 'text/csv; charset=utf-8');
  }

  @Get(':id/access-log.pdf')
  @RequirePermission(Permission.AccessLogRead)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The whole period as a PDF in Danish, with the citizen and period at the top.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiUnprocessableEntityResponse({ description: TOO_MANY })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AccessLogRangeDto,
  ): Promise<StreamableFile> {
    return download(await this.accessLog.pdf(user, id, query), 'application/pdf');
  }
}
