import { HttpException, HttpStatus } from '@nestjs/common';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  LastAdmin = 'LAST_ADMIN',
  WeakPassword = 'WEAK_PASSWORD',
  WrongCurrentPassword = 'WRONG_CURRENT_PASSWORD',
}

function describe(code: UsersErrorCode): { status: HttpStatus; message: string } {
  switch (code) {
    case UsersErrorCode.NotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such user' };
    case UsersErrorCode.EmailTaken:
      return { status: HttpStatus.CONFLICT, message: 'A user with this email address exists' };
    case UsersErrorCode.LastAdmin:
      return {
        status: HttpStatus.CONFLICT,
        message: 'This is the last active administrator: promote another user first',
      };
    case UsersErrorCode.WeakPassword:
      return { status: HttpStatus.BAD_REQUEST, message: 'The password is too weak' };
    case UsersErrorCode.WrongCurrentPassword:
      return { status: HttpStatus.BAD_REQUEST, message: 'The current password is not correct' };
  }
}

export class UsersException extends HttpException {
  constructor(
    readonly code: UsersErrorCode,
    details?: readonly string[],
  ) {
    const { status, message } = describe(code);
    super(
      {
        message:
          details === undefined || details.length === 0
            ? message
            : details.map((detail) => `password ${detail}`),
      },
      status,
    );
  }
}
