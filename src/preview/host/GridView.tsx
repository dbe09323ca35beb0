/**
 * The read-only grid beside the pane: the simulator's sheets as Excel shows them — column
 * letters, row numbers, table header and banded rows, number formats, fonts, fills, borders,
 * merged cells, row heights, frozen header rows, sheet tabs — with the selection the pane made
 * (a clicked finding) and its highlighted cells. Only the rows in view are drawn (a visit log has
 * thousands).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Rect, columnName } from '../simulator/address';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SimCell, SimSheet, SimWorkbook } from '../simulator';
import type { SimLine } from '../simulator';
import { displayValue } from './format';
import { PreviewStore, cellKey } from './store';

const HEAD_H = 22;
const ROWNUM_W = 46;
const OVERSCAN = 8;
/** The grid's text size for Excel's 11-point default. */
const BASE_FONT_PX = 12;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1, backgroundColor: '#fff' },
  scroller: { flexGrow: 1, flexBasis: 0, overflow: 'auto', position: 'relative', minHeight: 0, outlineOffset: '-2px' },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', fontSize: `${BASE_FONT_PX}px`, fontFamily: 'Calibri, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${HEAD_H}px`,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    borderRight: '1px solid #d4d4d4',
    borderBottom: '1px solid #c6c6c6',
    textAlign: 'center',
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    textAlign: 'center',
    borderRight: '1px solid #c6c6c6',
    borderBottom: '1px solid #d4d4d4',
  },
  cell: {
    padding: '0 4px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'bottom',
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    color: '#1f1f1f',
    backgroundColor: '#fff',
  },
  noGrid: { borderRightColor: 'transparent', borderBottomColor: 'transparent' },
  number: { textAlign: 'right' },
  tableHeader: { backgroundColor: '#4472C4', color: '#fff', fontWeight: 'bold' },
  band: { backgroundColor: '#D9E1F2' },
  highlight: { backgroundColor: '#FFC7CE', color: '#9C0006' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px', position: 'relative', zIndex: 0 },
  frozen: { position: 'sticky', zIndex: 1 },
  tabs: { display: 'flex', flexShrink: 0, gap: '2px', overflowX: 'auto', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: '#f3f3f3', padding: '0 4px' },
  tab: {
    border: 'none',
    borderBottom: '3px solid transparent',
    backgroundColor: 'transparent',
    padding: '4px 10px',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    color: '#333',
    fontSize: '12px',
  },
  activeTab: { backgroundColor: '#fff', borderBottom: '3px solid #217346', color: '#185c37', fontWeight: 'bold' },
});

interface TableStyleInfo {
  header: Set<string>;
  banded: Set<string>;
}

/** Which cells of the sheet are table headers and banded body cells. */
function tableCells(wb: SimWorkbook, sheet: SimSheet, r0: number, r1: number): TableStyleInfo {
  const header = new Set<string>();
  const banded = new Set<string>();
  for (const t of wb.tablesOn(sheet)) {
    const h = t.headerRect();
    if (h) for (let c = h.c0; c <= h.c1; c++) header.add(`${h.r0},${c}`);
    const body = t.bodyRect();
    for (let r = Math.max(body.r0, r0); r <= Math.min(body.r1, r1); r++) {
      if ((r - body.r0) % 2 === 0) for (let c = body.c0; c <= body.c1; c++) banded.add(`${r},${c}`);
    }
  }
  return { header, banded };
}

/** A column's width in pixels (the simulator keeps points, as Excel does). */
function widthOf(sheet: SimSheet, c: number): number {
  return Math.round(((sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) * 4) / 3);
}

function heightOf(sheet: SimSheet, r: number): number {
  return Math.round(((sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT) * 4) / 3);
}

const LINE_STYLE: Record<SimLine['style'], string> = {
  Continuous: 'solid',
  Dash: 'dashed',
  DashDot: 'dashed',
  DashDotDot: 'dotted',
  Dot: 'dotted',
  Double: 'double',
  SlantDashDot: 'dashed',
};
const LINE_WIDTH: Record<SimLine['weight'], number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };
const line = (l: SimLine) => `${l.style === 'Double' ? 3 : LINE_WIDTH[l.weight]}px ${LINE_STYLE[l.style]} ${l.color}`;
const H_ALIGN: Record<string, CSSProperties['textAlign'] | undefined> = { Left: 'left', Center: 'center', Right: 'right', Justify: 'justify', Distributed: 'justify', CenterAcrossSelection: 'center' };
const V_ALIGN: Record<string, CSSProperties['verticalAlign']> = { Top: 'top', Center: 'middle', Bottom: 'bottom', Justify: 'middle', Distributed: 'middle' };

/** The cell's own formats (a form's fonts, fills, borders) as inline style. */
function cellStyle(cell: SimCell | undefined): CSSProperties | undefined {
  if (!cell || (!cell.format && !cell.borders)) return undefined;
  const s: CSSProperties = {};
  const f = cell.format;
  if (f?.font?.bold) s.fontWeight = 'bold';
  if (f?.font?.italic) s.fontStyle = 'italic';
  if (f?.font?.size) s.fontSize = `${Math.round((f.font.size / 11) * BASE_FONT_PX * 10) / 10}px`;
  if (f?.horizontalAlignment && H_ALIGN[f.horizontalAlignment]) s.textAlign = H_ALIGN[f.horizontalAlignment];
  if (f?.verticalAlignment) s.verticalAlign = V_ALIGN[f.verticalAlignment];
  if (f?.wrapText) {
    s.whiteSpace = 'pre-wrap';
    s.textOverflow = 'clip';
  }
  if (f?.indentLevel) s.paddingLeft = `${4 + f.indentLevel * 9}px`;
  if (f?.fill) s.backgroundColor = f.fill;
  const b = cell.borders;
  if (b?.top) s.borderTop = line(b.top);
  if (b?.bottom) s.borderBottom = line(b.bottom);
  if (b?.left) s.borderLeft = line(b.left);
  if (b?.right) s.borderRight = line(b.right);
  return s;
}

export function GridView({ store, label }: { store: PreviewStore; label: string }) {
  const styles = useStyles();
  useSyncExternalStore(store.subscribe, store.getVersion);
  const wb = store.workbook;
  const sheet = wb.activeSheet ?? wb.sheets[0] ?? null;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const [viewWidth, setViewWidth] = useState(1000);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setViewHeight(el.clientHeight || 600);
      setViewWidth(el.clientWidth || 1000);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const selection = sheet?.selection ?? null;
  const selectionKey = sheet && selection ? `${sheet.name}!${selection.r0},${selection.c0}` : '';

  // Selection follows "click a finding": bring the cell into view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !sheet || !selection) return;
    let top = HEAD_H;
    for (let r = sheet.frozenRows; r < selection.r0; r++) top += heightOf(sheet, r);
    if (top < el.scrollTop + HEAD_H || top > el.scrollTop + el.clientHeight - 40) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    let left = ROWNUM_W;
    for (let c = 0; c < selection.c0; c++) left += widthOf(sheet, c);
    if (left < el.scrollLeft + ROWNUM_W || left + widthOf(sheet, selection.c0) > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - ROWNUM_W - 40);
    }
    setScrollTop(el.scrollTop);
  }, [selectionKey]);

  // Another sheet in front (a tab, or an operation that activated one): from its top-left, unless
  // a cell of it is selected (the effect above brings that into view).
  const sheetName = sheet?.name ?? '';
  useEffect(() => {
    const el = scroller.current;
    if (!el || selection) return;
    el.scrollTop = 0;
    el.scrollLeft = 0;
    setScrollTop(0);
  }, [sheetName]);

  const selectSheet = (s: SimSheet) => {
    wb.activeSheet = s;
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    store.changed();
  };

  if (!sheet) return <div className={styles.root} />;

  const used = wb.usedRect(sheet, false);
  const rowCount = Math.max((used?.r1 ?? 0) + 1 + 20, 40);
  // The used columns and two more, and enough to fill the view, as Excel's grid goes on.
  let columnCount = Math.max((used?.c1 ?? 0) + 1 + 2, 8);
  for (let w = ROWNUM_W + Array.from({ length: columnCount }, (_, c) => widthOf(sheet, c)).reduce((a, b) => a + b, 0); w < viewWidth; columnCount++) w += widthOf(sheet, columnCount);
  const frozen = Math.min(sheet.frozenRows, rowCount);

  // Rows in view, from the rows' heights (a form's rows are taller than a table's).
  const tops: number[] = new Array(rowCount + 1);
  tops[0] = 0;
  for (let r = 0; r < rowCount; r++) tops[r + 1] = tops[r] + heightOf(sheet, r);
  let first = frozen;
  while (first < rowCount - 1 && tops[first + 1] < scrollTop) first++;
  first = Math.max(frozen, first - OVERSCAN);
  let last = first;
  while (last < rowCount - 1 && tops[last] < scrollTop + viewHeight) last++;
  last = Math.min(rowCount - 1, last + OVERSCAN);

  // Merged areas wholly in the rows drawn: the top-left cell spans, the others are not drawn.
  const spans = new Map<string, Rect>();
  const covered = new Set<string>();
  const drawn = (r: number) => r < frozen || (r >= first && r <= last);
  for (const m of sheet.merges) {
    let all = true;
    for (let r = m.r0; r <= m.r1 && all; r++) all = drawn(r);
    if (!all || m.c1 >= columnCount) continue;
    spans.set(`${m.r0},${m.c0}`, m);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }

  const styled = tableCells(wb, sheet, first, last);
  const columns = Array.from({ length: columnCount }, (_, c) => c);
  const gridlines = sheet.showGridlines;

  const row = (r: number, frozenAt?: number) => (
    <tr key={r} style={{ height: heightOf(sheet, r) }}>
      <th scope="row" className={mergeClasses(styles.rowHead, frozenAt !== undefined && styles.frozen)} style={frozenAt !== undefined ? { top: frozenAt, zIndex: 2 } : undefined}>
        {r + 1}
      </th>
      {columns.map((c) => {
        const key = `${r},${c}`;
        if (covered.has(key)) return null;
        const span = spans.get(key);
        const cell = sheet.cell(r, c);
        const text = cell ? displayValue(cell.value, cell.numberFormat) : '';
        const address = `${columnName(c)}${r + 1}`;
        const isSelected = !!selection && r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1;
        const own = cellStyle(cell);
        return (
          <td
            key={c}
            colSpan={span ? span.c1 - span.c0 + 1 : undefined}
            rowSpan={span ? span.r1 - span.r0 + 1 : undefined}
            className={mergeClasses(
              styles.cell,
              !gridlines && styles.noGrid,
              typeof cell?.value === 'number' && styles.number,
              styled.banded.has(key) && styles.band,
              styled.header.has(key) && styles.tableHeader,
              store.highlights.has(cellKey(sheet.name, address)) && styles.highlight,
              isSelected && styles.selected,
              frozenAt !== undefined && styles.frozen,
            )}
            style={frozenAt !== undefined ? { ...own, top: frozenAt } : own}
            data-address={address}
            data-selected={isSelected || undefined}
            title={cell?.formula}
          >
            {text}
          </td>
        );
      })}
    </tr>
  );

  return (
    <div className={styles.root}>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`${label}: ${sheet.name}`}
        onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
        data-testid="grid"
        data-sheet={sheet.name}
      >
        <table className={styles.table} aria-label={sheet.name} style={{ width: ROWNUM_W + columns.reduce((w, c) => w + widthOf(sheet, c), 0) }}>
          <colgroup>
            <col style={{ width: ROWNUM_W }} />
            {columns.map((c) => (
              <col key={c} style={{ width: widthOf(sheet, c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHead, styles.corner)} aria-label={sheet.name} />
              {columns.map((c) => (
                <th key={c} className={styles.colHead} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: frozen }, (_, r) => row(r, HEAD_H + tops[r]))}
            {first > frozen && <tr aria-hidden="true" style={{ height: tops[first] - tops[frozen] }} />}
            {Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => row(first + i))}
            {last < rowCount - 1 && <tr aria-hidden="true" style={{ height: tops[rowCount] - tops[last + 1] }} />}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label={label}>
        {wb.sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={s === sheet}
            className={mergeClasses(styles.tab, s === sheet && styles.activeTab)}
            onClick={() => selectSheet(s)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
