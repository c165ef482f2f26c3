import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FeedbackEntity } from './entities/feedback.entity';

@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets the user's feedback on the answer, replacing an earlier one. */
  async save(feedback: FeedbackEntity): Promise<void> {
    await this.dataSource.manager.upsert(FeedbackEntity, feedback, ['messageId', 'userId']);
  }

  async delete(messageId: string, userId: string): Promise<void> {
    await this.dataSource.manager.delete(FeedbackEntity, { messageId, userId });
  }
}
