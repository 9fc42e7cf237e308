import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { ProblemException } from '../common/problem';

class HealthDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto, description: 'The API and its database answer.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async health(): Promise<HealthDto> {
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok' };
    } catch {
      throw new ProblemException({
        status: 503,
        code: 'health.database_unavailable',
        detail: 'The database does not answer.',
      });
    }
  }
}
