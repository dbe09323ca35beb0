import { parseArgs, suggest } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/errors';
import { messages } from '../../../src/cli/messages';
import { isoDate } from '../../../src/domain/dates';
import { STACK_LINE, kam } from './helpers';

const en = messages('en');

/** The English sentence of the usage error parseArgs throws. */
function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof CliError) return String(e.render(en));
    throw e;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('reads kpi options in any order, with = or a separate value', () => {
    const a = parseArgs(['kpi', '--json', '--as-of=2026-10-10', 'book.xlsx', '--period', '2026Q3', '--strict', '--lang', 'en']);
    expect(a).toMatchObject({ command: 'kpi', file: 'book.xlsx', json: true, strict: true, lang: 'en' });
    if (a.command !== 'kpi') throw new Error();
    expect(a.period.label).toBe('2026Q3');
    expect(isoDate(a.asOf!)).toBe('2026-10-10');
  });

  it('accepts the other date spellings of the workbook for --as-of', () => {
    const a = parseArgs(['validate', 'b.xlsx', '--as-of', '2026/7/1']);
    if (a.command !== 'validate') throw new Error();
    expect(isoDate(a.asOf!)).toBe('2026-07-01');
  });

  it('defaults init to no demo, seed 1, scale 1', () => {
    expect(parseArgs(['init', 'new.xlsx'])).toEqual({ command: 'init', file: 'new.xlsx', demo: false, seed: 1, scale: 1 });
    expect(parseArgs(['init', 'new.xlsx', '--demo', '--seed', '42', '--scale=10', '--lang', 'en'])).toMatchObject({ demo: true, seed: 42, scale: 10, lang: 'en' });
  });

  it('knows help and version in every spelling', () => {
    for (const a of [['--help'], ['-h'], ['help'], ['help', 'kpi'], ['kpi', '--help'], ['validate', 'x.xlsx', '-h']]) {
      expect(parseArgs(a)).toEqual({ command: 'help' });
    }
    for (const a of [['--version'], ['-V'], ['version']]) expect(parseArgs(a)).toEqual({ command: 'version' });
  });

  it('takes --lang before the command', () => {
    expect(parseArgs(['--lang', 'en', 'validate', 'b.xlsx'])).toMatchObject({ command: 'validate', lang: 'en' });
  });

  it('treats everything after -- as a file name', () => {
    expect(parseArgs(['validate', '--', '--odd-name.xlsx'])).toMatchObject({ file: '--odd-name.xlsx' });
  });

  it.each([
    [['kpi', 'b.xlsx', '--period', '2026Q3', '--foo'], /unknown option --foo for 'kam kpi'/],
    [['kpi', 'b.xlsx', '--perod', '2026Q3'], /unknown option --perod .*did you mean --period/],
    [['kpi', 'b.xlsx', '-x', '--period', '2026Q3'], /unknown option -x/],
    [['validate', 'b.xlsx', '--strict'], /unknown option --strict for 'kam validate'/],
    [['kpi', 'b.xlsx', '--period'], /option --period needs a value, e\.g\. --period 2026Q3/],
    [['kpi', 'b.xlsx', '--period', '--json'], /option --period needs a value/],
    [['kpi', 'b.xlsx', '--period='], /option --period needs a value/],
    [['kpi', 'b.xlsx'], /missing --period/],
    [['kpi', 'b.xlsx', '--period', '2026Q5'], /--period: '2026Q5' is not a period; write a year 2026, a quarter 2026Q3 or a month 2026-07/],
    [['kpi', 'b.xlsx', '--period', '2026-13'], /--period: '2026-13' is not a period/],
    [['validate', 'b.xlsx', '--period', 'Q3'], /--period: 'Q3' is not a period/],
    [['kpi', 'b.xlsx', '--period', '2026Q3', '--as-of', '2026-02-30'], /--as-of: '2026-02-30' is not a date/],
    [['kpi', 'b.xlsx', '--period', '2026Q3', '--as-of', 'tomorrow'], /--as-of: 'tomorrow' is not a date/],
    [['kpi', 'b.xlsx', '--period', '2026Q3', '--as-of', '46000'], /--as-of: '46000' is not a date/],
    [['validate', 'b.xlsx', '--lang', 'fr'], /--lang: 'fr' is not a language; use zh or en/],
    [['init', 'n.xlsx', '--demo', '--seed', 'abc'], /--seed: 'abc' is not a whole number/],
    [['init', 'n.xlsx', '--demo', '--seed', '1.5'], /--seed: '1.5' is not a whole number/],
    [['init', 'n.xlsx', '--demo', '--scale', '0'], /--scale: '0' is not a whole number from 1 to 1000/],
    [['init', 'n.xlsx', '--demo', '--scale', '1001'], /--scale: '1001'/],
    [['init', 'n.xlsx', '--seed', '3'], /--seed only applies to demo data: add --demo/],
    [['init', 'n.xlsx', '--demo=yes'], /option --demo takes no value/],
    [['kpi', 'b.xlsx', '--period', '2026Q3', '--json', '--json'], /option --json is given more than once/],
    [['validate'], /missing the workbook: kam validate FILE/],
    [['validate', 'a.xlsx', 'b.xlsx'], /unexpected argument 'b\.xlsx'/],
    [['valdate', 'a.xlsx'], /unknown command 'valdate' \(did you mean 'validate'\?\)/],
    [['--period', '2026Q3'], /unknown option --period/],
    [[], /no command given/],
  ])('%j → %s', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('suggests only near words', () => {
    expect(suggest('kpis', ['init', 'validate', 'kpi'])).toBe('kpi');
    expect(suggest('report', ['init', 'validate', 'kpi'])).toBeUndefined();
  });
});

describe('kam usage errors', () => {
  it('prints one line naming the option, a hint, exit status 2, no stack', async () => {
    const r = await kam(['kpi', 'book.xlsx', '--period', '2026Q3', '--bogus', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("kam: unknown option --bogus for 'kam kpi'.\nRun 'kam --help' for usage.\n");
  });

  it('names a bad period in Chinese', async () => {
    const r = await kam(['kpi', 'book.xlsx', '--period', '2026Q9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period：“2026Q9”不是有效的期间');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('shows the usage after an unknown command', async () => {
    const r = await kam(['frobnicate', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kam: unknown command 'frobnicate'.");
    expect(r.stderr).toContain('kam kpi FILE --period P');
  });

  it('prints the usage on stderr, exit status 2, without a command', async () => {
    const r = await kam([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
  });

  it('prints help on stdout, exit status 0', async () => {
    const zh = await kam(['--help']);
    expect(zh).toMatchObject({ code: 0, stderr: '' });
    expect(zh.stdout).toContain('kam validate 文件');
    const en = await kam(['help', '--lang', 'en']);
    expect(en.stdout).toContain('kam validate FILE [--json]');
    const sub = await kam(['kpi', '--help'], { LANG: 'en_US.UTF-8' });
    expect(sub.stdout).toContain('Usage:');
  });

  it('prints the package version', async () => {
    const r = await kam(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kam \d+\.\d+\.\d+\n$/);
  });
});
