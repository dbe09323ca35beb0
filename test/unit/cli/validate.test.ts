import { join } from 'node:path';
import { FIXTURE, STACK_LINE, kam, sha, tempDir, writeVariant } from './helpers';

describe('kam validate', () => {
  const before = sha(FIXTURE);
  afterAll(() => expect(sha(FIXTURE)).toBe(before));

  it('prints the findings as JSON with exactly the keys of SPEC §6; exit status 1 on errors', async () => {
    const r = await kam(['validate', FIXTURE, '--json', '--as-of', '2026-01-10']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['findings']);
    for (const f of json.findings) expect(Object.keys(f)).toEqual(['table', 'row', 'column', 'code', 'severity', 'message']);
    // C08's phone, on Excel row 9 of 客户档案 (SPEC §6's example shape).
    const phone = json.findings.find((f) => f.code === 'phone');
    expect(phone).toMatchObject({ table: 'Customers', row: 9, column: '联系电话', severity: 'error' });
    expect(phone!.message).toMatch(/客户档案 第9行「联系电话」/);
  });

  it('writes the JSON messages in English with --lang en', async () => {
    const r = await kam(['validate', FIXTURE, '--json', '--as-of', '2026-01-10', '--lang', 'en']);
    const json = JSON.parse(r.stdout) as { findings: { code: string; message: string }[] };
    const phone = json.findings.find((f) => f.code === 'phone')!;
    expect(phone.message).toMatch(/row 9, "联系电话"/);
    expect(phone.message).not.toMatch(/[行]/);
  });

  it('prints a readable list grouped by table with a summary line', async () => {
    const r = await kam(['validate', FIXTURE, '--as-of', '2026-01-10', '--period', '2025Q4']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('客户档案（Customers）\n  错误  客户档案 第9行「联系电话」');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^共 1 个错误，\d+ 个警告。$/);
    const en = await kam(['validate', FIXTURE, '--as-of', '2026-01-10', '--period', '2025Q4', '--lang', 'en']);
    expect(en.stdout).toMatch(/\n1 error, \d+ warnings?\.\n$/);
    expect(en.stdout).toContain('  error    客户档案 row 9');
  });

  it('exits 0 on a workbook with warnings only', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'clean.xlsx');
      // Mend C08's phone: no error left.
      await writeVariant(file, { lang: 'zh', tables: true, edit: (t, k, _r, v) => (t === 'Customers' && k === 'phone' && v === '110' ? '13800138000' : v) });
      const r = await kam(['validate', file, '--as-of', '2026-01-10', '--lang', 'en']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/0 errors/);
      expect(r.code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('never prints a stack trace', async () => {
    const r = await kam(['validate', FIXTURE, '--as-of', '2026-01-10']);
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
  });
});
