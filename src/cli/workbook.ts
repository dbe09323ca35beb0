import { open, stat } from 'node:fs/promises';
import type { Problem } from '../domain/book';
import { problemMessage } from '../domain/i18n/messages';
import { WorkbookSnapshot } from '../domain/snapshot';
import { INPUT_TABLES } from '../domain/tables';
import { PackageError, readSnapshotAsync } from '../workbook/xlsx';
import { DiskFullError, FileChangedError, OpenedPackage, nodeInflate, openPackageFile } from '../workbook/xlsx/node';
import { InputError } from './errors';
import { Lang, Messages } from './messages';
import { packageRefusal, shortReason } from './refusal';

/**
 * Opens an .xlsx for reading and turns every way it can fail into one sentence: no such
 * file, a folder, an empty file, an old .xls, a text/CSV file, another kind of file, a damaged
 * ZIP, a ZIP that is not a workbook, a part missing, a file past the reader's limits (a zip
 * bomb, a stray cell at XFD1048576). The file is only ever read.
 */
export async function openSnapshot(file: string): Promise<WorkbookSnapshot> {
  return (await openWorkbook(file)).snapshot;
}

/** The opened package as well, for commands that write it back (`kam kpi --write`, `kam form`). */
export async function openWorkbook(file: string): Promise<{ opened: OpenedPackage; snapshot: WorkbookSnapshot }> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new InputError((m) => m.isDirectory(file));
    if (!st.isFile()) throw new InputError((m) => m.notXlsx(file));
    size = st.size;
  } catch (e) {
    throw e instanceof InputError ? e : fileError(file, e);
  }
  if (size === 0) throw new InputError((m) => m.emptyFile(file));
  const head = await readHead(file, 4096);
  checkSignature(file, head);
  try {
    const opened = await openPackageFile(file);
    if (!opened.pkg.sheets.some((s) => s.part)) throw new PackageError('noWorkbook');
    return { opened, snapshot: await readSnapshotAsync(opened.pkg, nodeInflate) };
  } catch (e) {
    throw readError(file, e);
  }
}

/** Why a workbook could not be read, as one sentence: the package layer's refusals named precisely. */
export function readError(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  if (isFsError(e)) return fileError(file, e);
  return new InputError(packageRefusal(file, e));
}

/** Why a save failed, as one sentence; the original file is as it was in every case. */
export function writeError(file: string, e: unknown): InputError {
  if (e instanceof FileChangedError) return new InputError((m) => m.changedWhileWorking(file));
  if (e instanceof DiskFullError) return new InputError((m) => m.diskFull(file));
  if (isFsError(e) && (e.code === 'EACCES' || e.code === 'EPERM')) return new InputError((m) => m.cannotWrite(file, m.noPermission));
  return new InputError((m) => m.cannotWrite(file, shortReason(e)));
}

async function readHead(file: string, length: number): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw fileError(file, e);
  }
}

const ZIP = [0x50, 0x4b]; // "PK": a local file header or an (empty) central directory.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, or an encrypted .xlsx.

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

function checkSignature(file: string, head: Buffer): void {
  if (startsWith(head, ZIP) && (head[2] === 0x03 || head[2] === 0x05 || head[2] === 0x07)) return;
  if (startsWith(head, OLE2)) throw new InputError((m) => m.oldXls(file));
  if (looksLikeText(head)) throw new InputError((m) => m.textFile(file));
  throw new InputError((m) => m.notXlsx(file));
}

/** No NUL byte and (almost) no control characters: text in UTF-8, GBK or the like; or UTF-16 with a BOM. */
function looksLikeText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= head.length / 100;
}

interface FsError {
  code: string;
  message: string;
}

export function isFsError(e: unknown): e is FsError {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((e as FsError).code);
}

/** A file-system error as a sentence. */
export function fileError(file: string, e: unknown): InputError {
  const code = isFsError(e) ? e.code : '';
  if (code === 'ENOENT') return new InputError((m) => m.fileNotFound(file));
  if (code === 'EISDIR') return new InputError((m) => m.isDirectory(file));
  if (code === 'EACCES' || code === 'EPERM') return new InputError((m) => m.cannotRead(file, m.noPermission));
  return new InputError((m) => m.cannotRead(file, shortReason(e)));
}


/**
 * A workbook lacking tables or columns cannot be used: one line per problem. A file with none
 * of the tables is not a KAM workbook at all: one sentence says so instead of thirteen.
 */
export function assertUsable(file: string, problems: readonly Problem[], lang: Lang): void {
  if (problems.length === 0) return;
  const missingTables = problems.filter((p) => p.code === 'missing_table').length;
  if (missingTables === INPUT_TABLES.length) {
    const sheets = INPUT_TABLES.slice(0, 3)
      .map((t) => t.sheet[lang])
      .join(lang === 'zh' ? '、' : ', ');
    throw new InputError((m: Messages) => m.noKamTables(file, sheets));
  }
  throw new InputError((m: Messages) => [m.problemsHeader(file, problems.length), ...problems.map((p) => `  - ${problemMessage(p, lang)}`)]);
}
