/**
 * How much one sync may carry. Excel on the web refuses a request or a reply over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so reads and writes are
 * cut into chunks of rows that stay under a budget, and chunks share a sync while they fit:
 * the number of syncs stays constant until the data passes the limit, then grows with the
 * chunks (DESIGN.md, "Excel facts that shape the adapter").
 */

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Under the limit with room for the request's own framing (object paths, property names). */
export const SYNC_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * Bytes one cell costs in a read reply, estimated before the values are known: numbers and IDs
 * take 6–12, Chinese text 3 bytes a character; the demo workbooks average about 10 (measured with
 * the simulator's byte count). A reply that still passes the limit is read again in halves, so a
 * low estimate costs one more sync, a high one a sync for every table that did not need it.
 */
export const READ_BYTES_PER_CELL = 16;
/** Rows per chunk at most (DESIGN.md: 5,000–20,000 rows a chunk). */
export const MAX_CHUNK_ROWS = 20_000;

/** Excel's payload-limit errors (either direction). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** UTF-8 bytes of a value's JSON: what it weighs in a request. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Rows `row … row + rows - 1` (0-based, within the block) of block number `block`. */
export interface ReadUnit {
  block: number;
  row: number;
  rows: number;
}

/**
 * Cuts blocks of rows × columns into chunks that fit the budget, then packs consecutive chunks
 * into syncs while their estimated replies fit together. Returns one list of chunks per sync.
 */
export function planReads(blocks: readonly { rows: number; columns: number }[], budgetBytes: number, bytesPerCell = READ_BYTES_PER_CELL): ReadUnit[][] {
  const units: { unit: ReadUnit; bytes: number }[] = [];
  blocks.forEach((b, block) => {
    if (b.rows <= 0 || b.columns <= 0) return;
    const rowBytes = b.columns * bytesPerCell;
    const chunkRows = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(budgetBytes / rowBytes)));
    for (let row = 0; row < b.rows; row += chunkRows) {
      const rows = Math.min(chunkRows, b.rows - row);
      units.push({ unit: { block, row, rows }, bytes: rows * rowBytes });
    }
  });
  return pack(units, budgetBytes).map((group) => group.map((u) => u.unit));
}

/** Consecutive items grouped while their bytes fit the budget (an item alone always makes a group). */
export function pack<T extends { bytes: number }>(items: readonly T[], budgetBytes: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budgetBytes) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A group of chunks that was refused as too big, cut in two for another try; null when it cannot be cut. */
export function halve(group: readonly ReadUnit[]): ReadUnit[][] | null {
  if (group.length > 1) return group.map((u) => [u]);
  const [u] = group;
  if (!u || u.rows < 2) return null;
  const first = Math.ceil(u.rows / 2);
  return [[{ ...u, rows: first }], [{ block: u.block, row: u.row + first, rows: u.rows - first }]];
}
