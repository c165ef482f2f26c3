import { withDeadline } from './with-deadline';

describe(withDeadline.name, () => {
  it('should answer what the work answers in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1_000)).resolves.toBe(7);
  });

  it('should pass on the failure of the work', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow(
      'refused',
    );
  });

  it('should give up on work that takes longer than the deadline', async () => {
    const late = new Promise<number>((resolve) => {
      setTimeout(() => {
        resolve(7);
      }, 200);
    });

    await expect(withDeadline(late, 20)).rejects.toThrow('no answer within 20 ms');
  });
});
