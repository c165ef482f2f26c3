import { topology } from '../topology';
import { catalog } from './catalog';
import {
  ApproveDraftRequest,
  ListTicketsRequest,
  TicketsEvent,
  TicketsRpc,
} from './tickets.messages';

describe('tickets messages', () => {
  it('should route every tickets RPC to whmcs-sync and no other service', () => {
    for (const name of Object.values(TicketsRpc)) {
      const owners = Object.entries(topology)
        .filter(([, routes]) => (routes.rpcs as readonly string[]).includes(name))
        .map(([service]) => service);
      expect({ name, owners }).toEqual({ name, owners: ['whmcs-sync'] });
      expect(catalog[name].kind).toBe('rpc');
    }
  });

  it('should declare the draft change event without a consumer yet', () => {
    expect(catalog[TicketsEvent.DraftChanged].kind).toBe('event');
  });

  it('should fill paging and the awaiting filter in when the console leaves them out', () => {
    expect(ListTicketsRequest.parse({})).toEqual({ awaitingOnly: true, limit: 50, offset: 0 });
  });

  it('should refuse an approval without a named approver or with an empty text', () => {
    const draftId = '7f1c1c3e-3c1b-4c55-9d8e-2a1d9b0f4a10';

    expect(ApproveDraftRequest.safeParse({ draftId }).success).toBe(false);
    expect(
      ApproveDraftRequest.safeParse({ draftId, approvedBy: { id: 'u1', name: 'A' }, text: '  ' })
        .success,
    ).toBe(false);
  });
});
