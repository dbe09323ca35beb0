/**
 * A worksheet's page setup as Excel's API exposes it (Worksheet.pageLayout, ExcelApi 1.9):
 * orientation, paper, zoom (a scale or fit to pages), margins in points, centring, the print
 * area, the rows repeated on every page, and the default header/footer. Defaults are a new
 * Excel sheet's in the en-US locale: portrait Letter at 100 %, Normal margins (0.7" left and
 * right, 0.75" top and bottom, 0.3" header and footer), no print area, no title rows.
 */
import { MAX_COLUMNS, Rect, formatRect } from './address';
import { SimError } from './errors';

export interface SimZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export type HeaderFooterKey = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';

export interface SimPageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: SimZoom;
  /** Points. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printArea: Rect | null;
  /** Rows repeated at the top of each page, 0-based and inclusive. */
  printTitleRows: { r0: number; r1: number } | null;
  /** The header and footer of every page (HeaderFooterGroup.defaultForAllPages). */
  headersFooters: Record<HeaderFooterKey, string>;
}

export const HEADER_FOOTER_KEYS: readonly HeaderFooterKey[] = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

/** Excel.PaperType. */
const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14',
  'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3',
  'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS',
  'FanfoldStdGerman', 'FanfoldLegalGerman',
];

/** Excel's limit on a header or footer section (the whole header/footer holds 255 characters). */
const MAX_HEADER_FOOTER = 255;

export function defaultPageLayout(): SimPageLayout {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printArea: null,
    printTitleRows: null,
    headersFooters: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' },
  };
}

export type PageLayoutKey = 'orientation' | 'paperSize' | 'zoom' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin' | 'centerHorizontally' | 'centerVertically';

const wholePages = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 32767;

/**
 * A zoom: a scale from 10 to 400 %, or fit to pages wide and/or tall (0: as many as needed, as
 * the file format's fitToHeight="0"), not both. A fit that leaves one direction out keeps 1
 * page for it, the file format's default.
 */
function zoomOf(v: unknown): SimZoom {
  if (!v || typeof v !== 'object') throw SimError.invalidArgument('zoom is { scale } or { horizontalFitToPages, verticalFitToPages }');
  const z = v as Record<string, unknown>;
  const present = (k: string) => z[k] !== undefined && z[k] !== null;
  const fit = present('horizontalFitToPages') || present('verticalFitToPages');
  if (present('scale')) {
    if (fit) throw SimError.invalidArgument('zoom takes a scale or a fit to pages, not both');
    if (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400) throw SimError.invalidArgument('the print scale is from 10 to 400');
    return { scale: Math.round(z.scale) };
  }
  if (!fit) throw SimError.invalidArgument('zoom is { scale } or { horizontalFitToPages, verticalFitToPages }');
  const h = present('horizontalFitToPages') ? z.horizontalFitToPages : 1;
  const w = present('verticalFitToPages') ? z.verticalFitToPages : 1;
  if (!wholePages(h) || !wholePages(w)) throw SimError.invalidArgument('pages to fit are whole numbers');
  return { horizontalFitToPages: h as number, verticalFitToPages: w as number };
}

function margin(v: unknown): number {
  // Excel refuses margins that leave no page; 0 to 49 inches is what its dialog takes.
  if (typeof v !== 'number' || !(v >= 0) || v > 49 * 72) throw SimError.invalidArgument('a margin in points');
  return v;
}

export function setPageLayout(layout: SimPageLayout, key: PageLayoutKey, v: unknown): void {
  switch (key) {
    case 'orientation':
      if (v !== 'Portrait' && v !== 'Landscape') throw SimError.invalidArgument(`'${String(v)}' is not a page orientation`);
      layout.orientation = v;
      return;
    case 'paperSize':
      if (typeof v !== 'string' || !PAPER_TYPES.includes(v)) throw SimError.invalidArgument(`'${String(v)}' is not a paper type`);
      layout.paperSize = v;
      return;
    case 'zoom':
      layout.zoom = zoomOf(v);
      return;
    case 'centerHorizontally':
    case 'centerVertically':
      if (typeof v !== 'boolean') throw SimError.invalidArgument(`${key} is true or false`);
      layout[key] = v;
      return;
    default:
      layout[key] = margin(v);
  }
}

export function pageLayoutValue(layout: SimPageLayout, key: PageLayoutKey): unknown {
  if (key === 'zoom') {
    const z = layout.zoom;
    return { scale: z.scale ?? null, horizontalFitToPages: z.horizontalFitToPages ?? null, verticalFitToPages: z.verticalFitToPages ?? null };
  }
  return layout[key];
}

/** `setPrintTitleRows('$1:$3')`: whole rows only. */
export function checkTitleRows(rect: Rect): { r0: number; r1: number } {
  if (rect.c0 !== 0 || rect.c1 !== MAX_COLUMNS - 1) throw SimError.invalidArgument('print title rows are whole rows ($1:$3)');
  return { r0: rect.r0, r1: rect.r1 };
}

export function setHeaderFooter(layout: SimPageLayout, key: HeaderFooterKey, v: unknown): void {
  if (typeof v !== 'string') throw SimError.invalidArgument(`${key} is text`);
  if (v.length > MAX_HEADER_FOOTER) throw SimError.invalidArgument(`a header or footer holds at most ${MAX_HEADER_FOOTER} characters`);
  layout.headersFooters[key] = v;
}

export interface SimPageLayoutDump {
  orientation: string;
  paperSize: string;
  zoom: SimZoom;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** `A1:L40`, or null. */
  printArea: string | null;
  /** `1:3`, or null. */
  printTitleRows: string | null;
  /** Only the sections that hold text. */
  headersFooters: Partial<Record<HeaderFooterKey, string>>;
}

export function pageLayoutDump(p: SimPageLayout): SimPageLayoutDump {
  return {
    orientation: p.orientation,
    paperSize: p.paperSize,
    zoom: { ...p.zoom },
    margins: { left: p.leftMargin, right: p.rightMargin, top: p.topMargin, bottom: p.bottomMargin, header: p.headerMargin, footer: p.footerMargin },
    centerHorizontally: p.centerHorizontally,
    centerVertically: p.centerVertically,
    printArea: p.printArea ? formatRect(p.printArea) : null,
    printTitleRows: p.printTitleRows ? formatRect({ r0: p.printTitleRows.r0, r1: p.printTitleRows.r1, c0: 0, c1: MAX_COLUMNS - 1 }) : null,
    headersFooters: Object.fromEntries(HEADER_FOOTER_KEYS.filter((k) => p.headersFooters[k] !== '').map((k) => [k, p.headersFooters[k]])),
  };
}
