import { identifyQueue } from './queue-names';

describe(identifyQueue.name, () => {
  it.each([
    ['deskpilot.ingest.events', 'ingest', 'work'],
    ['ingest.events', 'ingest', 'work'],
    ['deskpilot.whmcs-sync.rpc', 'whmcs-sync', 'rpc'],
    ['deskpilot.llm.dead', 'llm', 'dead'],
    ['retrieval.broadcast.7f3a', 'retrieval', 'broadcast'],
    ['deskpilot.gateway.events.retry.5000ms', 'gateway', 'retry'],
  ])('should read %s as the %s %s queue', (queue, service, kind) => {
    expect(identifyQueue(queue)).toEqual({ service, kind });
  });

  it('should leave a queue of no known service unidentified', () => {
    expect(identifyQueue('amq.gen-abc')).toEqual({ service: null, kind: null });
  });

  it('should name the service but no kind when the suffix is unknown', () => {
    expect(identifyQueue('deskpilot.ingest.audit')).toEqual({ service: 'ingest', kind: null });
  });
});
