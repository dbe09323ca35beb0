/**
 * The proxies of the simulated Excel API: exactly the subset in src/workbook/excel/api.ts.
 * Each stands for an object reached by a path (`worksheets.getItem('X').getRange('A1')`); the
 * path is followed at every sync, and the object found stays fixed for the rest of that sync.
 */
import type {
  XlDataValidation,
  XlFreezePanes,
  XlRange,
  XlTable,
  XlTableCollection,
  XlTableRowCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../workbook/excel/api';
import { MAX_COLUMNS, MAX_ROWS, Rect, columnsOf, formatAddress, inGrid, parseAddress, rectOf, rowsOf } from './address';
import type { CommandResult, Execution, SimRequestContext } from './context';
import { SimError } from './errors';
import { SimPageLayout, SimRangeAreas, SimRangeFormat, parseAreas } from './formatProxies';
import type { SimSheet, SimTable as TableModel, SimWorkbook } from './model';
import { Resolver, Scalars, SimObject } from './object';

interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

const arg = (v: unknown) => JSON.stringify(v) ?? '';

function alive(exec: Execution, sheet: SimSheet): SimSheet {
  if (!exec.wb.hasSheet(sheet)) throw SimError.notFound(`worksheet '${sheet.name}' no longer exists`);
  return sheet;
}

function tableAlive(exec: Execution, table: TableModel): TableModel {
  if (!exec.wb.tables.includes(table)) throw SimError.notFound(`table '${table.name}' no longer exists`);
  return table;
}

// ---------------------------------------------------------------------------------------------
// Ranges

export class SimRange extends SimObject<RangeTarget> implements XlRange {
  private _format?: SimRangeFormat;
  private _validation?: SimDataValidation;
  private _worksheet?: SimWorksheet;

  protected get _typeName() {
    return 'Range';
  }

  protected _scalars(): Scalars<RangeTarget> {
    return {
      address: (t) => formatAddress(t.sheet.name, t.rect),
      addressLocal: (t) => formatAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.r0,
      columnIndex: (t) => t.rect.c0,
      rowCount: (t) => rowsOf(t.rect),
      columnCount: (t) => columnsOf(t.rect),
      cellCount: (t) => rowsOf(t.rect) * columnsOf(t.rect),
      values: (t, exec) => exec.wb.read(t.sheet, t.rect, 'values'),
      formulas: (t, exec) => exec.wb.read(t.sheet, t.rect, 'formulas'),
      numberFormat: (t, exec) => exec.wb.read(t.sheet, t.rect, 'numberFormat'),
    };
  }

  protected _navigation(): Record<string, SimObject<unknown>> {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet } as Record<string, SimObject<unknown>>;
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel types cell arrays as any[][]
  get values(): any[][] {
    return this._get('values');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this._set('values', v, (t, sent, exec) => exec.wb.write(t.sheet, t.rect, sent));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this._get('formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this._set('formulas', v, (t, sent, exec) => exec.wb.write(t.sheet, t.rect, sent));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this._set('numberFormat', v, (t, sent, exec) => exec.wb.setNumberFormat(t.sheet, t.rect, sent));
  }

  get format(): SimRangeFormat {
    return (this._format ??= new SimRangeFormat(this.context, `${this._path}.format`, this._child(`${this._path}.format`, (_e, t) => ({ sheet: t.sheet, rects: [t.rect] }))));
  }

  get dataValidation(): SimDataValidation {
    return (this._validation ??= new SimDataValidation(this.context, `${this._path}.dataValidation`, this._child(`${this._path}.dataValidation`, (_e, t) => t)));
  }

  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(this.context, `${this._path}.worksheet`, this._child(`${this._path}.worksheet`, (exec, t) => alive(exec, t.sheet))));
  }

  private _sub(name: string, args: unknown[], f: (r: Rect) => Rect): SimRange {
    const path = `${this._path}.${name}(${args.map(arg).join(', ')})`;
    return new SimRange(
      this.context,
      path,
      this._child(path, (_exec, t) => {
        const rect = f(t.rect);
        if (!inGrid(rect)) throw SimError.invalidArgument(`${name}(${args.map(arg).join(', ')}) leaves the grid or has no cells`);
        return { sheet: t.sheet, rect };
      }),
    );
  }

  getCell(row: number, column: number): SimRange {
    return this._sub('getCell', [row, column], (r) => rectOf(r.r0 + row, r.c0 + column, 1, 1));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._sub('getResizedRange', [deltaRows, deltaColumns], (r) => ({ ...r, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._sub('getOffsetRange', [rowOffset, columnOffset], (r) => ({ r0: r.r0 + rowOffset, r1: r.r1 + rowOffset, c0: r.c0 + columnOffset, c1: r.c1 + columnOffset }));
  }

  getRow(row: number): SimRange {
    return this._sub('getRow', [row], (r) => (row < 0 || row >= rowsOf(r) ? { ...r, r1: -1 } : { ...r, r0: r.r0 + row, r1: r.r0 + row }));
  }

  getColumn(column: number): SimRange {
    return this._sub('getColumn', [column], (r) => (column < 0 || column >= columnsOf(r) ? { ...r, c1: -1 } : { ...r, c0: r.c0 + column, c1: r.c0 + column }));
  }

  getLastRow(): SimRange {
    return this._sub('getLastRow', [], (r) => ({ ...r, r0: r.r1 }));
  }

  getLastColumn(): SimRange {
    return this._sub('getLastColumn', [], (r) => ({ ...r, c0: r.c1 }));
  }

  getRowsBelow(count = 1): SimRange {
    return this._sub('getRowsBelow', [count], (r) => ({ ...r, r0: r.r1 + 1, r1: r.r1 + count }));
  }

  getEntireColumn(): SimRange {
    return this._sub('getEntireColumn', [], (r) => ({ ...r, r0: 0, r1: MAX_ROWS - 1 }));
  }

  /** The used cells within this range; a null object when there are none. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const path = `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`;
    return new SimRange(
      this.context,
      path,
      this._child(path, (exec, t) => {
        const rect = exec.wb.usedRect(t.sheet, valuesOnly, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      }),
    )._instantiate();
  }

  delete(shift: 'Up' | 'Left'): void {
    this._call('delete', [shift], (t, [s], exec) => exec.wb.deleteCells(t.sheet, t.rect, String(s)));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._call('clear', [applyTo], (t, [a], exec) => exec.wb.clear(t.sheet, t.rect, String(a)));
  }

  select(): void {
    this._call('select', [], (t, _a, exec) => {
      exec.wb.activeSheet = t.sheet;
      t.sheet.selection = t.rect;
    });
  }

  merge(across = false): void {
    this._call('merge', [across], (t, [a], exec) => exec.wb.merge(t.sheet, t.rect, a === true));
  }
}

export class SimDataValidation extends SimObject<RangeTarget> implements XlDataValidation {
  protected get _typeName() {
    return 'DataValidation';
  }
  protected _scalars(): Scalars<RangeTarget> {
    return { rule: (t, exec) => exec.wb.validationOf(t.sheet, t.rect) };
  }
  get rule(): Excel.DataValidationRule {
    return this._get('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this._set('rule', rule, (t, sent, exec) => exec.wb.setValidation(t.sheet, t.rect, sent));
  }
  clear(): void {
    this._call('clear', [], (t, _a, exec) => exec.wb.clearValidation(t.sheet, t.rect));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class SimFreezePanes extends SimObject<SimSheet> implements XlFreezePanes {
  protected get _typeName() {
    return 'WorksheetFreezePanes';
  }
  protected _scalars(): Scalars<SimSheet> {
    return {};
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (sheet, [n]) => {
      if (typeof n !== 'number' || n < 0 || n >= MAX_ROWS) throw SimError.invalidArgument('freezeRows(count)');
      sheet.frozenRows = n;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

export class SimWorksheet extends SimObject<SimSheet> implements XlWorksheet {
  private _tables?: SimTableCollection;
  private _freezePanes?: SimFreezePanes;
  private _pageLayout?: SimPageLayout;

  protected get _typeName() {
    return 'Worksheet';
  }
  protected _scalars(): Scalars<SimSheet> {
    return {
      name: (s) => s.name,
      position: (s, exec) => exec.wb.sheets.indexOf(s),
      id: (s) => `{sheet:${s.name}}`,
      visibility: () => 'Visible',
      showGridlines: (s) => s.showGridlines,
    };
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { tables: this.tables, freezePanes: this.freezePanes, pageLayout: this.pageLayout } as Record<string, SimObject<unknown>>;
  }

  get name(): string {
    return this._get('name');
  }
  set name(name: string) {
    this._set('name', name, (s, sent, exec) => exec.wb.renameSheet(s, String(sent)));
  }
  get position(): number {
    return this._get('position');
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._set('showGridlines', v, (s, sent) => {
      if (typeof sent !== 'boolean') throw SimError.invalidArgument('showGridlines is true or false');
      s.showGridlines = sent;
    });
  }

  get pageLayout(): SimPageLayout {
    return (this._pageLayout ??= new SimPageLayout(this.context, `${this._path}.pageLayout`, this._child(`${this._path}.pageLayout`, (_e, s) => s)));
  }

  /** Several blocks of this sheet as one object: `'A1:B2, D4'`. */
  getRanges(address?: string): SimRangeAreas {
    const path = `${this._path}.getRanges(${address === undefined ? '' : arg(address)})`;
    return new SimRangeAreas(
      this.context,
      path,
      this._child(path, (_exec, sheet) => {
        if (address === undefined) throw new SimError('NotImplemented', 'getRanges() without an address (the selection)');
        return { sheet, rects: parseAreas(address, sheet) };
      }),
    );
  }

  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this.context, `${this._path}.tables`, this._child(`${this._path}.tables`, (exec, s) => ({ wb: exec.wb, sheet: s }))));
  }

  get freezePanes(): SimFreezePanes {
    return (this._freezePanes ??= new SimFreezePanes(this.context, `${this._path}.freezePanes`, this._child(`${this._path}.freezePanes`, (_e, s) => s)));
  }

  getRange(address?: string): SimRange {
    const path = `${this._path}.getRange(${address === undefined ? '' : arg(address)})`;
    return new SimRange(
      this.context,
      path,
      this._child(path, (_exec, sheet) => {
        if (address === undefined) return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
        const parsed = parseAddress(address);
        if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
          throw SimError.invalidArgument(`'${address}' is not on worksheet '${sheet.name}'`);
        }
        return { sheet, rect: parsed.rect };
      }),
    );
  }

  /** Excel: a blank sheet's used range is A1. */
  getUsedRange(valuesOnly = false): SimRange {
    const path = `${this._path}.getUsedRange(${valuesOnly})`;
    return new SimRange(this.context, path, this._child(path, (exec, sheet) => ({ sheet, rect: exec.wb.usedRect(sheet, valuesOnly) ?? rectOf(0, 0, 1, 1) })));
  }

  /** A null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const path = `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`;
    return new SimRange(
      this.context,
      path,
      this._child(path, (exec, sheet) => {
        const rect = exec.wb.usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      }),
    )._instantiate();
  }

  activate(): void {
    this._call('activate', [], (s, _a, exec) => (exec.wb.activeSheet = s));
  }

  delete(): void {
    this._call('delete', [], (s, _a, exec) => exec.wb.deleteSheet(s));
  }
}

/** `items` of a collection: item proxies bound to the objects found at sync. */
abstract class SimCollection<T, Item, P extends SimObject<Item>> extends SimObject<T> {
  protected abstract _list(target: T, exec: Execution): Item[];
  protected abstract _item(item: Item, index: number): P;

