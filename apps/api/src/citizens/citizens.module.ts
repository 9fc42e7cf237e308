import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CitizensController } from './citizens.controller';
import { CitizensService } from './citizens.service';
import { CprCipher } from './cpr-cipher';
import { createCprCipher } from './cpr-keys';

@Module({
  controllers: [CitizensController],
  providers: [CitizensService, { provide: CprCipher, useFactory: createCprCipher, inject: [AppConfig] }],
  exports: [CitizensService, CprCipher],
})
export class CitizensModule {}
