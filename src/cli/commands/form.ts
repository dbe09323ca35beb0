import ExcelJS from 'exceljs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FORM_TEMPLATES } from '../../domain/forms';
import { GenerateFormOptions, generateForm } from '../../workbook/operations';
import type { WorkbookPort } from '../../workbook/port';
import { packagePort } from '../../workbook/xlsx';
import { saveAtomically, xlsxPort } from '../../workbook/xlsx/exceljs';
import { savePackage } from '../../workbook/xlsx/node';
import { FormArgs } from '../args';
import { CliContext, timed } from '../context';
import { InputError } from '../errors';
import { shortReason } from '../refusal';
import { assertUsable, isFsError, openWorkbook, writeError } from '../workbook';

/**
 * `kam form FILE --template CODE …` (SPEC §5, §6): a print-ready form filled from the workbook,
 * in the workbook's language, made by the generateForm operation (the task pane's too). With
 * --out it is the only sheet of a new workbook (never over an existing file); without, it is
 * added to FILE as a new sheet, made active, and the workbook saved atomically. A missing
 * subject, an unknown ID, a workbook lacking a table: one sentence, exit status 2, and no file
 * written.
 */
export async function runForm(args: FormArgs, ctx: CliContext): Promise<number> {
  if (args.out !== undefined) await checkOut(args.file, args.out);
  const { opened } = await timed(ctx, 'load', () => openWorkbook(args.file));
  const options: GenerateFormOptions = { template: args.template, period: args.period, asOf: args.asOf ?? ctx.today };
  if (args.subject) options[args.subject.kind] = args.subject.id;

  const source = packagePort(opened.pkg);
  const book = args.out === undefined ? null : newWorkbook();
  const port = book === null ? source : readingInto(source, book);
  const outcome = await timed(ctx, 'engine', () => generateForm(port, options));
  if (outcome.kind === 'problems') {
    assertUsable(args.file, outcome.problems, ctx.lang); // throws: one line per missing table or column
    return 2;
  }
  if (outcome.kind === 'error') {
    const { message } = outcome.error;
    throw new InputError((m) => m.localized(message));
  }

  const title = FORM_TEMPLATES[args.template].title[ctx.lang];
  const target = args.out ?? args.file;
  await timed(ctx, 'write', () => save(target, () => (book === null ? savePackage(opened, target) : saveAtomically(book, target))));
  ctx.out(args.out !== undefined ? ctx.m.formWritten(args.out, title, outcome.sheetName) : ctx.m.formAdded(args.file, title, outcome.sheetName));
  return 0;
}

function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'KAM for Excel';
  return book;
}

/** A port reading the tables of one workbook and writing into another (--out): names are the new one's. */
function readingInto(source: WorkbookPort, target: ExcelJS.Workbook): WorkbookPort {
  const out = xlsxPort(target);
  return {
    read: async (request) => ({ ...(await source.read(request)), sheetNames: target.worksheets.map((w) => w.name), tableNames: [] }),
    apply: (plan) => out.apply(plan),
  };
}

/** --out names a new .xlsx in an existing folder: never the workbook itself, never an existing file. */
async function checkOut(file: string, out: string): Promise<void> {
  if (!/\.xlsx$/i.test(out)) throw new InputError((m) => m.notXlsxName(out));
  if (resolve(out) === resolve(file)) throw new InputError((m) => m.outIsInput(out));
  try {
    await lstat(out);
    throw new InputError((m) => m.outExists(out));
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as { code?: unknown })?.code !== 'ENOENT') throw new InputError((m) => m.cannotWrite(out, shortReason(e)));
  }
  const folder = await stat(dirname(out)).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!folder) throw new InputError((m) => m.noFolder(out));
}

/**
 * Saves through a temp file renamed over the target: on failure the target is as it was. The
 * workbook itself is patched (only the new sheet and the directory parts written); --out is a
 * new file ExcelJS writes whole.
 */
async function save(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    throw isFsError(e) && e.code === 'EROFS' ? new InputError((m) => m.cannotWrite(path, m.noPermission)) : writeError(path, e);
  }
}
