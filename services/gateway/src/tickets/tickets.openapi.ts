import { HttpStatus } from '@nestjs/common';

export const TICKETS_UNAVAILABLE = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  description: 'whmcs-sync is not reachable or did not answer in time',
};

export const DRAFT_NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such draft' };

export const DRAFT_CONFLICT = {
  status: HttpStatus.CONFLICT,
  description:
    'The draft is not in a state that allows this (for example stale, already sent or rejected), ' +
    'or `expectedVersion` is older than the draft',
};
