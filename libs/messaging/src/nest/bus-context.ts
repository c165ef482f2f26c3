import { BaseRpcContext } from '@nestjs/microservices';

import type { MessageMeta } from '../core/wire';

/** What a handler may know about the message it is handling. */
export class BusContext extends BaseRpcContext<[MessageMeta]> {
  get meta(): MessageMeta {
    return this.getArgs()[0];
  }
}
