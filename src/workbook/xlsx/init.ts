/**
 * `kam init`: a new workbook with every input table of SPEC §2, each a real Excel table
 * (ListObject, TableStyleMedium2) on its own sheet, with dropdowns on enum and yes/no columns
 * (over the data and VALIDATION_ROOM rows below), number formats, column widths and a frozen
 * header row; Settings and ScoringScheme filled with the defaults; with `demo`, the demo
 * department (src/domain/demo.ts). Written atomically: a temp file in the same folder, renamed.
 *
 * Why the package is written here part by part instead of through ExcelJS's workbook model:
 * at scale 100 (~250,000 rows, ~2 million cells) ExcelJS's in-memory writer took 84 s and
 * 2.7 GB, and its streaming writer, 28 s, cannot write tables at all; writing the parts
 * directly takes ~4 s and ~360 MB. The parts follow what ExcelJS itself writes (same part
 * names, relationships, table and style layout) and the Office theme is the one ExcelJS ships,
 * taken from a workbook it writes. Dates are their serials with a date format, which is what
 * ExcelJS writes for a JS Date. ExcelJS reads these files back (read.ts) and LibreOffice opens
 * and re-saves them (test/interop/libreoffice.test.ts).
 *
 * An empty table keeps one blank data row (an Excel table needs one); every reader skips it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { Serial } from '../../domain/dates';
import { DemoCell, DemoRow, Lang, demoRows, schemeRows, settingsRows } from '../../domain/demo';
import { ColumnDef, INPUT_TABLES, InputTableDef } from '../../domain/tables';
import { VALIDATION_ROOM, columnWidth, dropdownOf, numFmtOf } from '../operations/columnFormats';
import { columnLetters } from '../../domain/columnLetters';
import { writePieces } from './package/file';
import { escapeXml } from './package/xml';
import { ZipEntry, crc32, writeZip as layOutZip } from './package/zip';
import { replaceFileAt } from './package/safeFile';

export interface NewWorkbookOptions {
  lang: Lang;
  /** Fill the data tables with the demo department (src/domain/demo.ts). */
  demo: boolean;
  seed: number;
  scale: number;
  /** The demo's last day (Excel serial). */
  asOf: Serial;
}

export const TABLE_STYLE = 'TableStyleMedium2';

/** The table rows of a new workbook: Settings and ScoringScheme always, the data tables with demo. */
export function newWorkbookRows(options: NewWorkbookOptions): Record<string, DemoRow[]> {
  const rows: Record<string, DemoRow[]> = options.demo
    ? { ...demoRows({ seed: options.seed, scale: options.scale, asOf: options.asOf, lang: options.lang }) }
    : {};
  rows.Settings = settingsRows(options.lang);
  rows.ScoringScheme = schemeRows(options.lang);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Columns: widths, formats and dropdowns are the operations' (operations/columnFormats.ts), so
// that `kam init` and the add-in's Set up workbook make the same tables.

const DROPDOWN_MESSAGES = {
  zh: { title: '请从列表中选择', error: (words: string[]) => `请输入以下之一：${words.join('、')}` },
  en: { title: 'Choose from the list', error: (words: string[]) => `Enter one of: ${words.join(', ')}` },
};

// ---------------------------------------------------------------------------------------------
// XML

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = {
  officeDocument: `${NS_REL}/officeDocument`,
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: `${NS_REL}/extended-properties`,
  styles: `${NS_REL}/styles`,
  theme: `${NS_REL}/theme`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  worksheet: `${NS_REL}/worksheet`,
  table: `${NS_REL}/table`,
};
const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};

