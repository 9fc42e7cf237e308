import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { UserActiveController } from './user-active.controller';
import { UserActiveService } from './user-active.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), AuthModule],
  controllers: [UsersController, UserActiveController],
  providers: [UsersService, UserActiveService],
})
export class UsersModule {}
