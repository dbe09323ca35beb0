/**
 * The format and page-setup proxies of the simulated Excel API (src/workbook/excel/api.ts):
 * Range.format with its font, fill and borders, RangeAreas (several blocks formatted as one),
 * and Worksheet.pageLayout with its headers and footers. As everywhere in the simulator, a write
 * reaches the workbook only at sync, and a property is readable only after load + sync.
 */
import type {
  XlBorderIndex,
  XlHeaderFooter,
  XlHeaderFooterGroup,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeBorder,
  XlRangeBorderCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
} from '../../workbook/excel/api';
import { Rect, formatAddress, parseAddress } from './address';
import type { Execution } from './context';
import { SimError } from './errors';
import { BorderIndex, BorderProperty, FormatKey, borderOf, checkBorderIndex, formatOf, setBorder, setFormat } from './formats';
import type { SimSheet } from './model';
import { Scalars, SimObject } from './object';
import { HEADER_FOOTER_KEYS, HeaderFooterKey, PageLayoutKey, checkTitleRows, pageLayoutValue, setHeaderFooter, setPageLayout } from './pageLayout';

/** What a format proxy acts on: one block (a Range) or several (RangeAreas) of a sheet. */
export interface FormatTarget {
  sheet: SimSheet;
  rects: Rect[];
}

/** The common value over the blocks, or null when they differ. */
function common<T>(rects: readonly Rect[], read: (r: Rect) => T | null): T | null {
  let first: T | null | undefined;
  for (const rect of rects) {
    const v = read(rect);
    if (v === null) return null;
    if (first === undefined) first = v;
    else if (v !== first) return null;
  }
  return first ?? null;
}

/** A range or areas given as an argument: its blocks, at sync. */
function blocksOf(arg: unknown, context: unknown, exec: Execution): FormatTarget {
  if (!(arg instanceof SimObject) || arg.context !== context) throw new SimError('InvalidRequestContext');
  const target = arg._require(exec) as { sheet: SimSheet; rect?: Rect; rects?: Rect[] };
  return { sheet: target.sheet, rects: target.rects ?? [target.rect!] };
}

// ---------------------------------------------------------------------------------------------
// Range.format

export class SimRangeFormat extends SimObject<FormatTarget> implements XlRangeFormat {
  private _font?: SimRangeFont;
  private _fill?: SimRangeFill;
  private _borders?: SimRangeBorderCollection;

  protected get _typeName() {
    return 'RangeFormat';
  }
  protected _scalars(): Scalars<FormatTarget> {
    return {
      columnWidth: (t, exec) => common(t.rects, (r) => exec.wb.columnWidth(t.sheet, r)),
      rowHeight: (t, exec) => common(t.rects, (r) => exec.wb.rowHeight(t.sheet, r)),
      horizontalAlignment: (t) => formatOf(t.sheet, t.rects, 'horizontalAlignment'),
      verticalAlignment: (t) => formatOf(t.sheet, t.rects, 'verticalAlignment'),
      wrapText: (t) => formatOf(t.sheet, t.rects, 'wrapText'),
      indentLevel: (t) => formatOf(t.sheet, t.rects, 'indentLevel'),
    };
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { font: this.font, fill: this.fill } as Record<string, SimObject<unknown>>;
  }

  private _format(key: FormatKey & keyof SimRangeFormat, v: unknown): void {
    this._set(key, v, (t, sent) => setFormat(t.sheet, t.rects, key, sent));
  }

  /** Points, as in Excel (not characters). */
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(points: number) {
    this._set('columnWidth', points, (t, sent, exec) => t.rects.forEach((r) => exec.wb.setColumnWidth(t.sheet, r, sent)));
  }
  /** Points. */
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(points: number) {
    this._set('rowHeight', points, (t, sent, exec) => t.rects.forEach((r) => exec.wb.setRowHeight(t.sheet, r, sent)));
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this._format('horizontalAlignment', v);
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this._format('verticalAlignment', v);
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._format('wrapText', v);
  }
  get indentLevel(): number {
    return this._get('indentLevel');
  }
  set indentLevel(v: number) {
    this._format('indentLevel', v);
  }

  get font(): SimRangeFont {
    return (this._font ??= new SimRangeFont(this.context, `${this._path}.font`, this._child(`${this._path}.font`, (_e, t) => t)));
  }
  get fill(): SimRangeFill {
    return (this._fill ??= new SimRangeFill(this.context, `${this._path}.fill`, this._child(`${this._path}.fill`, (_e, t) => t)));
  }
  get borders(): SimRangeBorderCollection {
    return (this._borders ??= new SimRangeBorderCollection(this.context, `${this._path}.borders`, this._child(`${this._path}.borders`, (_e, t) => t)));
  }
}

