import { HttpException, HttpStatus } from '@nestjs/common';

export enum BotSettingsErrorCode {
  VersionNotFound = 'SETTINGS_VERSION_NOT_FOUND',
  ConcurrentChange = 'SETTINGS_CONCURRENT_CHANGE',
}

function describe(code: BotSettingsErrorCode): { status: HttpStatus; message: string } {
  switch (code) {
    case BotSettingsErrorCode.VersionNotFound:
      return { status: HttpStatus.NOT_FOUND, message: 'No such settings version' };
    case BotSettingsErrorCode.ConcurrentChange:
      return {
        status: HttpStatus.CONFLICT,
        message: 'Someone else saved the settings at the same moment; reload and try again',
      };
  }
}

export class BotSettingsException extends HttpException {
  constructor(readonly code: BotSettingsErrorCode) {
    const { status, message } = describe(code);
    super({ message }, status);
  }
}
