/**
 * An .xlsx (or .xlsm) as the package it is: a zip of parts, of which the add-in reads a few and
 * owns fewer. Opening reads only the small parts that say where things are (the workbook, its
 * relationships, the sheets' relationships and table parts); sheets, shared strings and styles
 * are read when asked for. Edits are staged part by part; `zipItems` then gives every part
 * that was not edited as the very bytes it was read from.
 */
import { SharedStringsScanner } from './sharedStrings';
import { SheetCells, SheetScanner } from './sheetScan';
import { StylesPart } from './styles';
import { DEFAULT_LIMITS, LimitError, Limits, PackageError } from './limits';
import { Relationship, isType, parseRelationships, relsPathOf } from './opc';
import { attributes, findTags, prefixedAttribute } from './xml';
import { InflateBudget, InflateStream, ZipEntry, ZipItem, inflateString, inflateText, inflateTextAsync, readZip } from './zip';

/** A range's corners, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetInfo {
  name: string;
  /** The worksheet part, or null for a chart sheet / dialog sheet (no cells). */
  part: string | null;
  sheetId: number;
  relId: string;
}

export interface TableInfo {
  /** The name Excel shows (displayName), as formulas and Office.js know it. */
  name: string;
  part: string;
  sheet: SheetInfo;
  ref: Box;
  headerRowCount: number;
  totalsRowCount: number;
  id: number;
}

/** `A1:T9` → corners; a single cell `B2` → a one-cell box. */
export function decodeRange(ref: string): Box {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) throw new PackageError('xml', '', `bad range ${ref}`);
  const top = +m[2];
  const left = columnNumber(m[1]);
  return { top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? columnNumber(m[3]) : left };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Parts up to this size keep their text once read (bytes). */
const SMALL_PART = 1 << 20;

export class XlsxPackage {
  readonly budget: InflateBudget;
  private readonly byName = new Map<string, ZipEntry>();
  /** Staged new contents of parts, by lower-cased name (new parts too). */
  private readonly staged = new Map<string, { name: string; data: string | Uint8Array }>();
  private readonly cellsCache = new Map<string, SheetCells>();
  private readonly smallTexts = new Map<string, string>();
  private stylesPart: StylesPart | null = null;
  private strings: readonly string[] | null | undefined;

  readonly workbookPart: string;
  readonly sheets: SheetInfo[] = [];
  readonly tables: TableInfo[] = [];
  readonly date1904: boolean;

  private constructor(
    readonly entries: readonly ZipEntry[],
    readonly limits: Limits,
  ) {
    this.budget = new InflateBudget(limits);
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
    const root = this.has('_rels/.rels') ? parseRelationships(this.text('_rels/.rels'), '') : [];
    const office = root.find((r) => isType(r, 'officeDocument') && !r.external);
    this.workbookPart = office?.part ?? 'xl/workbook.xml';
    if (!this.has(this.workbookPart)) throw new PackageError('noWorkbook', this.workbookPart);
    const workbook = this.text(this.workbookPart);
    const pr = findTags(workbook, 'workbookPr')[0];
    const d1904 = pr ? attributes(pr.tag).date1904 : undefined;
    this.date1904 = d1904 === '1' || d1904 === 'true';
    const rels = this.relationships(this.workbookPart);
    for (const { tag } of findTags(workbook, 'sheet')) {
      const a = attributes(tag);
      const relId = prefixedAttribute(a, 'id') ?? '';
      const rel = rels.find((r) => r.id === relId);
      const part = rel && isType(rel, 'worksheet') && this.has(rel.part) ? rel.part : null;
      this.sheets.push({ name: a.name ?? '', part, sheetId: Number(a.sheetId) || 0, relId });
    }
    for (const sheet of this.sheets) if (sheet.part) this.readTables(sheet);
  }

  /** Opens a package from its bytes; throws PackageError or LimitError, never allocates past the limits. */
  static open(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): XlsxPackage {
    return new XlsxPackage(readZip(data, limits), limits);
  }

  private readTables(sheet: SheetInfo): void {
    for (const rel of this.relationships(sheet.part!)) {
      if (!isType(rel, 'table') || rel.external || !this.has(rel.part)) continue;
      const tag = findTags(this.text(rel.part), 'table')[0];
      if (!tag) continue;
      const a = attributes(tag.tag);
      this.tables.push({
        name: a.displayName ?? a.name ?? '',
        part: rel.part,
        sheet,
        ref: decodeRange(a.ref ?? 'A1'),
        // The format's defaults: Excel leaves out headerRowCount="1" and totalsRowCount="0".
        headerRowCount: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
        totalsRowCount: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
        id: Number(a.id) || 0,
      });
    }
  }