export class SimRangeFont extends SimObject<FormatTarget> implements XlRangeFont {
  protected get _typeName() {
    return 'RangeFont';
  }
  protected _scalars(): Scalars<FormatTarget> {
    return {
      name: (t) => formatOf(t.sheet, t.rects, 'font.name'),
      size: (t) => formatOf(t.sheet, t.rects, 'font.size'),
      bold: (t) => formatOf(t.sheet, t.rects, 'font.bold'),
      italic: (t) => formatOf(t.sheet, t.rects, 'font.italic'),
    };
  }
  private _font(name: 'name' | 'size' | 'bold' | 'italic', v: unknown): void {
    this._set(name, v, (t, sent) => setFormat(t.sheet, t.rects, `font.${name}`, sent));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._font('name', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._font('size', v);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._font('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._font('italic', v);
  }
}

export class SimRangeFill extends SimObject<FormatTarget> implements XlRangeFill {
  protected get _typeName() {
    return 'RangeFill';
  }
  protected _scalars(): Scalars<FormatTarget> {
    return { color: (t) => formatOf(t.sheet, t.rects, 'fill.color') };
  }
  /** `#RRGGBB`; a cell without fill reads as white (#FFFFFF), as in Excel. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (t, sent) => setFormat(t.sheet, t.rects, 'fill.color', sent));
  }
}

interface BorderTarget extends FormatTarget {
  index: BorderIndex;
}

export class SimRangeBorderCollection extends SimObject<FormatTarget> implements XlRangeBorderCollection {
  protected get _typeName() {
    return 'RangeBorderCollection';
  }
  protected _scalars(): Scalars<FormatTarget> {
    return {};
  }
  getItem(index: XlBorderIndex): SimRangeBorder {
    const path = `${this._path}.getItem(${JSON.stringify(index)})`;
    return new SimRangeBorder(this.context, path, this._child(path, (_e, t) => ({ ...t, index: checkBorderIndex(index) })));
  }
}

export class SimRangeBorder extends SimObject<BorderTarget> implements XlRangeBorder {
  protected get _typeName() {
    return 'RangeBorder';
  }
  protected _scalars(): Scalars<BorderTarget> {
    return {
      sideIndex: (t) => t.index,
      style: (t) => borderOf(t.sheet, t.rects, t.index, 'style'),
      weight: (t) => borderOf(t.sheet, t.rects, t.index, 'weight'),
      color: (t) => borderOf(t.sheet, t.rects, t.index, 'color'),
    };
  }
  private _line(property: BorderProperty, v: unknown): void {
    this._set(property, v, (t, sent) => setBorder(t.sheet, t.rects, t.index, property, sent));
  }
  get style(): Excel.RangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this._line('style', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this._get('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this._line('weight', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._line('color', v);
  }
}

// ---------------------------------------------------------------------------------------------
// RangeAreas

/**
 * How long an address `getRanges` takes: Excel documents no limit, but refuses some addresses of
 * about 8,200 characters (office-js issue #5198); the simulator refuses anything longer.
 */
export const MAX_AREAS_ADDRESS = 8192;

/** `'A1:B2, D4'` (or `Sheet!A1,…`) → the blocks, on `sheet`. */
export function parseAreas(address: string, sheet: SimSheet): Rect[] {
  if (address.length > MAX_AREAS_ADDRESS) throw SimError.invalidArgument(`an address of ${address.length} characters`);
  const parts = address.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw SimError.invalidArgument(`'${address}' is not a valid address`);
  return parts.map((part) => {
    const parsed = parseAddress(part);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw SimError.invalidArgument(`'${part}' is not on worksheet '${sheet.name}'`);
    return parsed.rect;
  });
}

export class SimRangeAreas extends SimObject<FormatTarget> implements XlRangeAreas {
  private _format?: SimRangeFormat;

  protected get _typeName() {
    return 'RangeAreas';
  }
  protected _scalars(): Scalars<FormatTarget> {
    return {
      address: (t) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(','),
      areaCount: (t) => t.rects.length,
    };
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { format: this.format } as Record<string, SimObject<unknown>>;
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get format(): SimRangeFormat {
    return (this._format ??= new SimRangeFormat(this.context, `${this._path}.format`, this._child(`${this._path}.format`, (_e, t) => t)));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet.pageLayout

export class SimPageLayout extends SimObject<SimSheet> implements XlPageLayout {
  private _headersFooters?: SimHeaderFooterGroup;

  protected get _typeName() {
    return 'PageLayout';
  }
  protected _scalars(): Scalars<SimSheet> {
    const keys: PageLayoutKey[] = ['orientation', 'paperSize', 'zoom', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'centerHorizontally', 'centerVertically'];
    return Object.fromEntries(keys.map((k) => [k, (s: SimSheet) => pageLayoutValue(s.pageLayout, k)]));
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { headersFooters: this.headersFooters } as Record<string, SimObject<unknown>>;
  }
  private _layout(key: PageLayoutKey, v: unknown): void {
    this._set(key, v, (s, sent) => setPageLayout(s.pageLayout, key, sent));
  }

  get orientation(): Excel.PageLayout['orientation'] {
    return this._get('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this._layout('orientation', v);
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this._get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this._layout('paperSize', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._layout('zoom', v);
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._layout('centerHorizontally', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._layout('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._layout('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._layout('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._layout('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this._layout('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this._layout('footerMargin', v);
  }

  get headersFooters(): SimHeaderFooterGroup {
    return (this._headersFooters ??= new SimHeaderFooterGroup(this.context, `${this._path}.headersFooters`, this._child(`${this._path}.headersFooters`, (_e, s) => s)));
  }

  /** The one block printed: an address on this sheet (`A1:L40`) or a range of it. */
  setPrintArea(printArea: XlRange | XlRangeAreas | string): void {
    const json = typeof printArea === 'string' ? printArea : { range: (printArea as unknown as SimObject<unknown>)._path };
    this._call('setPrintArea', [json], (sheet, _args, exec) => {
      const blocks = typeof printArea === 'string' ? { sheet, rects: parseAreas(printArea, sheet) } : blocksOf(printArea, this.context, exec);
      if (blocks.sheet !== sheet) throw SimError.invalidArgument('the print area is not on this worksheet');
      if (blocks.rects.length !== 1) throw new SimError('NotImplemented', 'a print area of several blocks');
      sheet.pageLayout.printArea = { ...blocks.rects[0] };
    });
  }

  /** The rows repeated at the top of every printed page: whole rows (`$1:$3`). */
  setPrintTitleRows(printTitleRows: XlRange | string): void {
    const json = typeof printTitleRows === 'string' ? printTitleRows : { range: (printTitleRows as unknown as SimObject<unknown>)._path };
    this._call('setPrintTitleRows', [json], (sheet, _args, exec) => {
      const blocks = typeof printTitleRows === 'string' ? { sheet, rects: parseAreas(printTitleRows, sheet) } : blocksOf(printTitleRows, this.context, exec);
      if (blocks.sheet !== sheet || blocks.rects.length !== 1) throw SimError.invalidArgument('print title rows are one block of whole rows of this worksheet');
      sheet.pageLayout.printTitleRows = checkTitleRows(blocks.rects[0]);
    });
  }
}

export class SimHeaderFooterGroup extends SimObject<SimSheet> implements XlHeaderFooterGroup {
  private _default?: SimHeaderFooter;

  protected get _typeName() {
    return 'HeaderFooterGroup';
  }
  protected _scalars(): Scalars<SimSheet> {
    return {};
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { defaultForAllPages: this.defaultForAllPages } as Record<string, SimObject<unknown>>;
  }
  get defaultForAllPages(): SimHeaderFooter {
    return (this._default ??= new SimHeaderFooter(this.context, `${this._path}.defaultForAllPages`, this._child(`${this._path}.defaultForAllPages`, (_e, s) => s)));
  }
}

/** Header and footer sections, in Excel's codes (`&P` page, `&N` pages, `&D` date…). */
export class SimHeaderFooter extends SimObject<SimSheet> implements XlHeaderFooter {
  protected get _typeName() {
    return 'HeaderFooter';
  }
  protected _scalars(): Scalars<SimSheet> {
    return Object.fromEntries(HEADER_FOOTER_KEYS.map((k) => [k, (s: SimSheet) => s.pageLayout.headersFooters[k]]));
  }
  private _section(key: HeaderFooterKey, v: unknown): void {
    this._set(key, v, (s, sent) => setHeaderFooter(s.pageLayout, key, sent));
  }
  get leftHeader(): string {
    return this._get('leftHeader');
  }
  set leftHeader(v: string) {
    this._section('leftHeader', v);
  }
  get centerHeader(): string {
    return this._get('centerHeader');
  }
  set centerHeader(v: string) {
    this._section('centerHeader', v);
  }
  get rightHeader(): string {
    return this._get('rightHeader');
  }
  set rightHeader(v: string) {
    this._section('rightHeader', v);
  }
  get leftFooter(): string {
    return this._get('leftFooter');
  }
  set leftFooter(v: string) {
    this._section('leftFooter', v);
  }
  get centerFooter(): string {
    return this._get('centerFooter');
  }
  set centerFooter(v: string) {
    this._section('centerFooter', v);
  }
  get rightFooter(): string {
    return this._get('rightFooter');
  }
  set rightFooter(v: string) {
    this._section('rightFooter', v);
  }
}
