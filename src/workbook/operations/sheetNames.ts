/** Excel compares sheet names case-insensitively and caps them at 31 characters. */
const MAX_SHEET_NAME = 31;

/**
 * `wanted`, or `wanted (2)`, `wanted (3)`… (Excel's own pattern for a copied sheet) when a
 * sheet of that name exists already. The chosen name is added to `taken`.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const key = (s: string) => s.toLowerCase();
  const lower = new Set([...taken].map(key));
  let name = wanted.slice(0, MAX_SHEET_NAME);
  for (let n = 2; lower.has(key(name)); n++) {
    const suffix = ` (${n})`;
    name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}
