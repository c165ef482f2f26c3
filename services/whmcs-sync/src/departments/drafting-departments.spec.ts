import { draftsIn } from './drafting-departments.service';

describe(draftsIn.name, () => {
  it('should draft every department when none are named', () => {
    expect(draftsIn(undefined, '3', 'Abuse Desk')).toBe(true);
  });

  it('should draft a department named by id or by its name in any case', () => {
    const drafted = ['1', 'billing'];

    expect(draftsIn(drafted, '1', 'Technical Support')).toBe(true);
    expect(draftsIn(drafted, '2', 'Billing')).toBe(true);
    expect(draftsIn(drafted, '3', 'Abuse Desk')).toBe(false);
  });

  it('should draft no department when the choice is empty', () => {
    expect(draftsIn([], '1', 'Technical Support')).toBe(false);
  });
});
