/**
 * Replacing a workbook on disk safely (Node only): every save of the CLI (`kam init`, the KPI
 * and form writes) goes through replaceFile / replaceFileAt.
 *
 * What a save guarantees:
 * - The file at the path is the old one or the complete new one, never half written: the bytes
 *   go to a temp file in the same folder as the real target, which is fsynced and renamed over
 *   it; the folder is fsynced after (best effort). On any failure the temp is removed and the
 *   original is untouched.
 * - The temp is never more readable than the target, from its first byte: it is created with
 *   open(…, 'wx', mode) from the target's permission bits (group bits no wider than the
 *   others' until the group is known to be the target's), then given the owner and group of
 *   the target when the process may (fchown; EPERM and the like are accepted) and chmodded to
 *   the target's exact mode, all before anything is written. When the group could not be kept,
 *   the new file's group gets no more than the target gave everybody else (a 0640 workbook of
 *   group `finance` saved by someone outside `finance` becomes 0600, not readable by the
 *   saver's own group); when owner or group could not be kept, setuid/setgid/sticky are
 *   dropped. New files get `createMode` (0o666) less the umask, as usual. ACLs, extended
 *   attributes and SELinux labels of the old file are not carried over.
 * - A symlink is followed (to any depth, relative or absolute, dangling too): the link's final
 *   target is replaced and the link stays a link.
 * - With `expect` (from readForUpdate), a workbook changed by someone else meanwhile is not
 *   overwritten: FileChangedError. The check (size, mtime, then the SHA-256 of the bytes, then
 *   a last stat that the path still names the file just hashed) runs right before the rename;
 *   the window left between that last stat and the rename is microseconds, not closed (no
 *   lock: other programs such as Excel would not honour one).
 * - A full disk or quota (ENOSPC, EDQUOT) at any step is a DiskFullError, the original kept.
 *
 * Signals: while a temp exists, SIGINT, SIGTERM and SIGHUP remove it. If no other code listens
 * for that signal, the handlers are taken away and the signal raised again, so the process
 * dies of it as it would have without us (a shell shows 130, 143, 129; a parent sees the
 * signal); if that somehow leaves it alive, it exits with 128 + the signal's number. If other
 * listeners exist, they own the decision: the process is not ended here, the temp is removed
 * and the interrupted replaceFile rejects with InterruptedError without renaming. An 'exit'
 * listener removes temps too (process.exit called by anyone, including another signal
 * listener that runs first). The listeners exist only while some call has a temp.
 *
 * A killed run (SIGKILL, power cut) leaves its temp: the names are `.${basename}.kam-${machine}-
 * ${pid}-${random}.tmp`, where `machine` names this host, boot and pid namespace (where a pid
 * can be asked about). cleanStaleTemps, called first by every replace, removes a temp of this
 * machine at once when its pid is not a live process (process.kill(pid, 0) gives ESRCH; EPERM
 * means alive), and a temp of another machine (a shared folder: its pid means nothing here)
 * only when nobody has written it for STALE_AFTER_MS (ten minutes, far beyond any save).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, unlinkSync, type Stats } from 'node:fs';
import { FileHandle, lstat, open, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { hostname, constants as osConstants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** What was read of a file, to check before replacing it that nobody changed it meanwhile. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** The workbook changed (or went away) while we worked on it: nothing was written. */
export class FileChangedError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path} was changed by someone else while we worked on it (${detail}); nothing was written — open it again and redo the change`);
    this.name = 'FileChangedError';
  }
}

/** No space left (ENOSPC) or quota exceeded (EDQUOT) while writing: the original is untouched. */
export class DiskFullError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`not enough disk space to save ${path} (${code}); the file was left as it was`, options);
    this.name = 'DiskFullError';
  }
}

/** A signal arrived while writing and other code handles it: the temp was removed, nothing renamed. */
export class InterruptedError extends Error {
  constructor(
    readonly path: string,
    readonly signal: NodeJS.Signals,
  ) {
    super(`saving ${path} was interrupted by ${signal}; the file was left as it was`);
    this.name = 'InterruptedError';
  }
}

export interface ReplaceOptions {
  /** Refuse (FileChangedError) unless the target still is what readForUpdate returned. */
  expect?: Fingerprint;
  /** Permission bits of a new file, before the umask (default 0o666). */
  createMode?: number;
}

/** A temp file nobody has written for this long, whose pid is not alive here, is stale. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** ENOSPC / EDQUOT as a DiskFullError; any other error as it is. */
export function diskFullOr(error: unknown, path: string): unknown {
  const code = errorCode(error);
  if (error instanceof DiskFullError || (code !== 'ENOSPC' && code !== 'EDQUOT')) return error;
  return new DiskFullError(path, code, { cause: error });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Reads a whole file and its fingerprint (hash of exactly the bytes returned). */
export async function readForUpdate(path: string): Promise<{ data: Buffer; fingerprint: Fingerprint }> {
  const handle = await open(path, 'r');
  try {
    for (let attempt = 1; ; attempt++) {
      const before = await handle.stat();
      const data = await readAll(handle);
      const after = await handle.stat();
      // Written to while we read: read again (a few times); else the mtime from before the read
      // makes the replace refuse, which is right for bytes that may be torn.
      if ((after.mtimeMs === before.mtimeMs && after.size === data.length) || attempt === 3) {
        return { data, fingerprint: { size: data.length, mtimeMs: before.mtimeMs, sha256: sha256(data) } };
      }
    }
  } finally {
    await handle.close();
  }
}

async function readAll(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/**
 * Replaces the file at `path` (a symlink is followed: the link's final target is replaced, the
 * link stays) with the bytes `write` writes through a FileHandle on the temp file. See the
 * module comment for the guarantees. Rejects with FileChangedError, DiskFullError,
 * InterruptedError or the error that made it fail, the original untouched in every case.
 */
export async function replaceFile(path: string, write: (handle: FileHandle) => Promise<void>, options: ReplaceOptions = {}): Promise<void> {
  await replaceVia(path, (handle) => write(handle), options);
}

/**
 * replaceFile for writers that open a path themselves (ExcelJS's writeFile, the zip writer of
 * `kam init`): the temp exists already, empty, with its final owner and mode, when `write` gets
 * its path; `write` must open it without 'wx' ('r+' or 'w', which keep the mode) and must not
 * remove or replace it (that is refused: the file at the temp path must be the one created).
 */
export async function replaceFileAt(path: string, write: (tempPath: string) => Promise<void>, options: ReplaceOptions = {}): Promise<void> {
  await replaceVia(path, (_handle, tempPath) => write(tempPath), options);
}

async function replaceVia(path: string, write: (handle: FileHandle, tempPath: string) => Promise<void>, options: ReplaceOptions): Promise<void> {
  let real = resolve(path);
  let temp: string | undefined;
  let made = false;
  let handle: FileHandle | undefined;
  let pending: Pending | undefined;
  try {
    real = await realTarget(path);
    await cleanStaleTemps(real).catch(() => undefined);
    const target = await stat(real).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (target && !target.isFile()) throw Object.assign(new Error(`${real} is not a regular file`), { code: target.isDirectory() ? 'EISDIR' : 'EINVAL' });
    const { expect } = options;
    if (expect) {
      if (!target) throw new FileChangedError(real, 'it is gone');
      if (target.size !== expect.size || target.mtimeMs !== expect.mtimeMs) throw new FileChangedError(real, 'its size or time differ');
    }

    temp = join(dirname(real), `.${basename(real)}.kam-${MACHINE}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    // Registered before it exists: a signal from here on removes it (or finds nothing yet).
    pending = track(temp);
    const perm = target ? target.mode & 0o777 : (options.createMode ?? 0o666);
    handle = await open(temp, 'wx', target ? narrowGroup(perm) : perm);
    made = true;
    const mode = target ? await keepOwnerAndMode(handle, target) : undefined;
    const created = await handle.stat();

    await write(handle, temp);

    const now = await lstat(temp).catch(() => undefined);
    if (!now || !now.isFile() || now.ino !== created.ino || now.dev !== created.dev) {
      if (pending.interrupted) throw new InterruptedError(real, pending.interrupted);
      throw new Error(`the temp file ${temp} was removed or replaced while being written`);
    }
    if (mode !== undefined) await setMode(handle, mode);
    await handle.sync();
    await handle.close();
    handle = undefined;

    if (expect) await verifyUnchanged(real, expect);
    if (pending.interrupted) throw new InterruptedError(real, pending.interrupted);
    await rename(temp, real);
    temp = undefined;
    await syncFolder(dirname(real));
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    // Only a temp this call made (an EEXIST from open is someone else's file).
    if (temp && made) await unlink(temp).catch(() => undefined);
    throw diskFullOr(error, real);
  } finally {
    if (pending) untrack(pending);
  }
}

