import { HttpException, HttpStatus } from '@nestjs/common';

export enum ConversationsErrorCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  MessageNotFound = 'MESSAGE_NOT_FOUND',
  NotAnswering = 'NOT_ANSWERING',
}

function describe(code: ConversationsErrorCode): { status: HttpStatus; message: string } {
  switch (code) {
    case ConversationsErrorCode.NotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such conversation' };
    case ConversationsErrorCode.MessageNotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such answer' };
    case ConversationsErrorCode.NotAnswering:
      return { status: HttpStatus.CONFLICT, message: 'This answer is not being written' };
  }
}

export class ConversationsException extends HttpException {
  constructor(readonly code: ConversationsErrorCode) {
    const { status, message } = describe(code);
    super({ message }, status);
  }
}
