import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [CitizensModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
