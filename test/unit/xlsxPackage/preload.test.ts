/**
 * readSnapshotAsync (XlsxPackage.preload) reads the input sheets with Node's zlib off the main thread (what `kam`
 * does): the same snapshot as the ordinary fflate read, the same limits, and a lying part is
 * still damaged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LimitError, PackageError } from '../../../src/workbook/xlsx/package/limits';
import { nodeInflate } from '../../../src/workbook/xlsx/package/nodeInflate';
import { XlsxPackage } from '../../../src/workbook/xlsx/package/package';
import { readSnapshot, readSnapshotAsync } from '../../../src/workbook/xlsx/package/readTables';
import { ZipEntry, readZip, writeZip } from '../../../src/workbook/xlsx/package/zip';
import { DEFAULT_LIMITS } from '../../../src/workbook/xlsx/package/limits';

const CORPUS = join(__dirname, '../../fixtures/corpus');
const FIXTURE = join(__dirname, '../../fixtures/example-2025Q4.xlsx');
const files = [FIXTURE, ...readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)).map((f) => join(CORPUS, f))];

const preloaded = async (data: Uint8Array, limits = DEFAULT_LIMITS) => readSnapshotAsync(XlsxPackage.open(data, limits), nodeInflate);

/** The file with one part's deflated bytes and declared size replaced. */
function withEntry(data: Uint8Array, name: string, change: (e: ZipEntry) => ZipEntry): Uint8Array {
  const items = readZip(data, DEFAULT_LIMITS).map((e) => ({ kind: 'copy' as const, entry: e.name === name ? change(e) : e }));
  return Buffer.concat(writeZip(items));
}

describe('preload with Node’s zlib', () => {
  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s: the same snapshot as the ordinary read', async (_name, file) => {
    const data = readFileSync(file);
    const ordinary = readSnapshot(XlsxPackage.open(data));
    expect(await preloaded(data)).toEqual(ordinary);
  });

  it('a part that inflates past its declared size is damaged, as in the ordinary read', async () => {
    const data = readFileSync(FIXTURE);
    const lying = withEntry(data, 'xl/worksheets/sheet3.xml', (e) => ({ ...e, size: 100 }));
    await expect(preloaded(lying)).rejects.toThrow(PackageError);
    await expect(preloaded(lying)).rejects.toThrow(/more than its declared 100 bytes/);
  });

  it('bytes that are not deflate are damaged, never a crash', async () => {
    const data = readFileSync(FIXTURE);
    const noise = withEntry(data, 'xl/worksheets/sheet3.xml', (e) => ({ ...e, raw: new Uint8Array(e.raw.length).fill(0xff) }));
    await expect(preloaded(noise)).rejects.toThrow(PackageError);
  });

  it('the read’s total cap counts what preload inflates', async () => {
    const data = readFileSync(FIXTURE);
    // Room for what opening reads (workbook, rels, tables) and the largest sheet, not for all sheets.
    const opened = XlsxPackage.open(data).budget.used;
    const sheets = readZip(data, DEFAULT_LIMITS).filter((e) => /worksheets\/sheet\d+\.xml$/.test(e.name));
    const cap = { ...DEFAULT_LIMITS, maxTotalBytes: opened + Math.max(...sheets.map((e) => e.size)) + 1 };
    expect(() => XlsxPackage.open(data, cap)).not.toThrow();
    await expect(preloaded(data, cap)).rejects.toThrow(LimitError);
  });
});
