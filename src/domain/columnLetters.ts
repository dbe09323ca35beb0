/** Column number → letters, as in A1 addresses (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based column index (Office.js `columnIndex`, a table's column position) → letters (0 → A). */
export function columnLettersOfIndex(index: number): string {
  return columnLetters(index + 1);
}