  get items(): P[] {
    return this._get('items');
  }

  /**
   * Collection loads: its own scalars (`count`), and `items` — `'items/name'`, or `'name'` alone,
   * which Office.js applies to the items; `'items'` or nothing loads every scalar of the items.
   */
  _collect(paths: string[], exec: Execution): CommandResult {
    const own = new Set(Object.keys(this._scalars()));
    const mine = paths.filter((p) => own.has(p));
    const rest = paths.filter((p) => !own.has(p));
    const base = super._collect(mine, exec);
    if (base.json === null || (paths.length > 0 && rest.length === 0)) return base;
    const itemPaths = rest.map((p) => (p === 'items' ? '' : p.startsWith('items/') ? p.slice(6) : p)).filter(Boolean);
    const proxies = this._list(this._resolve(exec)!, exec).map((item, i) => this._item(item, i));
    const results = proxies.map((p) => p._collect(itemPaths, exec));
    return {
      json: { ...(base.json as object), items: results.map((r) => r.json) },
      deliver: () => {
        base.deliver();
        this._setLoaded('items', proxies);
        for (const r of results) r.deliver();
      },
    };
  }
}

export class SimWorksheetCollection extends SimCollection<SimWorkbook, SimSheet, SimWorksheet> implements XlWorksheetCollection {
  protected get _typeName() {
    return 'WorksheetCollection';
  }
  protected _scalars(): Scalars<SimWorkbook> {
    return {};
  }
  protected _list(wb: SimWorkbook): SimSheet[] {
    return [...wb.sheets];
  }
  protected _item(sheet: SimSheet, index: number): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}.items[${index}]`, (exec) => alive(exec, sheet));
  }

  getItem(key: string): SimWorksheet {
    const path = `${this._path}.getItem(${arg(key)})`;
    return new SimWorksheet(this.context, path, this._child(path, (_exec, wb) => wb.requireSheet(key)));
  }

  getItemOrNullObject(key: string): SimWorksheet {
    const path = `${this._path}.getItemOrNullObject(${arg(key)})`;
    return new SimWorksheet(this.context, path, this._child(path, (_exec, wb) => wb.sheet(key) ?? null))._instantiate();
  }

  /** A new sheet at the end of the tabs; it does not become the active sheet. */
  add(name?: string): SimWorksheet {
    let created: SimSheet | undefined;
    const path = `${this._path}.add(${name === undefined ? '' : arg(name)})`;
    this._call('add', name === undefined ? [] : [name], (wb, [n]) => {
      created = wb.addSheet(n === undefined ? undefined : String(n));
    });
    return new SimWorksheet(this.context, path, (exec) => {
      if (!created) throw new SimError('InvalidObjectPath', path);
      return alive(exec, created);
    });
  }

  getActiveWorksheet(): SimWorksheet {
    const path = `${this._path}.getActiveWorksheet()`;
    return new SimWorksheet(
      this.context,
      path,
      this._child(path, (_exec, wb) => {
        if (!wb.activeSheet) throw SimError.notFound('no active worksheet');
        return wb.activeSheet;
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class SimTableRowCollection extends SimObject<TableModel> implements XlTableRowCollection {
  protected get _typeName() {
    return 'TableRowCollection';
  }
  protected _scalars(): Scalars<TableModel> {
    return { count: (t) => rowsOf(t.bodyRect()) };
  }
  get count(): number {
    return this._get('count');
  }

  /** Rows at the end of the table (index null or -1); inserting in the middle is not modelled. */
  add(index?: number | null, values?: (string | number | boolean)[][]): void {
    this._call('add', [index ?? null, values ?? null], (t, [at, rows], exec) => {
      if (at !== null && at !== -1) throw new SimError('NotImplemented', 'TableRowCollection.add at an index');
      exec.wb.addTableRows(t, rows);
    });
  }
}

export class SimTable extends SimObject<TableModel> implements XlTable {
  private _worksheet?: SimWorksheet;
  private _rows?: SimTableRowCollection;

  protected get _typeName() {
    return 'Table';
  }
  protected _scalars(): Scalars<TableModel> {
    return {
      name: (t) => t.name,
      id: (t) => String(t.id),
      showHeaders: (t) => t.showHeaders,
      showTotals: (t) => t.showTotals,
      style: (t) => t.style,
    };
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { worksheet: this.worksheet, rows: this.rows } as Record<string, SimObject<unknown>>;
  }

  get name(): string {
    return this._get('name');
  }
  set name(name: string) {
    this._set('name', name, (t, sent, exec) => exec.wb.renameTable(t, String(sent)));
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showHeaders(_v: boolean) {
    throw new SimError('NotImplemented', 'setting Table.showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(_v: boolean) {
    throw new SimError('NotImplemented', 'setting Table.showTotals');
  }
  get style(): string {
    return this._get('style');
  }
  set style(style: string) {
    this._set('style', style, (t, sent) => (t.style = String(sent)));
  }

  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(this.context, `${this._path}.worksheet`, this._child(`${this._path}.worksheet`, (exec, t) => alive(exec, t.sheet))));
  }

  get rows(): SimTableRowCollection {
    return (this._rows ??= new SimTableRowCollection(this.context, `${this._path}.rows`, this._child(`${this._path}.rows`, (_e, t) => t)));
  }

  private _range(name: string, f: (t: TableModel) => Rect | null): SimRange {
    const path = `${this._path}.${name}()`;
    return new SimRange(
      this.context,
      path,
      this._child(path, (_exec, t) => {
        const rect = f(t);
        if (!rect) throw SimError.notFound(`${name}: table '${t.name}' has no such row`);
        return { sheet: t.sheet, rect };
      }),
    );
  }

  getRange(): SimRange {
    return this._range('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._range('getHeaderRowRange', (t) => t.headerRect());
  }
  getDataBodyRange(): SimRange {
    return this._range('getDataBodyRange', (t) => t.bodyRect());
  }

  /** Deletes the table and what it holds (Excel's Table.delete; convertToRange would keep it). */
  delete(): void {
    this._call('delete', [], (t, _a, exec) => {
      exec.wb.clear(t.sheet, t.rect, 'All');
      exec.wb.tables.splice(exec.wb.tables.indexOf(t), 1);
    });
  }
}

interface TablesTarget {
  wb: SimWorkbook;
  /** null: the workbook's collection. */
  sheet: SimSheet | null;
}

export class SimTableCollection extends SimCollection<TablesTarget, TableModel, SimTable> implements XlTableCollection {
  protected get _typeName() {
    return 'TableCollection';
  }
  protected _scalars(): Scalars<TablesTarget> {
    return { count: (t) => this._list(t).length };
  }
  protected _list(t: TablesTarget): TableModel[] {
    return t.sheet ? t.wb.tablesOn(t.sheet) : [...t.wb.tables];
  }
  protected _item(table: TableModel, index: number): SimTable {
    return new SimTable(this.context, `${this._path}.items[${index}]`, (exec) => tableAlive(exec, table));
  }

  get count(): number {
    return this._get('count');
  }

  private _find(t: TablesTarget, key: string): TableModel | null {
    const table = t.wb.table(key);
    return table && (!t.sheet || table.sheet === t.sheet) ? table : null;
  }

  getItem(key: string): SimTable {
    const path = `${this._path}.getItem(${arg(key)})`;
    return new SimTable(
      this.context,
      path,
      this._child(path, (_exec, t) => {
        const table = this._find(t, key);
        if (!table) throw SimError.notFound(`table '${key}'`);
        return table;
      }),
    );
  }

  getItemOrNullObject(key: string): SimTable {
    const path = `${this._path}.getItemOrNullObject(${arg(key)})`;
    return new SimTable(this.context, path, this._child(path, (_exec, t) => this._find(t, key)))._instantiate();
  }

  /**
   * `add('A1:C4', true)` or `add(range, true)`. A string without a sheet means this collection's
   * sheet (the active sheet for the workbook's collection).
   */
  add(address: XlRange | string, hasHeaders: boolean): SimTable {
    if (typeof address !== 'string' && (!(address instanceof SimRange) || address.context !== this.context)) {
      throw new SimError('InvalidRequestContext');
    }
    let created: TableModel | undefined;
    const path = `${this._path}.add(${typeof address === 'string' ? arg(address) : address._path}, ${hasHeaders})`;
    this._call('add', [typeof address === 'string' ? address : { range: address._path }, hasHeaders], (t, [, headers], exec) => {
      let sheet: SimSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        const named = parsed.sheet === undefined ? (t.sheet ?? exec.wb.activeSheet) : exec.wb.requireSheet(parsed.sheet);
        if (!named || (t.sheet && named !== t.sheet)) throw SimError.invalidArgument(`'${address}' is not on this worksheet`);
        sheet = named;
        rect = parsed.rect;
      } else {
        const target = address._require(exec);
        if (t.sheet && target.sheet !== t.sheet) throw SimError.invalidArgument('the range is not on this worksheet');
        sheet = target.sheet;
        rect = target.rect;
      }
      created = exec.wb.addTable(sheet, rect, headers === true);
    });
    return new SimTable(this.context, path, (exec) => {
      if (!created) throw new SimError('InvalidObjectPath', path);
      return tableAlive(exec, created);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook

export class SimWorkbookProxy extends SimObject<SimWorkbook> implements XlWorkbook {
  private _worksheets?: SimWorksheetCollection;
  private _tables?: SimTableCollection;

  constructor(context: SimRequestContext) {
    super(context, 'workbook', (exec) => exec.wb);
  }

  protected get _typeName() {
    return 'Workbook';
  }
  protected _scalars(): Scalars<SimWorkbook> {
    return {};
  }
  protected _navigation(): Record<string, SimObject<unknown>> {
    return { worksheets: this.worksheets, tables: this.tables } as Record<string, SimObject<unknown>>;
  }

  get worksheets(): SimWorksheetCollection {
    return (this._worksheets ??= new SimWorksheetCollection(this.context, 'workbook.worksheets', this._child('workbook.worksheets', (_e, wb) => wb)));
  }

  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this.context, 'workbook.tables', this._child('workbook.tables', (exec) => ({ wb: exec.wb, sheet: null }))));
  }
}

export type { Resolver };
