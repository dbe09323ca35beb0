/**
 * What `kam kpi --write` stores, read by an independent spreadsheet program: LibreOffice opens
 * the written workbook, exports every sheet to CSV, and the KPI结果 values are the engine's
 * (`kam kpi --json`). LibreOffice also saves the workbook again as .xlsx: the tables it found
 * cover exactly the rows written (the tables expanded), and the input sheets read the same.
 *
 * Needs soffice: `npx jest -c jest.interop.config.js test/interop/outputs`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readBook } from '../../src/domain/book';
import { serialFromUtc } from '../../src/domain/dates';
import { KpiReport, computeKpis } from '../../src/domain/kpi';
import { parsePeriod } from '../../src/domain/periods';
import { INPUT_TABLES } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';
import { appendRows } from '../../src/workbook/operations';
import { saveAtomically, xlsxPort } from '../../src/workbook/xlsx/port';
import { loadWorkbook, readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { writeKpisToFile } from '../../src/cli/writeKpis';
import { parseCsv } from '../helpers/csv';

const FIXTURE = join(__dirname, '../fixtures/example-2025Q4.xlsx');
const AS_OF = serialFromUtc(2026, 1, 10);
/** UTF-8, comma, quoted text, raw values (not as shown), every sheet to FILE-Sheet.csv. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const work = mkdtempSync(join(tmpdir(), 'kam-interop-outputs-'));
const profile = `file://${join(work, 'lo-profile')}`;
afterAll(() => rmSync(work, { recursive: true, force: true }));

function soffice(args: string[]): void {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, ...args], { stdio: 'pipe', timeout: 120_000 });
}

/** Every sheet of the workbook as CSV rows, by sheet name. */
function csvSheets(file: string): Record<string, string[][]> {
  const out = join(work, `csv-${basename(file, '.xlsx')}-${Date.now()}`);
  mkdirSync(out);
  soffice(['--convert-to', CSV_FILTER, '--outdir', out, file]);
  const prefix = `${basename(file, '.xlsx')}-`;
  const sheets: Record<string, string[][]> = {};
  for (const f of readdirSync(out)) sheets[f.slice(prefix.length, -'.csv'.length)] = parseCsv(readFileSync(join(out, f), 'utf8'));
  return sheets;
}


/** A CSV cell as the engine's value: blank → null, else a number. */
const num = (s: string): number | null => (s === '' ? null : Number(s));

function expectClose(actual: number | null, expected: number | null, where: string): void {
  if (expected === null) {
    expect({ where, actual }).toEqual({ where, actual: null });
    return;
  }
  expect(actual).not.toBeNull();
  // LibreOffice writes 15 significant digits.
  expect({ where, close: Math.abs(actual! - expected) <= 1e-12 * Math.max(1, Math.abs(expected)) }).toEqual({ where, close: true });
}

async function reportOf(file: string, period: string): Promise<KpiReport> {
  const read = readBook(await readXlsxSnapshot(file));
  validate(read, { asOf: AS_OF });
  return computeKpis(read.book, parsePeriod(period)!, AS_OF);
}

