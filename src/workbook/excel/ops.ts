/**
 * The unit of the Office.js adapter's writes: a command (or a few) queued on the workbook proxy,
 * with an estimate of what it weighs in a request, so that `apply` can pack the commands of a
 * plan into syncs under the payload limit (budget.ts).
 */
import { a1 } from './a1';
import type { XlWorkbook } from './api';
import { jsonBytes, pack } from './budget';

export interface WriteOp {
  bytes: number;
  queue(wb: XlWorkbook): void;
}

/** Commands without cell blocks weigh little; this covers their paths and arguments. */
export const SMALL = 512;

export const op = (queue: (wb: XlWorkbook) => void, bytes = SMALL): WriteOp => ({ bytes, queue });

/**
 * xlsx column width (characters of the default font's digit, padding included, as ExcelJS and
 * kam init write it) → points, which Office.js uses: pixels = trunc((256·w + trunc(128/7)) / 256 · 7),
 * points = pixels · 3/4 (Calibri 11: 7-pixel digits).
 */
export function pointsFromWidth(width: number): number {
  const pixels = Math.trunc(((256 * width + 18) / 256) * 7);
  return pixels * 0.75;
}

/**
 * Rows cut into chunks that fit the budget, one command each: `queue` gets a chunk and the
 * offset of its first row.
 */
export function chunkedOps<R extends readonly unknown[]>(rows: readonly R[], budgetBytes: number, queue: (wb: XlWorkbook, chunk: R[], offset: number) => void): WriteOp[] {
  const sized = rows.map((r) => ({ row: r, bytes: jsonBytes(r) + 1 }));
  let offset = 0;
  return pack(sized, budgetBytes - SMALL).map((chunk) => {
    const block = chunk.map((c) => c.row);
    const at = offset;
    offset += block.length;
    return { bytes: chunk.reduce((n, c) => n + c.bytes, SMALL), queue: (wb) => queue(wb, block, at) };
  });
}

/** A block written at (row, column) of a sheet, cut into chunks of rows that fit the budget. */
export function blockOps(sheetName: string, row: number, column: number, rows: readonly unknown[][], property: 'values' | 'numberFormat', budgetBytes: number): WriteOp[] {
  return chunkedOps(rows, budgetBytes, (wb, block, offset) => {
    const range = wb.worksheets.getItem(sheetName).getRange(a1(row + offset, column, block.length, block[0].length));
    if (property === 'values') range.values = block;
    else range.numberFormat = block;
  });
}
