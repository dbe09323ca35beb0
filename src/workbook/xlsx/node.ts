/**
 * Workbook files on disk (Node only: the kam command): opened with their fingerprint, saved by
 * safeFile's replace (refused when the file changed meanwhile), read with zlib off the main
 * thread. No ExcelJS here: the commands that read and write through the package layer load
 * without it.
 */
export { openPackageFile, savePackage } from './package/file';
export type { OpenedPackage } from './package/file';
export { nodeInflate } from './package/nodeInflate';
export { DiskFullError, FileChangedError } from './package/safeFile';
