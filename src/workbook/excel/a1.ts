/** A1 addresses from 0-based positions (Office.js `rowIndex`/`columnIndex` are 0-based). */
import { columnLettersOfIndex as columnLetter } from '../../domain/columnLetters';

export { columnLetter };

/** `A1` or `A1:C3` for a block of `rows` × `columns` cells at (row, column). */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const topLeft = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? topLeft : `${topLeft}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/** A whole column, `C:C`. */
export function wholeColumn(column: number): string {
  const c = columnLetter(column);
  return `${c}:${c}`;
}
