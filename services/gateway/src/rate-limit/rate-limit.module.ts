import { Module } from '@nestjs/common';

import { LoginThrottle } from './login-throttle.service';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiter } from './rate-limiter.service';

@Module({
  providers: [RateLimitRepository, RateLimiter, LoginThrottle],
  exports: [RateLimiter, RateLimitRepository, LoginThrottle],
})
export class RateLimitModule {}