function relationships(rels: { id: string; type: string; target: string }[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('')}</Relationships>`;
}

/** Shared strings: every distinct text once; cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;

  ref(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      const e = escapeXml(text);
      this.items.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${e}</t></si>` : `<si><t>${e}</t></si>`);
    }
    return i;
  }

  xml(): string {
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Built-in number formats (ECMA-376 §18.8.30) and ids from 164 for the others. */
const BUILTIN_NUMFMTS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** One cell format (cellXfs entry) per number format; 0 is the default. */
class Styles {
  private readonly xfByFormat = new Map<string, number>([['General', 0]]);
  private readonly custom: { id: number; code: string }[] = [];
  private readonly xfs: number[] = [0];

  xf(numFmt: string): number {
    let xf = this.xfByFormat.get(numFmt);
    if (xf === undefined) {
      let id = BUILTIN_NUMFMTS[numFmt];
      if (id === undefined) {
        id = 164 + this.custom.length;
        this.custom.push({ id, code: numFmt });
      }
      xf = this.xfs.length;
      this.xfs.push(id);
      this.xfByFormat.set(numFmt, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = this.custom.length
      ? `<numFmts count="${this.custom.length}">${this.custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('')}</numFmts>`
      : '';
    const xfs = this.xfs
      .map((id, i) => (i === 0 ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' : `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`))
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="${TABLE_STYLE}" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

/**
 * A large XML text built piece by piece, turned into UTF-8 every 64 K characters: the many
 * small strings of the cells die young instead of piling up until one huge join (at scale 100
 * that pile made the garbage collector the biggest cost of writing).
 */
class XmlChunks {
  private pending = '';
  private readonly done: Buffer[] = [];

  push(...parts: string[]): void {
    for (const p of parts) this.pending += p;
    if (this.pending.length > 65536) this.flush();
  }

  private flush(): void {
    this.done.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }

  buffer(): Buffer {
    this.flush();
    return Buffer.concat(this.done);
  }
}

interface SheetPart {
  name: string;
  xml: Buffer;
  tableXml: string;
}

/** One input table: its sheet (header row, data rows, columns, frozen pane, dropdowns) and its ListObject. */
function tableSheet(def: InputTableDef, id: number, rows: readonly DemoRow[], lang: Lang, strings: SharedStrings, styles: Styles): SheetPart {
  const columns = def.columns as readonly ColumnDef[];
  const letters = columns.map((_, i) => columnLetters(i + 1));
  const lastLetter = letters[letters.length - 1];
  const xfs = columns.map((c) => styles.xf(numFmtOf(c)));
  // An Excel table needs a data row: an empty table keeps one blank row, which every reader skips.
  const lastRow = 1 + Math.max(rows.length, 1);
  const ref = `A1:${lastLetter}${lastRow}`;

  const out = new XmlChunks();
  out.push(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    `<dimension ref="${ref}"/>`,
    '<sheetViews><sheetView workbookViewId="0"' + (id === 1 ? ' tabSelected="1"' : '') + '>',
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>',
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>',
    '<cols>',
    ...columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c, c[lang])}" style="${xfs[i]}" customWidth="1"/>`),
    '</cols><sheetData>',
    `<row r="1">${columns.map((c, i) => `<c r="${letters[i]}1" t="s"><v>${strings.ref(c[lang])}</v></c>`).join('')}</row>`,
  );
  const keys = columns.map((c) => c.key);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const n = r + 2;
    let cells = '';
    for (let i = 0; i < keys.length; i++) {
      const v: DemoCell | undefined = row[keys[i]];
      if (v === null || v === undefined || v === '') continue;
      const at = `${letters[i]}${n}`;
      const s = xfs[i] ? ` s="${xfs[i]}"` : '';
      if (typeof v === 'number') {
        if (Number.isFinite(v)) cells += `<c r="${at}"${s}><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') cells += `<c r="${at}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      // Text is always a shared string, never a formula, whatever it starts with (SPEC §4).
      else cells += `<c r="${at}"${s} t="s"><v>${strings.ref(v)}</v></c>`;
    }
    if (cells) out.push(`<row r="${n}">${cells}</row>`);
  }
  out.push('</sheetData>');

  const lastValidated = lastRow + VALIDATION_ROOM;
  const validations: string[] = [];
  columns.forEach((c, i) => {
    const dropdown = dropdownOf(def, c, lang);
    if (!dropdown) return;
    const m = DROPDOWN_MESSAGES[lang];
    // A warning, not a stop: the reader takes the other language's word too (SPEC §2).
    const error = dropdown.strict ? ` showErrorMessage="1" errorStyle="warning" errorTitle="${escapeXml(m.title)}" error="${escapeXml(m.error(dropdown.words))}"` : '';
    validations.push(
      `<dataValidation type="list" allowBlank="1"${error} sqref="${letters[i]}2:${letters[i]}${lastValidated}">` +
        `<formula1>${escapeXml(`"${dropdown.words.join(',')}"`)}</formula1></dataValidation>`,
    );
  });
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push('<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>');

  const tableXml =
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${def.name}" displayName="${def.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">` +
    columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c[lang])}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

  return { name: def.sheet[lang], xml: out.buffer(), tableXml };
}

let officeTheme: Promise<string> | null = null;

/** The Office theme ExcelJS writes into its workbooks (the table style's colours come from it). */
function theme(): Promise<string> {
  officeTheme ??= (async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const file = zip.file('xl/theme/theme1.xml');
    if (!file) throw new Error('ExcelJS wrote no theme');
    return file.async('string');
  })();
  return officeTheme;
}

/** The parts of the .xlsx package, each being compressed (off the main thread) as soon as it is made. */
async function buildPackage(lang: Lang, rows: Readonly<Record<string, readonly DemoRow[]>>, now: Date): Promise<PendingEntry[]> {
  const strings = new SharedStrings();
  const styles = new Styles();
  const zip = new ZipParts();
  const sheets = INPUT_TABLES.map((def, i) => {
    const sheet = tableSheet(def, i + 1, rows[def.name] ?? [], lang, strings, styles);
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml);
    return { name: sheet.name, tableXml: sheet.tableXml };
  });

  zip.file(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT_TYPE.worksheet}"/>`).join('') +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${CONTENT_TYPE.theme}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPE.sharedStrings}"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CONTENT_TYPE.table}"/>`).join('') +
      `<Override PartName="/docProps/core.xml" ContentType="${CONTENT_TYPE.core}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPE.app}"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    relationships([
      { id: 'rId1', type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' },
      { id: 'rId2', type: REL_TYPE.coreProperties, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL_TYPE.extendedProperties, target: 'docProps/app.xml' },
    ]),
  );
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  zip.file(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>KAM for Excel</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>KAM for Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr defaultThemeVersion="164011"/>` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews><sheets>' +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`).join('') +
      '</sheets><calcPr calcId="171027"/></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    relationships([
      { id: 'rId1', type: REL_TYPE.styles, target: 'styles.xml' },
      { id: 'rId2', type: REL_TYPE.theme, target: 'theme/theme1.xml' },
      { id: 'rId3', type: REL_TYPE.sharedStrings, target: 'sharedStrings.xml' },
      ...sheets.map((_, i) => ({ id: `rId${i + 4}`, type: REL_TYPE.worksheet, target: `worksheets/sheet${i + 1}.xml` })),
    ]),
  );
  zip.file('xl/theme/theme1.xml', await theme());
  zip.file('xl/styles.xml', styles.xml());
  zip.file('xl/sharedStrings.xml', strings.xml());
  sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationships([{ id: 'rId1', type: REL_TYPE.table, target: `../tables/table${i + 1}.xml` }]));
    zip.file(`xl/tables/table${i + 1}.xml`, s.tableXml);
  });
  return zip.entries;
}

