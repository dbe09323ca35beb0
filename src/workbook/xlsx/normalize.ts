import JSZip from 'jszip';

const ABSOLUTE_TARGET = /Target="\/xl\//g;

/**
 * Some writers (openpyxl among them) give worksheet relationships absolute targets
 * (`/xl/tables/table1.xml`); ExcelJS only resolves relative ones and then fails on every table
 * (exceljs issue #1468). Rewriting them relative to the worksheet folder is equivalent.
 */
export async function normalizePackage(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  const rels = zip.file(/^xl\/worksheets\/_rels\/[^/]+\.rels$/);
  for (const file of rels) {
    const xml = await file.async('string');
    if (!ABSOLUTE_TARGET.test(xml)) continue;
    zip.file(file.name, xml.replace(ABSOLUTE_TARGET, 'Target="../'));
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : data;
}
