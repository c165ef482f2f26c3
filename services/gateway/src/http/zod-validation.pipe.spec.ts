import { BadRequestException } from '@nestjs/common';

import { LoginRequest } from '@deskpilot/contracts';

import { ZodValidationPipe } from './zod-validation.pipe';

describe(ZodValidationPipe.name, () => {
  const sut = new ZodValidationPipe(LoginRequest);

  it('should pass on the parsed value', () => {
    expect(sut.transform({ email: ' A@B.co ', password: 'x' })).toEqual({
      email: 'a@b.co',
      password: 'x',
    });
  });

  it('should list every problem by field', () => {
    try {
      sut.transform({ email: 7, extra: true });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      const messages = (error as BadRequestException).getResponse() as { message: string[] };
      expect(messages.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^email: /),
          expect.stringMatching(/^password: /),
        ]),
      );
    }
  });
});