describe('outputs written by kam kpi --write, read by LibreOffice', () => {
  let file: string;
  let before: Record<string, string[][]>;
  let after: Record<string, string[][]>;
  let report: KpiReport;

  beforeAll(async () => {
    file = join(work, 'example.xlsx');
    copyFileSync(FIXTURE, file);
    before = csvSheets(file);
    report = await reportOf(file, '2025Q4');
    expect((await writeKpisToFile(file, '2025Q4', AS_OF)).kind).toBe('written');
    after = csvSheets(file);
  });

  it('exports the three output sheets besides the input sheets', () => {
    expect(Object.keys(after).sort()).toEqual([...INPUT_TABLES.map((t) => t.sheet.zh), 'KPI结果', '考核汇总', '商机漏斗'].sort());
  });

  it('reads in KPI结果 the values of kam kpi --json', () => {
    const [headers, ...rows] = after['KPI结果'];
    expect(headers).toEqual(['期间', '员工编号', '姓名', '岗位', '指标代码', '指标', '分子', '分母', '值', '目标', '权重', '得分']);
    const col = (h: string) => headers.indexOf(h);
    // The JSON the CLI prints: the report through JSON.
    const json = JSON.parse(JSON.stringify(report)) as KpiReport;
    for (const r of json.results) {
      const matches = rows.filter((x) => x[col('员工编号')] === (r.staffId ?? '') && x[col('指标代码')] === r.kpi);
      expect(matches).toHaveLength(1);
      const [row] = matches;
      expect(row[col('期间')]).toBe('2025Q4');
      expectClose(num(row[col('分子')]), r.numerator, `${r.staffId} ${r.kpi} numerator`);
      expectClose(num(row[col('分母')]), r.denominator, `${r.staffId} ${r.kpi} denominator`);
      expectClose(num(row[col('值')]), r.value, `${r.staffId} ${r.kpi} value`);
    }
    for (const s of json.scores) {
      for (const it of s.items) {
        const row = rows.find((x) => x[col('员工编号')] === s.staffId && x[col('指标代码')] === it.kpi)!;
        expectClose(num(row[col('目标')]), it.target, `${s.staffId} ${it.kpi} target`);
        expectClose(num(row[col('权重')]), it.weight, `${s.staffId} ${it.kpi} weight`);
        expectClose(num(row[col('得分')]), it.score, `${s.staffId} ${it.kpi} score`);
      }
    }
  });

  it('reads the totals in 考核汇总 and the funnel in 商机漏斗', () => {
    const [headers, ...rows] = after['考核汇总'];
    const at = (h: string) => headers.indexOf(h);
    expect(rows.map((r) => r[at('员工编号')])).toEqual(report.scores.map((s) => s.staffId));
    report.scores.forEach((s, i) => {
      expectClose(num(rows[i][at('综合得分')]), s.total, `${s.staffId} total`);
      expect(rows[i][at('考核结果')]).toBe(s.total === null ? '' : s.warning ? '警告' : '合格');
    });
    const [, ...funnel] = after['商机漏斗'];
    expect(funnel.map((r) => [r[1], num(r[4]), num(r[5]), num(r[6])])).toEqual(
      report.pipeline.map((p) => [p.staffId ?? '', p.count, p.expectedAmount, p.weightedAmount]),
    );
  });

  it('reads every input sheet exactly as before the write', () => {
    for (const def of INPUT_TABLES) expect({ sheet: def.sheet.zh, rows: after[def.sheet.zh] }).toEqual({ sheet: def.sheet.zh, rows: before[def.sheet.zh] });
  });

  it('finds the tables where they were written, grown by appended rows; text that looks like a formula stays text', async () => {
    // Another period, and a row appended to an input table of the openpyxl workbook.
    expect((await writeKpisToFile(file, '2025', AS_OF)).kind).toBe('written');
    const wb = await loadWorkbook(file);
    const appended = await appendRows(
      xlsxPort(wb),
      'Customers',
      [{ customerId: 'C99', name: '=1+1', ownerId: 'S01', status: '潜在', createdOn: AS_OF, notes: '@note', address: '-1' }],
      { asOf: AS_OF },
    );
    expect(appended).toMatchObject({ kind: 'appended' });
    await saveAtomically(wb, file);

    const resaved = join(work, 'resaved');
    mkdirSync(resaved);
    soffice(['--convert-to', 'xlsx', '--outdir', resaved, file]);
    const again = await loadWorkbook(join(resaved, 'example.xlsx'));
    const refs: Record<string, string> = {};
    for (const ws of again.worksheets) {
      for (const t of ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]) refs[t.table.name] = t.table.tableRef;
    }
    const year = await reportOf(file, '2025');
    const kpiRows = report.results.length + 4 + year.results.length + 4; // + the clerk's four Assessments items each
    expect(refs.KpiResults).toBe(`A1:L${1 + kpiRows}`);
    expect(refs.Pipeline).toBe(`A1:G${1 + report.pipeline.length + year.pipeline.length}`);
    const customers = (await readXlsxSnapshot(FIXTURE)).tables.Customers!;
    expect(refs.Customers).toMatch(new RegExp(`:[A-Z]+${customers.rows.length + 2}$`));

    const csv = csvSheets(file)['客户档案'];
    const last = csv[customers.rows.length + 1];
    expect(last[0]).toBe('C99');
    expect(last[1]).toBe('=1+1');
    expect(last).toContain('@note');
    expect(last).toContain('-1');
  });
});