// ---------------------------------------------------------------------------------------------
// Zip: the parts deflated by Node's zlib (native, off the main thread), laid out by the package
// layer's zip writer

const deflateRaw = promisify(zlib.deflateRaw);

/** CRC-32 of the zip format: zlib's (Node ≥ 20.15, native), else the package layer's. */
function checksum(data: Buffer): number {
  const native = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return native ? native(data) >>> 0 : crc32(data);
}

interface PendingEntry {
  name: string;
  /** Resolves to the entry, deflated. */
  data: Promise<ZipEntry>;
}

class ZipParts {
  readonly entries: PendingEntry[] = [];

  file(name: string, content: string | Buffer): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const crc = checksum(data);
    const deflated = deflateRaw(data, { level: 6 }).then((raw): ZipEntry => ({ name, method: 8, crc, size: data.length, raw }));
    // Awaited in writeZip; until then a failure must not surface as an unhandled rejection.
    deflated.catch(() => undefined);
    this.entries.push({ name, data: deflated });
  }
}

async function writeZip(path: string, entries: PendingEntry[], now: Date): Promise<void> {
  const items = await Promise.all(entries.map(async (e) => ({ kind: 'copy' as const, entry: await e.data })));
  const handle = await open(path, 'r+');
  try {
    await writePieces(handle, layOutZip(items, now));
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a file through a temp file in the same folder, then renames it over the target: the
 * target is either absent (or the old file) or the complete new one, never half written. On
 * failure the temp file is removed and the error passed on. The safety of every save
 * (package/safeFile.ts): the temp is created before `write` is called, empty, with the target's
 * owner and mode (a new file's: 0o666 less the umask), so `write` opens it with 'r+' or 'w',
 * never 'wx'; a symlink stays a link to the replaced file; SIGINT/SIGTERM/SIGHUP remove the
 * temp; a full disk is a DiskFullError.
 */
export async function writeAtomically(path: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  await replaceFileAt(path, write);
}

/**
 * A workbook with every input table (SPEC §2) holding the given rows (keyed by table name, then
 * column key; values as they go into the cells, dates as serials); absent tables are empty.
 * Text is always written as text, never as a formula.
 */
export async function writeTableWorkbook(path: string, lang: Lang, rows: Readonly<Record<string, readonly DemoRow[]>>): Promise<void> {
  const entries = await buildPackage(lang, rows, new Date());
  await writeAtomically(path, (temp) => writeZip(temp, entries, new Date()));
}

/** `kam init`: a new workbook with every table, the default settings and scoring scheme, and with `demo` the demo department. */
export async function writeNewWorkbook(path: string, options: NewWorkbookOptions): Promise<void> {
  await writeTableWorkbook(path, options.lang, newWorkbookRows(options));
}
