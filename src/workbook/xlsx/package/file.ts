/**
 * A workbook file on disk as a package (Node only): read whole with its fingerprint, saved by
 * writing the zip — copied parts as their very bytes — through safeFile's replaceFile, which
 * refuses when the file changed since it was read.
 */
import { createHash } from 'node:crypto';
import { FileHandle, stat } from 'node:fs/promises';
import { DEFAULT_LIMITS, Limits } from './limits';
import { XlsxPackage } from './package';
import { Fingerprint, readForUpdate, replaceFile } from './safeFile';
import { writeZip } from './zip';

export interface OpenedPackage {
  pkg: XlsxPackage;
  fingerprint: Fingerprint;
}

export async function openPackageFile(path: string, limits: Limits = DEFAULT_LIMITS): Promise<OpenedPackage> {
  const { data, fingerprint } = await readForUpdate(path);
  return { pkg: XlsxPackage.open(data, limits), fingerprint };
}

/** Pieces gathered into writes of about a megabyte (a zip is thousands of small pieces). */
export async function writePieces(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let batch: Uint8Array[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    batch.push(piece);
    bytes += piece.length;
    if (bytes >= 1 << 20) {
      await handle.writev(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await handle.writev(batch);
}

/**
 * Saves the package over the file it was read from, unless that file changed meanwhile; then
 * the fingerprint is the saved file's, so the same package can be changed and saved again.
 */
export async function savePackage(opened: OpenedPackage, path: string): Promise<void> {
  const pieces = writeZip(opened.pkg.zipItems());
  await replaceFile(path, (handle) => writePieces(handle, pieces), { expect: opened.fingerprint });
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  const st = await stat(path);
  opened.fingerprint = { size: st.size, mtimeMs: st.mtimeMs, sha256: hash.digest('hex') };
}