/** The file a path finally names: symlinks followed (relative ones from their own folder), also to a file not there yet. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  let p = resolve(path);
  for (let hops = 0; hops <= 40; hops++) {
    let st: Stats;
    try {
      st = await lstat(p);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return p;
      throw error;
    }
    if (!st.isSymbolicLink()) return p;
    // The link's folder resolved first, so that `..` in the link means what the kernel makes of it.
    p = resolve(await realpath(dirname(p)), await readlink(p));
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: 'ELOOP' });
}

/** Group bits no wider than the others' bits: what a group we did not choose may be given. */
function narrowGroup(mode: number): number {
  return (mode & ~0o070) | (mode & 0o070 & ((mode & 0o007) << 3));
}

const CANNOT_CHOWN = new Set(['EPERM', 'EINVAL', 'ENOTSUP', 'ENOSYS']);

/** Gives the fresh (empty) temp the target's owner, group and exact mode as far as allowed; returns the mode set. */
async function keepOwnerAndMode(handle: FileHandle, target: Stats): Promise<number> {
  let st = await handle.stat();
  if (typeof process.getuid === 'function' && (st.uid !== target.uid || st.gid !== target.gid)) {
    try {
      await handle.chown(target.uid, target.gid);
    } catch (error) {
      if (!CANNOT_CHOWN.has(errorCode(error) ?? '')) throw error;
      // Not allowed to give the file away: at least the group, when we are a member of it.
      if (st.gid !== target.gid) await handle.chown(-1, target.gid).catch((e: unknown) => {
        if (!CANNOT_CHOWN.has(errorCode(e) ?? '')) throw e;
      });
    }
    st = await handle.stat();
  }
  let mode = target.mode & 0o7777;
  if (typeof process.getuid === 'function') {
    if (st.uid !== target.uid || st.gid !== target.gid) mode &= 0o777;
    if (st.gid !== target.gid) mode = narrowGroup(mode);
  }
  await setMode(handle, mode);
  return mode;
}

