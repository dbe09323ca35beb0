/**
 * What the package layer refuses (a LimitError or a PackageError: a zip bomb, a stray cell at
 * XFD1048576, a damaged zip, a missing part), as the sentence for it in the user's language.
 * Pure, so that the preview host says it in the same words as `kam` when a file is opened there.
 */
import { LimitError, PackageError } from '../workbook/xlsx';
import { Messages, TooLarge } from './messages';

export function packageRefusal(file: string, e: unknown): (m: Messages) => string {
  if (e instanceof LimitError) {
    const what = tooLarge(e);
    return (m) => m.tooLarge(file, what);
  }
  if (e instanceof PackageError) {
    if (e.reason === 'noWorkbook') return (m) => m.zipNotWorkbook(file);
    if (e.reason === 'encrypted') return (m) => m.oldXls(file);
    if (e.reason === 'missingPart') return (m) => m.missingPart(file, e.part);
  }
  return (m) => m.corrupt(file, shortReason(e));
}

function tooLarge(e: LimitError): TooLarge {
  switch (e.limit) {
    case 'parts':
      return { limit: 'parts', count: e.actual, allowed: e.allowed };
    case 'cellText':
      return { limit: 'cellText', part: e.where, length: e.actual, allowed: e.allowed };
    case 'cells':
      return { limit: 'cells', table: e.where, cells: e.actual, allowed: e.allowed };
    default:
      return { limit: e.limit, part: e.where, allowed: e.allowed };
  }
}

/** The first line of a library's error, without links, short enough for one line. */
export function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = (text.split('\n')[0] ?? '')
    .replace(/\s*If it is, see \S+/i, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
