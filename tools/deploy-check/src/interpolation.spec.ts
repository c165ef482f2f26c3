import { scanInterpolation } from './interpolation';

describe(scanInterpolation.name, () => {
  const sut = scanInterpolation;

  it('should read required, defaulted and bare references when they are well formed', () => {
    const scan = sut('postgres://u:${PASSWORD:?set it}@db:${PORT:-5432}/$DB');

    expect(scan.errors).toEqual([]);
    expect(scan.references).toEqual([
      { name: 'PASSWORD', operator: ':?', argument: 'set it' },
      { name: 'PORT', operator: ':-', argument: '5432' },
      { name: 'DB', operator: '', argument: '' },
    ]);
  });

  it('should treat a doubled dollar as a literal when it is escaped', () => {
    expect(sut('cost: $$5 and $${NOT_A_VAR}')).toEqual({ references: [], errors: [] });
  });

  it('should report an error when a reference is malformed', () => {
    const scan = sut('${UNCLOSED and ${1BAD}');

    expect(scan.references).toEqual([]);
    expect(scan.errors).toHaveLength(2);
  });
});