/** fchmod; a filesystem that cannot (FAT, some shares) is accepted when the file is no wider already. */
async function setMode(handle: FileHandle, mode: number): Promise<void> {
  try {
    await handle.chmod(mode);
  } catch (error) {
    const current = (await handle.stat()).mode & 0o7777;
    if (!CANNOT_CHOWN.has(errorCode(error) ?? '') || (current & ~mode) !== 0) throw error;
  }
}

/** Refuses unless the file at `real` is still the one fingerprinted: size, mtime, bytes, and still the file hashed. */
async function verifyUnchanged(real: string, expect: Fingerprint): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(real, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new FileChangedError(real, 'it is gone');
    throw error;
  }
  let hashed: Stats;
  try {
    hashed = await handle.stat();
    if (hashed.size !== expect.size || hashed.mtimeMs !== expect.mtimeMs) throw new FileChangedError(real, 'its size or time differ');
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 20);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total !== expect.size || hash.digest('hex') !== expect.sha256) throw new FileChangedError(real, 'its content differs');
  } finally {
    await handle.close();
  }
  const last = await stat(real).catch(() => undefined);
  if (!last || last.ino !== hashed.ino || last.dev !== hashed.dev || last.size !== hashed.size || last.mtimeMs !== hashed.mtimeMs) {
    throw new FileChangedError(real, 'it was replaced just now');
  }
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some systems (Windows) and filesystems cannot open or fsync a folder.
  }
}

