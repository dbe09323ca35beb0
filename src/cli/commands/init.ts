import { lstat, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isBlank } from '../../domain/cells';
import { INPUT_TABLES } from '../../domain/tables';
import { readXlsxSnapshot, writeNewWorkbook } from '../../workbook/xlsx/exceljs';
import { InitArgs } from '../args';
import { CliContext, timed } from '../context';
import { InputError } from '../errors';
import { layoutTable } from '../format';
import { shortReason } from '../refusal';

/**
 * `kam init FILE`: a new workbook with every table. Never overwrites: an existing path (file,
 * folder or link) is refused before anything is written. The workbook's language is --lang,
 * else Chinese (SPEC §2: zh-CN is the default), whatever the terminal's locale.
 */
export async function runInit(args: InitArgs, ctx: CliContext): Promise<number> {
  const file = args.file;
  if (!/\.xlsx$/i.test(file)) throw new InputError((m) => m.notXlsxName(file));
  if (await exists(file)) throw new InputError((m) => m.fileExists(file));
  if (!(await isFolder(dirname(file)))) throw new InputError((m) => m.noFolder(file));

  const lang = args.lang ?? 'zh';
  const options = { lang, demo: args.demo, seed: args.seed, scale: args.scale, asOf: args.asOf ?? ctx.today };
  try {
    await timed(ctx, 'write', () => writeNewWorkbook(file, options));
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new InputError((m) => m.cannotWrite(file, m.noPermission));
    if (code === 'EEXIST') throw new InputError((m) => m.fileExists(file));
    throw new InputError((m) => m.cannotWrite(file, shortReason(e)));
  }

  // Read the new file back: proves it opens, and tells what it holds.
  const snapshot = await timed(ctx, 'load', () => readXlsxSnapshot(file));
  const rows: string[][] = [];
  for (const def of INPUT_TABLES) {
    const table = snapshot.tables[def.name];
    if (!table) continue;
    const count = table.rows.filter((r) => !r.every(isBlank)).length;
    rows.push([table.sheetName, ctx.m.rowCount(count)]);
  }
  ctx.out([ctx.m.created(file, lang, args.demo, args.seed, args.scale), ...layoutTable(rows, ['l', 'r'])].join('\n'));
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if ((e as { code?: unknown })?.code === 'ENOENT') return false;
    throw new InputError((m) => m.cannotWrite(path, shortReason(e)));
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
