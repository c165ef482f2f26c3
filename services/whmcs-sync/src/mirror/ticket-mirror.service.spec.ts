import { listedStatus, listingSignature } from './ticket-mirror.service';

describe(listedStatus.name, () => {
  it.each(['Open', 'Customer-Reply', 'In Progress', ''])(
    'should give back the status %p a signature was made with',
    (status) => {
      expect(listedStatus(listingSignature(status, '2025-03-04 10:15:00'))).toBe(status);
    },
  );
});
