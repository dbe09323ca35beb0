import ExcelJS from 'exceljs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyse } from '../../domain/engine';
import { FORM_TEMPLATES, FormRequest, buildForm, formSheetName, isFormError } from '../../domain/forms';
import { detectLang } from '../../workbook/operations/language';
import { saveAtomically } from '../../workbook/xlsx/port';
import { renderFormSheet } from '../../workbook/xlsx/renderForm';
import { FormArgs } from '../args';
import { CliContext, timed } from '../context';
import { InputError } from '../errors';
import { assertUsable, isFsError, openWorkbook, shortReason } from '../workbook';

/**
 * `kam form FILE --template CODE …` (SPEC §5, §6): a print-ready form filled from the workbook,
 * in the workbook's language. With --out it is the only sheet of a new workbook (never over an
 * existing file); without, it is added to FILE as a new sheet, made active, and the workbook
 * saved atomically. A missing subject, an unknown ID, a workbook lacking a table: one sentence,
 * exit status 2, and no file written.
 */
export async function runForm(args: FormArgs, ctx: CliContext): Promise<number> {
  if (args.out !== undefined) await checkOut(args.file, args.out);
  const { workbook, snapshot } = await timed(ctx, 'load', () => openWorkbook(args.file));
  const asOf = args.asOf ?? ctx.today;
  const analysis = await timed(ctx, 'engine', () => analyse(snapshot, { asOf, period: args.period }));
  assertUsable(args.file, analysis.problems, ctx.lang);

  // The form belongs to the workbook: its language, not the terminal's.
  const lang = detectLang(snapshot);
  const request: FormRequest = { template: args.template, period: args.period, asOf };
  if (args.subject) request[args.subject.kind] = args.subject.id;
  const grid = buildForm(analysis.read.book, request, lang);
  if (isFormError(grid)) throw new InputError((m) => m.localized(grid.message));

  const template = FORM_TEMPLATES[args.template];
  const title = template.title[ctx.lang];
  const sheetTitle = template.sheetTitle[lang];
  if (args.out !== undefined) {
    const book = new ExcelJS.Workbook();
    book.creator = 'KAM for Excel';
    const sheet = formSheetName(sheetTitle, grid.subject, []);
    renderFormSheet(book, grid, sheet);
    await timed(ctx, 'write', () => save(book, args.out!));
    ctx.out(ctx.m.formWritten(args.out, title, sheet));
    return 0;
  }
  const sheet = formSheetName(
    sheetTitle,
    grid.subject,
    workbook.worksheets.map((w) => w.name),
  );
  renderFormSheet(workbook, grid, sheet);
  await timed(ctx, 'write', () => save(workbook, args.file));
  ctx.out(ctx.m.formAdded(args.file, title, sheet));
  return 0;
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

/** Saves through a temp file renamed over the target: on failure the target is as it was. */
async function save(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  try {
    await saveAtomically(workbook, path);
  } catch (e) {
    const denied = isFsError(e) && (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS');
    throw new InputError((m) => m.cannotWrite(path, denied ? m.noPermission : shortReason(e)));
  }
}