/** This host, boot and pid namespace: where the pid in a temp's name can be asked about. */
export const MACHINE = (() => {
  const read = (f: () => string) => {
    try {
      return f();
    } catch {
      return '';
    }
  };
  const boot = read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  const pids = read(() => readlinkSync('/proc/self/ns/pid'));
  return createHash('sha256').update(`${hostname()}\0${boot}\0${pids}`).digest('hex').slice(0, 8);
})();

/**
 * Removes temps of our naming beside the target (symlinks followed) left by dead runs: of this
 * machine when the pid is not alive, of another machine (or of an older naming without the
 * machine) when nobody wrote them for `olderThanMs` (default STALE_AFTER_MS) either; returns
 * their paths. Temps of this process are never touched.
 */
export async function cleanStaleTemps(path: string, options: { olderThanMs?: number } = {}): Promise<string[]> {
  const real = await realTarget(path);
  const folder = dirname(real);
  const pattern = new RegExp(`^\\.${basename(real).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.kam-(?:([0-9a-f]{8})-)?(\\d+)-[0-9a-f]+\\.tmp$`);
  const olderThan = options.olderThanMs ?? STALE_AFTER_MS;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    const pid = Number(m?.[2]);
    if (!m || !Number.isSafeInteger(pid) || pid <= 0) continue;
    const here = m[1] === MACHINE;
    if (here && pid === process.pid) continue;
    if (here && isAlive(pid)) continue;
    if (!here && m[1] === undefined && (pid === process.pid || isAlive(pid))) continue;
    const file = join(folder, name);
    const st = await lstat(file).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (!here && Date.now() - st.mtimeMs < olderThan) continue;
    try {
      await unlink(file);
      removed.push(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return errorCode(error) !== 'ESRCH';
  }
}

// ---------------------------------------------------------------------------------------------
// Temps removed on SIGINT, SIGTERM, SIGHUP and exit

interface Pending {
  temp: string;
  interrupted?: NodeJS.Signals;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const pendings = new Set<Pending>();
const handlers = new Map<NodeJS.Signals, () => void>();

function track(temp: string): Pending {
  const pending: Pending = { temp };
  if (pendings.size === 0) install();
  pendings.add(pending);
  return pending;
}

function untrack(pending: Pending): void {
  pendings.delete(pending);
  if (pendings.size === 0) uninstall();
}

function removeTempsSync(signal?: NodeJS.Signals): void {
  for (const pending of pendings) {
    if (signal) pending.interrupted ??= signal;
    try {
      // Only our own regular file (a signal may come before it exists or after the rename).
      if (lstatSync(pending.temp).isFile()) unlinkSync(pending.temp);
    } catch {
      // gone already
    }
  }
}

function onExit(): void {
  removeTempsSync();
}

function install(): void {
  for (const signal of SIGNALS) {
    const handler = () => {
      removeTempsSync(signal);
      // Other listeners decide what the signal means; without them, die of it as Node would.
      if (process.listenerCount(signal) > 1) return;
      uninstall();
      process.kill(process.pid, signal);
      process.exit(128 + (osConstants.signals[signal] ?? 0));
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  process.on('exit', onExit);
}

function uninstall(): void {
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  handlers.clear();
  process.removeListener('exit', onExit);
}
