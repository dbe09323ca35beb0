/**
 * Safe replacing of files (src/workbook/xlsx/package/safeFile.ts), on real files in a temp
 * folder: permissions from the first byte, ownership, symlinks, failures, changed files,
 * stale temps, signals (in child processes running the module compiled with @swc/core) and a
 * full disk (a real one in a private tmpfs where the system allows mounting, else skipped).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { FileHandle, open, writeFile } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { transformFileSync } from '@swc/core';
import {
  DiskFullError,
  FileChangedError,
  InterruptedError,
  MACHINE,
  STALE_AFTER_MS,
  cleanStaleTemps,
  diskFullOr,
  readForUpdate,
  replaceFile,
  replaceFileAt,
} from '../../src/workbook/xlsx/package/safeFile';


const ROOT = mkdtempSync(join(tmpdir(), 'kam-safe-'));
// Traversable by the unprivileged child of the ownership test.
chmodSync(ROOT, 0o755);
const LIB = join(ROOT, 'lib');
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = 65534;
const canStrace = process.platform === 'linux' && spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;

beforeAll(() => {
  // The module as CommonJS for the child processes: it imports Node built-ins only.
  mkdirSync(LIB, { mode: 0o755 });
  const out = transformFileSync(join(__dirname, '../../src/workbook/xlsx/package/safeFile.ts'), {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  writeFileSync(join(LIB, 'safeFile.js'), out.code, { mode: 0o644 });
});
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

let n = 0;
/** A new folder under ROOT. */
const folder = (mode = 0o755) => {
  const dir = join(ROOT, `t${++n}`);
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const perm = (path: string) => statSync(path).mode & 0o7777;
const writeText = (text: string) => async (handle: FileHandle) => {
  await handle.write(text);
};
/** The temp being written in `dir` (there is exactly one). */
function theTemp(dir: string): string {
  const found = temps(dir);
  expect(found).toHaveLength(1);
  return join(dir, found[0]);
}
function withUmask<T>(mask: number, run: () => Promise<T>): Promise<T> {
  const old = process.umask(mask);
  return run().finally(() => process.umask(old));
}

describe('permissions and ownership', () => {
  it('writes a 0600 workbook through a temp that is 0600 from the start', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    const seen: number[] = [];
    await replaceFile(file, async (handle) => {
      const temp = theTemp(dir);
      expect(basename(temp)).toMatch(new RegExp(`^\\.book\\.xlsx\\.kam-${MACHINE}-${process.pid}-[0-9a-f]+\\.tmp$`));
      seen.push((await handle.stat()).mode & 0o7777, perm(temp));
      await handle.write('new');
      seen.push(perm(temp));
    });
    expect(seen).toEqual([0o600, 0o600, 0o600]);
    expect(perm(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('gives the temp the exact mode of the target even where the umask would narrow it', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664);
    let during = 0;
    await withUmask(0o027, () =>
      replaceFile(file, async (handle) => {
        during = perm(theTemp(dir));
        await handle.write('new');
      }),
    );
    expect(during).toBe(0o664);
    expect(perm(file)).toBe(0o664);
  });

  it('creates a new file with 0o666 less the umask, or createMode less the umask', async () => {
    const dir = folder();
    await withUmask(0o027, async () => {
      await replaceFile(join(dir, 'a.xlsx'), writeText('a'));
      await replaceFile(join(dir, 'b.xlsx'), writeText('b'), { createMode: 0o600 });
      await replaceFile(join(dir, 'c.xlsx'), writeText('c'), { createMode: 0o644 });
    });
    expect([perm(join(dir, 'a.xlsx')), perm(join(dir, 'b.xlsx')), perm(join(dir, 'c.xlsx'))]).toEqual([0o640, 0o600, 0o640]);
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('a');
  });

  (canStrace ? it : it.skip)('creates the temp with no more than the target’s mode and sets the exact mode before the first byte (strace)', () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const log = join(dir, '..', `strace-${n}.log`);
    const script = `require(process.argv[1]).replaceFile(process.argv[2], async (h) => { await h.write('new'); })`;
    const out = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat,fchmod,write,pwrite64', '-o', log, process.execPath, '-e', script, join(LIB, 'safeFile.js'), file]);
    expect(out.status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    const at = lines.findIndex((l) => /openat\(.*\.book\.xlsx\.kam-[0-9a-f]{8}-\d+-[0-9a-f]+\.tmp"/.test(l));
    // Created exclusively, group bits no wider than the others' until the group is settled: 0600.
    expect(lines[at]).toMatch(/O_CREAT\|O_EXCL.*, 0600/);
    const thread = lines[at].split(' ')[0];
    const opened = /= \d+$/.test(lines[at]) ? lines[at] : lines.slice(at).find((l) => l.startsWith(`${thread} `) && l.includes('<... openat resumed>'))!;
    const fd = /= (\d+)$/.exec(opened)![1];
    const later = lines.slice(at + 1);
    const chmodAt = later.findIndex((l) => l.includes(`fchmod(${fd}, 0640)`));
    const writeAt = later.findIndex((l) => new RegExp(`(write|pwrite64)\\(${fd}, `).test(l));
    expect(chmodAt).toBeGreaterThanOrEqual(0);
    expect(writeAt).toBeGreaterThan(chmodAt);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  (IS_ROOT ? it : it.skip)('keeps owner and group when the process may (root)', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    let during: [number, number, number] = [0, 0, 0];
    await replaceFile(file, async (handle) => {
      const st = await handle.stat();
      during = [st.uid, st.gid, st.mode & 0o7777];
      await handle.write('new');
    });
    expect(during).toEqual([1234, 2345, 0o640]);
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1234, 2345, 0o640]);
  });

  (IS_ROOT ? it : it.skip)('a saver who cannot keep the group gives the new group no more than the others had', async () => {
    // A workbook root:root 0640 in a folder `nobody` may write: nobody can replace it, but the
    // new file is nobody's, in nobody's group, which must not read it as root's group could.
    const dir = folder(0o755);
    chownSync(dir, NOBODY, NOBODY);
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    const script = `
      const { replaceFile } = require(${JSON.stringify(join(LIB, 'safeFile.js'))});
      const fs = require('fs');
      replaceFile(process.argv[1], async (h) => {
        const st = await h.stat();
        await h.write('new');
        console.log(JSON.stringify({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }));
      }).catch((e) => { console.log(JSON.stringify({ error: e.message })); process.exitCode = 1; });`;
    // 0644: others may read, so the new group may too; then 0640 below: others may not.
    let out = spawnSync(process.execPath, ['-e', script, file], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual({ uid: NOBODY, gid: NOBODY, mode: 0o644 });
    expect(perm(file)).toBe(0o644);

    chownSync(file, 0, 0);
    chmodSync(file, 0o640);
    out = spawnSync(process.execPath, ['-e', script, file], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual({ uid: NOBODY, gid: NOBODY, mode: 0o600 });
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([NOBODY, NOBODY, 0o600]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(temps(dir)).toEqual([]);
  });
});

describe('symlinks', () => {
  it('replaces the target of an absolute link, in the target’s folder, and keeps the link', async () => {
    const data = folder();
    const links = folder();
    const file = join(data, 'book.xlsx');
    const link = join(links, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    symlinkSync(file, link);
    await replaceFile(link, async (handle) => {
      expect(temps(links)).toEqual([]);
      theTemp(data);
      await handle.write('new');
    });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(perm(file)).toBe(0o600);
    expect(readdirSync(data)).toEqual(['book.xlsx']);
    expect(readdirSync(links)).toEqual(['book.xlsx']);
  });

  it('follows a relative link and a chain of links', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'data', 'book.xlsx'), 'old');
    symlinkSync('../data/book.xlsx', join(dir, 'links', 'first.xlsx'));
    symlinkSync('first.xlsx', join(dir, 'links', 'second.xlsx'));
    await replaceFile(join(dir, 'links', 'second.xlsx'), writeText('new'));
    expect(readlinkSync(join(dir, 'links', 'second.xlsx'))).toBe('first.xlsx');
    expect(readlinkSync(join(dir, 'links', 'first.xlsx'))).toBe('../data/book.xlsx');
    expect(readFileSync(join(dir, 'data', 'book.xlsx'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'links')).sort()).toEqual(['first.xlsx', 'second.xlsx']);
  });

  it('creates the missing target of a dangling link', async () => {
    const dir = folder();
    symlinkSync('real.xlsx', join(dir, 'link.xlsx'));
    await replaceFile(join(dir, 'link.xlsx'), writeText('new'));
    expect(lstatSync(join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.xlsx'), 'utf8')).toBe('new');
  });
});

describe('failures', () => {
  it('a failing write leaves the original byte-identical and no temp', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'the original workbook');
    const before = sha(file);
    await expect(
      replaceFile(file, async (handle) => {
        await handle.write('half a work');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('replaceFileAt hands over an existing empty temp with the mode, and refuses a temp replaced by the writer', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await replaceFileAt(file, async (temp) => {
      expect(statSync(temp).size).toBe(0);
      expect(perm(temp)).toBe(0o600);
      await writeFile(temp, 'new'); // 'w' keeps the mode
    });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(perm(file)).toBe(0o600);

    await expect(
      replaceFileAt(file, async (temp) => {
        rmSync(temp);
        await writeFile(temp, 'sneaky', { mode: 0o644 });
      }),
    ).rejects.toThrow(/removed or replaced/);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('refuses a target that is not a regular file', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'book.xlsx'));
    await expect(replaceFile(join(dir, 'book.xlsx'), writeText('x'))).rejects.toThrow(/not a regular file/);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });
});

describe('changed while we worked', () => {
  it('reads the whole file with the fingerprint of those bytes', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    const bytes = Buffer.alloc(3 << 20, 7); // more than one read chunk
    bytes.write('head');
    writeFileSync(file, bytes);
    const { data, fingerprint } = await readForUpdate(file);
    expect(data.equals(bytes)).toBe(true);
    expect(fingerprint).toEqual({ size: bytes.length, mtimeMs: statSync(file).mtimeMs, sha256: sha(file) });
  });

  it('replaces an unchanged file', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const { fingerprint } = await readForUpdate(file);
    await replaceFile(file, writeText('new'), { expect: fingerprint });
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it.each([
    ['its content and size', (file: string) => writeFileSync(file, 'changed by Excel meanwhile')],
    [
      'same size, same mtime, other bytes',
      (file: string) => {
        // The file's mtime is whole seconds (set before it was read): it can be put back exactly.
        const { mtimeMs } = statSync(file);
        writeFileSync(file, 'OLD');
        utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
        expect(statSync(file).mtimeMs).toBe(mtimeMs);
      },
    ],
    [
      'it was replaced by a rename',
      (file: string) => {
        writeFileSync(`${file}.other`, 'someone else');
        renameSync(`${file}.other`, file);
      },
    ],
  ])('refuses when the file changed in the meantime (%s), while writing', async (_what, change) => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const { fingerprint } = await readForUpdate(file);
    let changed = '';
    await expect(
      replaceFile(
        file,
        async (handle) => {
          await handle.write('mine');
          change(file);
          changed = sha(file);
        },
        { expect: fingerprint },
      ),
    ).rejects.toBeInstanceOf(FileChangedError);
    expect(sha(file)).toBe(changed);
    expect(temps(dir)).toEqual([]);
  });

  it('refuses when the file is gone, or changed before the call', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const { fingerprint } = await readForUpdate(file);
    writeFileSync(file, 'other');
    await expect(replaceFile(file, writeText('mine'), { expect: fingerprint })).rejects.toThrow(FileChangedError);
    rmSync(file);
    await expect(replaceFile(file, writeText('mine'), { expect: fingerprint })).rejects.toThrow(FileChangedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('of two writers from the same read, the second is refused instead of silently losing the first', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const a = await readForUpdate(file);
    const b = await readForUpdate(file);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = replaceFile(
      file,
      async (handle) => {
        await handle.write('from B');
        await gate;
      },
      { expect: b.fingerprint },
    );
    await replaceFile(file, writeText('from A'), { expect: a.fingerprint });
    release();
    await expect(slow).rejects.toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe('from A');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });
});

describe('stale temps', () => {
  const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);
  let live: ChildProcess;
  let deadPid: number;
  beforeAll(() => {
    live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 10000)'], { stdio: 'ignore' });
    deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  });
  afterAll(() => {
    live.kill();
  });

  function oldTemp(dir: string, name: string): string {
    const path = join(dir, name);
    writeFileSync(path, 'left over');
    utimesSync(path, hourAgo(), hourAgo());
    return path;
  }

  it('removes the temps of dead processes and keeps those of live ones, of this process, fresh ones and other files', async () => {
    const dir = folder();
    const file = join(dir, 'book (1).xlsx');
    writeFileSync(file, 'old');
    const dead = oldTemp(dir, `.book (1).xlsx.kam-${deadPid}-0a1b2c.tmp`);
    const kept = [
      oldTemp(dir, `.book (1).xlsx.kam-${live.pid}-0a1b2c.tmp`),
      oldTemp(dir, `.book (1).xlsx.kam-${process.pid}-0a1b2c.tmp`),
      oldTemp(dir, `.other.xlsx.kam-${deadPid}-0a1b2c.tmp`),
      oldTemp(dir, `.book (1)Xxlsx.kam-${deadPid}-0a1b2c.tmp`),
      oldTemp(dir, `.book (1).xlsx.${deadPid}.0a1b2c.tmp`),
    ];
    const fresh = join(dir, `.book (1).xlsx.kam-${deadPid}-ffff.tmp`);
    writeFileSync(fresh, 'a writer on another machine, maybe');
    expect(await cleanStaleTemps(file)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([file, fresh, ...kept].map((p) => basename(p)).sort());
    // The age rule can be lifted.
    expect(await cleanStaleTemps(file, { olderThanMs: 0 })).toEqual([fresh]);
    expect(STALE_AFTER_MS).toBe(10 * 60 * 1000);
  });

  it('removes a dead run of this machine at once, and waits out a fresh temp of another machine', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const killedHere = join(dir, `.book.xlsx.kam-${MACHINE}-${deadPid}-0a1b.tmp`);
    const liveHere = join(dir, `.book.xlsx.kam-${MACHINE}-${live.pid}-0a1b.tmp`);
    const elsewhere = join(dir, `.book.xlsx.kam-${MACHINE === '00000000' ? '11111111' : '00000000'}-${deadPid}-0a1b.tmp`);
    for (const f of [killedHere, liveHere, elsewhere]) writeFileSync(f, 'partial');
    expect(await cleanStaleTemps(file)).toEqual([killedHere]);
    expect(readdirSync(dir).sort()).toEqual([file, liveHere, elsewhere].map((p) => basename(p)).sort());
  });

  it('replaceFile cleans first, beside the real target of a link', async () => {
    const data = folder();
    const links = folder();
    writeFileSync(join(data, 'book.xlsx'), 'old');
    symlinkSync(join(data, 'book.xlsx'), join(links, 'book.xlsx'));
    oldTemp(data, `.book.xlsx.kam-${deadPid}-beef.tmp`);
    await replaceFile(join(links, 'book.xlsx'), writeText('new'));
    expect(readdirSync(data)).toEqual(['book.xlsx']);
  });
});

// ---------------------------------------------------------------------------------------------
// Signals, in child processes

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** Runs `script` in a child node; resolves when it prints `ready`, then on its exit. */
function child(script: string, args: string[]): { ready: Promise<void>; exit: Promise<Exit>; proc: ChildProcess } {
  const proc = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('ready\n')) onReady();
  });
  const exit = new Promise<Exit>((r) => proc.on('exit', (code, signal) => r({ code, signal, stdout })));
  return { ready, exit, proc };
}

const SLOW_WRITER = `
  const { replaceFile } = require(process.argv[1]);
  if (process.argv[3] === 'listen') process.on('SIGTERM', () => { console.log('own listener'); setTimeout(() => process.exit(7), 200); });
  replaceFile(process.argv[2], async (h) => {
    await h.write('half of the new workbook');
    console.log('ready');
    await new Promise((r) => setTimeout(r, 20000));
  }).then(() => console.log('resolved'), (e) => console.log('rejected ' + e.name));
`;

describe('signals', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('%s while writing removes the temp and ends the process as the signal would (%i)', async (signal, code) => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'the original workbook');
    const before = sha(file);
    const run = child(SLOW_WRITER, [join(LIB, 'safeFile.js'), file]);
    await run.ready;
    expect(temps(dir)).toHaveLength(1);
    run.proc.kill(signal);
    const exit = await run.exit;
    // Re-raised: the child dies of the signal itself, which a shell reports as \$? = code.
    expect(exit).toMatchObject({ signal, code: null });
    expect(128 + osConstants.signals[signal]).toBe(code);
    expect(exit.stdout).toBe('ready\n');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(sha(file)).toBe(before);
  });

  it('with another SIGTERM listener: removes the temp, rejects, and leaves ending the process to that listener', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'the original workbook');
    const before = sha(file);
    const run = child(SLOW_WRITER, [join(LIB, 'safeFile.js'), file, 'listen']);
    await run.ready;
    run.proc.kill('SIGTERM');
    const exit = await run.exit;
    expect(exit).toEqual({ code: 7, signal: null, stdout: 'ready\nown listener\n' });
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(sha(file)).toBe(before);
  });

  it('no listener stays behind after a call, and a call with other listeners ends in InterruptedError (in-process)', async () => {
    const counts = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((s) => process.listenerCount(s));
    const before = counts();
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old');
    const own = () => undefined;
    process.on('SIGHUP', own);
    try {
      let during: number[] = [];
      await expect(
        replaceFile(file, async (handle) => {
          during = counts();
          await handle.write('new');
          process.emit('SIGHUP', 'SIGHUP');
          expect(temps(dir)).toEqual([]);
        }),
      ).rejects.toBeInstanceOf(InterruptedError);
      expect(during).toEqual([before[0] + 1, before[1] + 1, before[2] + 2, before[3] + 1]);
    } finally {
      process.removeListener('SIGHUP', own);
    }
    expect(counts()).toEqual(before);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

// ---------------------------------------------------------------------------------------------
// A full disk

/** A private tmpfs of 256 KB (a mount namespace of its own: nothing to unmount), if allowed here. */
const MOUNT = join(ROOT, 'tiny');
mkdirSync(MOUNT);
const canMount =
  process.platform === 'linux' && spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=256k tmpfs "$0"', MOUNT], { stdio: 'ignore' }).status === 0;

describe('a full disk', () => {
  it('an ENOSPC from the kernel while writing (/dev/full) is a DiskFullError, the original kept', async () => {
    const dir = folder();
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'the original workbook');
    const before = sha(file);
    const error = await replaceFile(file, async (handle) => {
      await handle.write('part of it');
      const full = await open('/dev/full', 'w');
      try {
        await full.write(Buffer.alloc(4096));
      } finally {
        await full.close();
      }
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as DiskFullError).code).toBe('ENOSPC');
    expect(((error as DiskFullError).cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect((error as Error).message).toContain(file);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  (canMount ? it : it.skip)('a filesystem that fills up under the temp is a DiskFullError, the original kept (private tmpfs)', () => {
    const script = `
      const fs = require('fs');
      const { replaceFile } = require(process.argv[1]);
      const file = process.argv[2] + '/book.xlsx';
      fs.writeFileSync(file, 'the original workbook');
      replaceFile(file, async (h) => {
        for (let i = 0; i < 64; i++) await h.write(Buffer.alloc(16384, i));
      }).then(
        () => console.log(JSON.stringify({ resolved: true })),
        (e) => console.log(JSON.stringify({ name: e.name, code: e.code, original: fs.readFileSync(file, 'utf8'), files: fs.readdirSync(process.argv[2]) })),
      );`;
    const out = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$0" -e "$2" "$3" "$1"', process.execPath, MOUNT, script, join(LIB, 'safeFile.js')], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out.stdout)).toEqual({ name: 'DiskFullError', code: 'ENOSPC', original: 'the original workbook', files: ['book.xlsx'] });
  });

  it('maps EDQUOT too, and leaves other errors alone', () => {
    // EDQUOT needs a quota set up: only the mapping is tested here.
    const quota = Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' });
    const mapped = diskFullOr(quota, '/x/book.xlsx');
    expect(mapped).toBeInstanceOf(DiskFullError);
    expect((mapped as DiskFullError).cause).toBe(quota);
    const other = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(diskFullOr(other, '/x/book.xlsx')).toBe(other);
  });
});
