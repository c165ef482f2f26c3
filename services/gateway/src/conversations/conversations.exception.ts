import { HttpException, HttpStatus } from '@nestjs/common';

import type { RetryAfter } from '../http/retry-after';

export enum ConversationsErrorCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  MessageNotFound = 'MESSAGE_NOT_FOUND',
  NotAnswering = 'NOT_ANSWERING',
  TooManyQuestions = 'TOO_MANY_QUESTIONS',
}

function describe(code: ConversationsErrorCode): { status: HttpStatus; message: string } {
  switch (code) {
    case ConversationsErrorCode.NotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such conversation' };
    case ConversationsErrorCode.MessageNotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such answer' };
    case ConversationsErrorCode.NotAnswering:
      return { status: HttpStatus.CONFLICT, message: 'This answer is not being written' };
    case ConversationsErrorCode.TooManyQuestions:
      return {
        status: HttpStatus.TOO_MANY_REQUESTS,
        message: 'You are sending questions faster than Deskpilot allows',
      };
  }
}

export class ConversationsException extends HttpException implements Partial<RetryAfter> {
  constructor(
    readonly code: ConversationsErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    const { status, message } = describe(code);
    super({ message }, status);
  }
}
