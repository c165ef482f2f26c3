import { Module } from '@nestjs/common';

import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

/** Admin view of the bus: queue depths, dead letters and replay. */
@Module({
  controllers: [OperationsController],
  providers: [OperationsService],
})
export class OperationsModule {}