  has(part: string): boolean {
    const key = part.toLowerCase();
    return this.staged.has(key) || this.byName.has(key);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  /**
   * A part's text (staged contents first). Small parts (the workbook, relationships, content
   * types) are asked for by many steps and inflated once; sheets are read with sheetCells.
   */
  text(part: string): string {
    const key = part.toLowerCase();
    const staged = this.staged.get(key);
    if (staged) return typeof staged.data === 'string' ? staged.data : new TextDecoder().decode(staged.data);
    const entry = this.entry(part);
    if (!entry) throw new PackageError('missingPart', part);
    const cached = this.smallTexts.get(key);
    if (cached !== undefined) return cached;
    const text = inflateString(entry, this.budget);
    if (entry.size <= SMALL_PART) this.smallTexts.set(key, text);
    return text;
  }

  /**
   * The beginning of a part, up to and including `marker` (a worksheet's views before its
   * `<sheetData`): what a check of a sheet's view costs, whatever the size of its data.
   */
  head(part: string, marker: string): string {
    const staged = this.staged.get(part.toLowerCase());
    if (staged) return this.text(part);
    const entry = this.entry(part);
    if (!entry) throw new PackageError('missingPart', part);
    let text = '';
    const stop = {};
    try {
      inflateText(entry, new InflateBudget(this.limits), (t) => {
        text += t;
        if (text.includes(marker)) throw stop;
      });
    } catch (e) {
      if (e !== stop) throw e;
    }
    return text;
  }

  relationships(part: string): Relationship[] {
    const rels = relsPathOf(part);
    return this.has(rels) ? parseRelationships(this.text(rels), part) : [];
  }

  /** Stages new contents for a part (a new part when the package has none of that name). */
  set(part: string, data: string | Uint8Array): void {
    const key = part.toLowerCase();
    const name = this.entry(part)?.name ?? this.staged.get(key)?.name ?? part;
    this.staged.set(key, { name, data });
    this.cellsCache.delete(key);
  }

  /** The workbook's styles, read once (and written back by the caller when changed). */
  styles(): StylesPart {
    if (!this.stylesPart) {
      const rel = this.relationships(this.workbookPart).find((r) => isType(r, 'styles') && !r.external);
      this.stylesPart = StylesPart.parse(rel && this.has(rel.part) ? this.text(rel.part) : '');
    }
    return this.stylesPart;
  }

  stylesPartName(): string | null {
    return this.relationships(this.workbookPart).find((r) => isType(r, 'styles') && !r.external)?.part ?? null;
  }

  private sharedStringsEntry(): ZipEntry | undefined {
    const rel = this.relationships(this.workbookPart).find((r) => isType(r, 'sharedStrings') && !r.external);
    return rel ? this.entry(rel.part) : undefined;
  }

  /** The shared string table; null when the package has none. */
  sharedStrings(): readonly string[] | null {
    if (this.strings === undefined) {
      const entry = this.sharedStringsEntry();
      if (!entry) this.strings = null;
      else {
        const scanner = new SharedStringsScanner(this.limits, entry.name);
        inflateText(entry, this.budget, (t) => scanner.push(t));
        this.strings = scanner.end();
      }
    }
    return this.strings;
  }

  /** The cells holding values on a worksheet, streamed from its part (read once). */
  sheetCells(sheet: SheetInfo): SheetCells {
    if (!sheet.part) return { rows: new Map(), maxRow: 0, maxCol: 0, errors: [], count: 0 };
    const key = sheet.part.toLowerCase();
    let cells = this.cellsCache.get(key);
    if (!cells) {
      const scanner = this.sheetScanner(sheet);
      try {
        const staged = this.staged.get(key);
        if (staged) scanner.push(typeof staged.data === 'string' ? staged.data : new TextDecoder().decode(staged.data));
        else inflateText(this.entry(sheet.part)!, this.budget, (t) => scanner.push(t));
        cells = scanner.end();
      } catch (e) {
        throw sheetRefusal(sheet, e);
      }
      this.cellsCache.set(key, cells);
    }
    return cells;
  }

  private sheetScanner(sheet: SheetInfo): SheetScanner {
    const styles = this.styles();
    return new SheetScanner({
      sharedStrings: this.sharedStrings(),
      isDateStyle: (s) => styles.isDateStyle(s),
      date1904: this.date1904,
      limits: this.limits,
      part: sheet.part!,
    });
  }

  /**
   * Reads the shared strings and these sheets as sharedStrings and sheetCells would, with their
   * parts inflated by `inflate` off the main thread: the next piece of a part inflates while
   * this one is scanned. Where it has nothing to add (a part already read, staged or stored),
   * the ordinary read is left to do it.
   */
  async preload(sheets: readonly SheetInfo[], inflate: InflateStream): Promise<void> {
    const strings = this.strings === undefined ? this.sharedStringsEntry() : undefined;
    if (strings) {
      const scanner = new SharedStringsScanner(this.limits, strings.name);
      await inflateTextAsync(strings, this.budget, (t) => scanner.push(t), inflate);
      this.strings = scanner.end();
    }
    for (const sheet of sheets) {
      const key = sheet.part?.toLowerCase();
      if (!key || this.cellsCache.has(key) || this.staged.has(key)) continue;
      const scanner = this.sheetScanner(sheet);
      try {
        await inflateTextAsync(this.entry(key)!, this.budget, (t) => scanner.push(t), inflate);
        this.cellsCache.set(key, scanner.end());
      } catch (e) {
        throw sheetRefusal(sheet, e);
      }
    }
  }

  /** Every part in the order read, edited ones with their new contents, then the new parts. */
  zipItems(): ZipItem[] {
    const encoder = new TextEncoder();
    const bytes = (d: string | Uint8Array) => (typeof d === 'string' ? encoder.encode(d) : d);
    const items: ZipItem[] = this.entries.map((entry) => {
      const staged = this.staged.get(entry.name.toLowerCase());
      return staged ? { kind: 'new', name: entry.name, data: bytes(staged.data) } : { kind: 'copy', entry };
    });
    for (const [key, s] of this.staged) if (!this.byName.has(key)) items.push({ kind: 'new', name: s.name, data: bytes(s.data) });
    return items;
  }
}

/** A refusal while reading a sheet names it as people see it (客户档案!T2), not by its part. */
function sheetRefusal(sheet: SheetInfo, e: unknown): unknown {
  if (e instanceof LimitError && (e.limit === 'cellText' || e.limit === 'cells') && e.where.startsWith(sheet.part!)) {
    return new LimitError(e.limit, sheet.name + e.where.slice(sheet.part!.length), e.actual, e.allowed);
  }
  return e;
}
