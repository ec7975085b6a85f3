import { isValidDate, parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('reads paths and options in any order, with = or a separate value', () => {
    expect(
      parseArgs([
        'check',
        'a.yaml',
        '--format=json',
        'dir',
        '--min-level',
        'l2',
        '--as-of',
        '2026-02-28',
      ]),
    ).toEqual({
      command: 'check',
      options: {
        paths: ['a.yaml', 'dir'],
        format: 'json',
        minLevel: 'L2',
        asOf: '2026-02-28',
        exclude: [],
      },
    });
  });

  it('collects every --exclude, in order', () => {
    expect(
      parseArgs([
        'check',
        'catalog',
        '--exclude',
        'templates/**',
        '--exclude=**/skeleton/**',
      ]),
    ).toEqual({
      command: 'check',
      options: {
        paths: ['catalog'],
        format: 'table',
        exclude: ['templates/**', '**/skeleton/**'],
      },
    });
  });

  it('takes everything after -- as a path, and - as stdin', () => {
    expect(parseArgs(['check', '-', '--', '--odd-name.yaml'])).toEqual({
      command: 'check',
      options: {
        paths: ['-', '--odd-name.yaml'],
        format: 'table',
        exclude: [],
      },
    });
  });

  it('answers --help and --version anywhere', () => {
    expect(parseArgs(['check', 'x', '--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-V'])).toEqual({ command: 'version' });
  });

  it.each([
    [
      ['check', '--format', 'json', '--format', 'table'],
      'option --format was given more than once',
    ],
    [['check', '--entity', '--format'], 'option --entity needs a value'],
    [['check', '--entity='], '--entity needs a non-empty entity reference'],
    [['check', '--config='], '--config needs a file path'],
    [['check', '--exclude', '--format'], 'option --exclude needs a value'],
    [['check', '--exclude='], '--exclude needs a glob, such as "templates/**"'],
    [['check', '-x'], 'unknown option "-x"'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(new UsageError(message));
  });
});

describe('isValidDate', () => {
  it('accepts only real calendar dates', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate('2026-01-01T00:00:00Z')).toBe(false);
  });
});
