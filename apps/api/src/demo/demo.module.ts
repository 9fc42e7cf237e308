import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { FilesModule } from '../files/files.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [CitizensModule, FilesModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
