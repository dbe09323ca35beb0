import type JSZipType from 'jszip';

const ABSOLUTE_TARGET = /Target="\/xl\//g;
const TABLE_START = /<table\b[^>]*>/;

/**
 * Mends what ExcelJS cannot read in other writers' files, in the package itself:
 * - worksheet relationships with absolute targets (`/xl/tables/table1.xml`, openpyxl): ExcelJS
 *   only resolves relative ones and then fails on every table (exceljs issue #1468);
 * - tables without `headerRowCount`: the format's default is 1 (Excel leaves it out), but
 *   ExcelJS reads a missing attribute as "no header row".
 */
export async function normalizePackage(data: Buffer): Promise<Buffer>;
/** The same in a browser (the preview host opening an .xlsx from disk). */
export async function normalizePackage(data: ArrayBuffer): Promise<ArrayBuffer>;
export async function normalizePackage(data: Buffer | ArrayBuffer): Promise<Buffer | ArrayBuffer> {
  // Loaded when used: the package layer's entry (./index) exports this without making every
  // host that reads a workbook load JSZip.
  const m = (await import('jszip')) as unknown as { default?: typeof JSZipType } & typeof JSZipType;
  const JSZip = m.default ?? m;
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  const rewrite = async (pattern: RegExp, mend: (xml: string) => string) => {
    for (const file of zip.file(pattern)) {
      const xml = await file.async('string');
      const mended = mend(xml);
      if (mended === xml) continue;
      zip.file(file.name, mended);
      changed = true;
    }
  };
  await rewrite(/^xl\/worksheets\/_rels\/[^/]+\.rels$/, (xml) => xml.replace(ABSOLUTE_TARGET, 'Target="../'));
  await rewrite(/^xl\/tables\/[^/]+\.xml$/, (xml) =>
    xml.replace(TABLE_START, (tag) => (/\sheaderRowCount=/.test(tag) ? tag : tag.replace(/^<table\b/, '<table headerRowCount="1"'))),
  );
  if (!changed) return data;
  return data instanceof ArrayBuffer ? zip.generateAsync({ type: 'arraybuffer' }) : zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
