/**
 * What a workbook may cost to read. A hostile or broken file (a zip bomb, a sheet whose used
 * range is one styled cell at XFD1048576) must end in one clean refusal, never in an
 * out-of-memory crash: every reader of the package layer checks these while it reads, before
 * it allocates.
 */
export interface Limits {
  /** Sum of the uncompressed sizes of the parts read (bytes). */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one part; real sheets stay below ~100. */
  maxRatio: number;
  /** Entries in the zip. */
  maxParts: number;
  /** Characters in one cell: Excel's own limit (32,767). */
  maxCellText: number;
  /**
   * Cells read from one sheet, and rows × columns of one table as read (dense cells the engine
   * would hold); the scale-100 demo needs ~2.7 M, and 4 M stays under 300 MB.
   */
  maxCells: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 1000,
  maxParts: 10_000,
  maxCellText: 32_767,
  maxCells: 4_000_000,
};

export type LimitKind = 'total' | 'ratio' | 'parts' | 'cellText' | 'cells';

/** One refusal: which limit, in which part (or table), and the numbers for the message. */
export class LimitError extends Error {
  constructor(
    readonly limit: LimitKind,
    /** The zip entry (`xl/worksheets/sheet1.xml`) or the sheet name the limit was hit in. */
    readonly where: string,
    readonly actual: number,
    readonly allowed: number,
  ) {
    super(`${limit} limit: ${where} ${actual} > ${allowed}`);
    this.name = 'LimitError';
  }
}

/** A package that is not a readable workbook (no workbook part, a broken zip, bad XML…). */
export class PackageError extends Error {
  constructor(
    readonly reason: 'zip' | 'noWorkbook' | 'encrypted' | 'missingPart' | 'xml' | 'unsupported',
    /** The part concerned, when there is one. */
    readonly part = '',
    detail = '',
  ) {
    super(`${reason}${part ? ` ${part}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'PackageError';
  }
}
