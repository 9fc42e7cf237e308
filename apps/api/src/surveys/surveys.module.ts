import { Module } from '@nestjs/common';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** The built-in questionnaires (issue 7): responses answered, entered and imported. */
@Module({
  controllers: [SurveysController],
  providers: [SurveysService],
})
export class SurveysModule {}
