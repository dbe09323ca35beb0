/**
 * The request context: commands queue on the proxies and reach the workbook only at `sync()`,
 * one round trip per sync that carries commands (an empty sync costs nothing, as in Office.js).
 *
 * Each sync is measured as Excel on the web measures it: the JSON of the queued commands (with
 * their values) is the request, the JSON of what was loaded is the reply; either over the limit
 * (5 MB) fails. A request over the limit is refused before anything runs, so nothing of it is
 * applied. A reply over the limit fails after the commands ran (their writes stay), and nothing
 * loaded reaches the proxies. Any other error stops the batch at the failing command: commands
 * before it stay applied (Excel batches are not transactions) and nothing is loaded.
 */
import type { XlContext, XlWorkbook } from '../../workbook/excel/api';
import { SimError } from './errors';
import type { SimWorkbook } from './model';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimOptions {
  /** Request and reply limit in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes: number;
  /**
   * What a command on an object reached through a null object does. 'null' (default): it is a
   * null object too, its loads come back empty. 'error': the sync fails with ItemNotFound.
   * Excel's documentation does not say; the adapter must work under both.
   */
  navigateNullObject: 'null' | 'error';
}

export interface SimStats {
  /** Round trips: syncs that carried commands (including Excel.run's closing sync). */
  syncs: number;
  /** The largest request or reply of one sync, in bytes (UTF-8 JSON). */
  maxRequestBytes: number;
  maxSentBytes: number;
  maxReplyBytes: number;
  /** Per round trip: bytes sent and received, commands carried. */
  trips: { sentBytes: number; replyBytes: number; commands: number }[];
}

export const newStats = (): SimStats => ({ syncs: 0, maxRequestBytes: 0, maxSentBytes: 0, maxReplyBytes: 0, trips: [] });

/** One sync's view of the workbook: object resolutions are fixed for the length of a sync. */
export interface Execution {
  readonly wb: SimWorkbook;
  readonly cache: Map<object, unknown>;
  readonly options: SimOptions;
}

/** What a command leaves for the reply: its JSON, and how to hand it to the proxies. */
export interface CommandResult {
  json: unknown;
  deliver(): void;
}

export interface Command {
  /** What travels in the request (with the values written). */
  json: unknown;
  /** Runs against the workbook; `sent` is `json` after the JSON round trip (Dates → text, NaN → null). */
  run(exec: Execution, sent: unknown): CommandResult | void;
}

/** UTF-8 length of a string without building the bytes. */
export function utf8Bytes(s: string): number {
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

export class SimRequestContext implements XlContext {
  /** Set by the simulator right after construction (the proxies depend on the context). */
  workbook!: XlWorkbook;
  private queue: Command[] = [];
  private closed = false;

  constructor(
    readonly wb: SimWorkbook,
    readonly stats: SimStats,
    readonly options: SimOptions,
  ) {}

  _enqueue(command: Command, path: string): void {
    if (this.closed) throw new SimError('InvalidObjectPath', path);
    this.queue.push(command);
  }

  /** After Excel.run: the proxies' paths are no longer valid. */
  _close(): void {
    this.closed = true;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const commands = this.queue;
    this.queue = [];
    await Promise.resolve(); // a round trip is asynchronous
    if (commands.length === 0) return passThroughValue as T;
    this.stats.syncs++;
    const parts = commands.map((c) => JSON.stringify(c.json) ?? 'null');
    const sentBytes = parts.reduce((n, p) => n + utf8Bytes(p) + 1, 1);
    const trip = { sentBytes, replyBytes: 0, commands: commands.length };
    this.stats.trips.push(trip);
    this.record(sentBytes, 0);
    if (sentBytes > this.options.payloadLimitBytes) throw new SimError('RequestPayloadSizeLimitExceeded');

    const exec: Execution = { wb: this.wb, cache: new Map(), options: this.options };
    const results: CommandResult[] = [];
    commands.forEach((command, i) => {
      const result = command.run(exec, JSON.parse(parts[i]));
      if (result) results.push(result);
    });
    const replyBytes = utf8Bytes(JSON.stringify(results.map((r) => r.json)));
    trip.replyBytes = replyBytes;
    this.record(0, replyBytes);
    if (replyBytes > this.options.payloadLimitBytes) throw new SimError('ResponsePayloadSizeLimitExceeded');
    for (const r of results) r.deliver();
    return passThroughValue as T;
  }

  private record(sent: number, reply: number): void {
    this.stats.maxSentBytes = Math.max(this.stats.maxSentBytes, sent);
    this.stats.maxReplyBytes = Math.max(this.stats.maxReplyBytes, reply);
    this.stats.maxRequestBytes = Math.max(this.stats.maxSentBytes, this.stats.maxReplyBytes);
  }
}
