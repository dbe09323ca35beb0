import type { Lang } from '../domain/i18n/messages';

/**
 * Every sentence the `kam` command prints of its own, in both languages. Findings and
 * workbook problems come from the domain's i18n; KPI names from KPI_LABELS.
 */

export type { Lang };

/** The CLI's language: `--lang`, else the locale variables (POSIX precedence), else Chinese. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  // LC_ALL overrides LC_MESSAGES, which overrides LANG; the first one set decides.
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (/^zh/i.test(value)) return 'zh';
    if (/^en/i.test(value)) return 'en';
    return 'zh';
  }
  return 'zh';
}

/** `zh`, `zh-CN`, `en`, `en_US`… → the language; anything else null. */
export function parseLang(text: string): Lang | null {
  const t = text.trim().toLowerCase();
  if (/^zh([-_](cn|hans|hans[-_]cn))?$/.test(t)) return 'zh';
  if (/^en([-_](us|gb))?$/.test(t)) return 'en';
  return null;
}

const USAGE_EN = `KAM for Excel — key-account management on a workbook

Usage:
  kam init FILE [--lang zh|en] [--demo] [--seed N] [--scale N] [--as-of YYYY-MM-DD]
      Create a new workbook with every table, the settings and the scoring scheme.
      --demo fills it with demo data (--seed N: reproducible data, default 1;
      --scale N: N times the demo data, 1-1000). Never overwrites a file.
  kam validate FILE [--json] [--as-of YYYY-MM-DD] [--period P] [--lang zh|en]
      Check every table; exit status 1 when there are errors. --period P: the period
      whose plans must exist (default: the quarter of --as-of).
  kam kpi FILE --period P [--as-of YYYY-MM-DD] [--strict] [--json] [--write] [--lang zh|en]
      KPIs and scorecards of a period: 2026 (year), 2026Q3 (quarter), 2026-07 (month).
      --strict refuses to compute when rows with errors would be left out.
      --write stores the results in the workbook's KpiResults, Scorecards and Pipeline
      sheets (the period's rows replaced, other periods kept; saved atomically).
  kam form FILE --template CODE [--customer ID|--visit ID|--complaint ID|--staff ID]
           [--period P] [--out NEW.xlsx] [--as-of YYYY-MM-DD] [--lang zh|en]
      A print-ready form (A4) filled from the workbook, in the workbook's language:
        customer-profile     大客户信息档案表 key-account profile      --customer ID
        visit-plan           大客户拜访计划表 visit plan               --staff ID [--period P]
        visit-report         客户拜访记录表   visit report             --visit ID
        reception-register   客户接待登记表   reception register       [--staff ID] [--period P]
        satisfaction-survey  大客户满意度调查表 blank survey           --customer ID
        complaint-form       客户投诉处理单   complaint handling       --complaint ID
        assessment-form      季度绩效考核表   quarterly assessment     --staff ID [--period P]
      --period defaults to the quarter of --as-of (assessment-form: the last quarter
      ended). --out writes a new workbook holding just the form; without it the form is
      added to FILE as a new sheet (saved atomically).
  kam help [COMMAND]      this text
  kam --version           the version

  --as-of defaults to today. Messages are in Chinese unless --lang en is given or
  the locale (LC_ALL, LC_MESSAGES, LANG) is English.
Exit status: 0 done, 1 the workbook has errors, 2 bad command line or unreadable file.`;

const USAGE_ZH = `KAM for Excel —— 在 Excel 工作簿中管理大客户

用法：
  kam init 文件 [--lang zh|en] [--demo] [--seed N] [--scale N] [--as-of YYYY-MM-DD]
      新建包含全部表格、设置和考核方案的工作簿。
      --demo 填入演示数据（--seed N：可重现的数据，默认 1；
      --scale N：演示数据的倍数，1–1000）。不会覆盖已有文件。
  kam validate 文件 [--json] [--as-of YYYY-MM-DD] [--period 期间] [--lang zh|en]
      检查所有表格；有错误时退出码为 1。--period：检查该期间的计划指标是否齐全
      （默认为 --as-of 所在季度）。
  kam kpi 文件 --period 期间 [--as-of YYYY-MM-DD] [--strict] [--json] [--write] [--lang zh|en]
      计算期间的 KPI 和考核得分。期间：2026（年）、2026Q3（季度）、2026-07（月）。
      --strict：若有数据错误导致某些行不能计入，则拒绝计算。
      --write：把结果写入工作簿的 KPI结果、考核汇总、商机漏斗 工作表（替换该期间的行，
      保留其他期间；原子保存）。
  kam form 文件 --template 表格代码 [--customer 编号|--visit 编号|--complaint 编号|--staff 编号]
           [--period 期间] [--out 新文件.xlsx] [--as-of YYYY-MM-DD] [--lang zh|en]
      用工作簿中的数据生成可直接打印（A4）的表格，语言与工作簿一致：
        customer-profile     大客户信息档案表     --customer 客户编号
        visit-plan           大客户拜访计划表     --staff 员工编号 [--period 期间]
        visit-report         客户拜访记录表       --visit 拜访编号
        reception-register   客户接待登记表       [--staff 员工编号] [--period 期间]
        satisfaction-survey  大客户满意度调查表   --customer 客户编号
        complaint-form       客户投诉处理单       --complaint 投诉编号
        assessment-form      季度绩效考核表       --staff 员工编号 [--period 期间]
      --period 默认为 --as-of 所在季度（assessment-form 为最近结束的季度）。
      --out：把表格写入一个新工作簿；不给出时，表格作为新工作表加入原文件（原子保存）。
  kam help [命令]         显示本帮助
  kam --version           显示版本

  --as-of 默认为今天。默认使用中文提示；给出 --lang en 或英文区域设置
  （LC_ALL、LC_MESSAGES、LANG）时使用英文。
退出码：0 完成，1 工作簿有错误，2 命令行有误或文件无法读取。`;

export interface Messages {
  usage: string;
  /** The hint after a usage error. */
  seeHelp: string;
  /** The prefix of every error line. */
  errorPrefix: string;

  // command line
  unknownCommand(cmd: string, suggestion?: string): string;
  unknownOption(opt: string, command: string, suggestion?: string): string;
  /** An option before any command (only --help, --version and --lang go there). */
  unknownGlobalOption(opt: string, suggestion?: string): string;
  missingValue(opt: string, example: string): string;
  flagTakesNoValue(opt: string): string;
  repeatedOption(opt: string): string;
  missingFile(command: string): string;
  extraArgument(arg: string): string;
  missingPeriod: string;
  badPeriod(opt: string, value: string): string;
  badDate(opt: string, value: string): string;
  badLang(value: string): string;
  badSeed(value: string): string;
  badScale(value: string): string;
  needsDemo(opt: string): string;
  written(file: string, sheets: string[]): string;
  missingTemplate(codes: string): string;
  unknownTemplate(code: string, codes: string, suggestion?: string): string;
  manySubjects(options: string[]): string;
  wrongSubject(template: string, option: string, expected: string | null): string;
  missingSubject(template: string, option: string, example: string): string;
  periodNotForTemplate(template: string): string;

  // files
  fileNotFound(file: string): string;
  isDirectory(file: string): string;
  cannotRead(file: string, reason: string): string;
  noPermission: string;
  noCommand: string;
  emptyFile(file: string): string;
  oldXls(file: string): string;
  textFile(file: string): string;
  notXlsx(file: string): string;
  corrupt(file: string, reason: string): string;
  zipNotWorkbook(file: string): string;
  /** A part the workbook's cells refer to is missing (`xl/sharedStrings.xml`). */
  missingPart(file: string, part: string): string;
  /** A cell or table too large to read, or a package that would inflate past the limits. */
  tooLarge(file: string, what: TooLarge): string;
  changedWhileWorking(file: string): string;
  diskFull(file: string): string;
  noKamTables(file: string, sheets: string): string;
  problemsHeader(file: string, count: number): string;
  fileExists(file: string): string;
  notXlsxName(file: string): string;
  cannotWrite(file: string, reason: string): string;
  noFolder(file: string): string;
  internalError(message: string): string;

  // validate
  noFindings: string;
  findingSummary(errors: number, warnings: number): string;
  /** Row label in the grouped list: "第 7 行" / "row 7". */
  row(n: number): string;

  // kpi
  periodLine(period: string, start: string, end: string, asOf: string): string;
  department: string;
  headKpi: string;
  headNumerator: string;
  headDenominator: string;
  headValue: string;
  scorecards: string;
  headStaff: string;
  headName: string;
  headRole: string;
  headTarget: string;
  headWeight: string;
  headScore: string;
  headTotal: string;
  headResult: string;
  pass: string;
  warn: string;
  noScore: string;
  direction(dir: '越高越好' | '越低越好'): string;
  excludedLine(parts: string): string;
  noneExcluded: string;
  strictRefused(file: string, parts: string, rows: number): string;
  runValidate(file: string): string;
  /** Role word (the Chinese word is the engine's canonical value). */
  role(zh: string): string;

  // init
  created(file: string, lang: Lang, demo: boolean, seed: number, scale: number): string;
  /** `12 rows` after a sheet name in init's summary. */
  rowCount(rows: number): string;

  // form
  /** A sentence the engine gives in both languages (a form's missing subject). */
  localized(text: Record<Lang, string>): string;
  formAdded(file: string, title: string, sheet: string): string;
  formWritten(out: string, title: string, sheet: string): string;
  outExists(file: string): string;
  outIsInput(file: string): string;
}

/** Which limit of the package reader (src/workbook/xlsx/package/limits.ts) a file passed. */
export type TooLarge =
  | { limit: 'total' | 'ratio'; part: string; allowed: number }
  | { limit: 'parts'; count: number; allowed: number }
  | { limit: 'cellText'; part: string; length: number; allowed: number }
  | { limit: 'cells'; table: string; cells: number; allowed: number };

const gib = (bytes: number) => `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB`;

const ROLE_EN: Record<string, string> = { 经理: 'Manager', 内勤: 'Clerk', 专员: 'Specialist' };

const en: Messages = {
  usage: USAGE_EN,
  seeHelp: "Run 'kam --help' for usage.",
  errorPrefix: 'kam: ',

  unknownCommand: (cmd, s) => `unknown command '${cmd}'${s ? ` (did you mean '${s}'?)` : ''}.`,
  unknownOption: (opt, command, s) => `unknown option ${opt} for 'kam ${command}'${s ? ` (did you mean ${s}?)` : ''}.`,
  unknownGlobalOption: (opt, s) => `unknown option ${opt}${s ? ` (did you mean ${s}?)` : ''}: a command comes first, e.g. kam validate FILE.`,
  missingValue: (opt, example) => `option ${opt} needs a value, e.g. ${opt} ${example}.`,
  flagTakesNoValue: (opt) => `option ${opt} takes no value.`,
  repeatedOption: (opt) => `option ${opt} is given more than once.`,
  missingFile: (command) => `missing the workbook: kam ${command} FILE.`,
  extraArgument: (arg) => `unexpected argument '${arg}': give one workbook file.`,
  missingPeriod: 'missing --period: which period? e.g. --period 2026Q3 (also 2026 or 2026-07).',
  badPeriod: (opt, v) => `${opt}: '${v}' is not a period; write a year 2026, a quarter 2026Q3 or a month 2026-07.`,
  badDate: (opt, v) => `${opt}: '${v}' is not a date; write YYYY-MM-DD, e.g. 2026-10-10.`,
  badLang: (v) => `--lang: '${v}' is not a language; use zh or en.`,
  badSeed: (v) => `--seed: '${v}' is not a whole number from 0 to 4294967295.`,
  badScale: (v) => `--scale: '${v}' is not a whole number from 1 to 1000.`,
  needsDemo: (opt) => `${opt} only applies to demo data: add --demo.`,
  missingTemplate: (codes) => `missing --template: which form? One of ${codes}.`,
  unknownTemplate: (code, codes, s) => `--template: unknown form '${code}'${s ? ` (did you mean '${s}'?)` : ''}; the forms are ${codes}.`,
  manySubjects: (opts) => `give only one of ${opts.join(', ')}: a form has one subject.`,
  wrongSubject: (t, opt, expected) =>
    expected === null ? `the ${t} form takes no ${opt}.` : `the ${t} form takes ${expected}, not ${opt}.`,
  missingSubject: (t, opt, example) => `the ${t} form needs ${opt}, e.g. ${opt} ${example}.`,
  periodNotForTemplate: (t) => `the ${t} form covers no period: leave out --period.`,
  written: (f, sheets) => `Saved the results into ${f}: sheets ${sheets.join(', ')} (this period's rows replaced, other periods kept).`,

  fileNotFound: (f) => `${f}: no such file.`,
  isDirectory: (f) => `${f} is a folder, not an .xlsx workbook.`,
  cannotRead: (f, r) => `cannot read ${f}: ${r}.`,
  noPermission: 'permission denied',
  noCommand: 'no command given: use kam init, kam validate, kam kpi or kam form.',
  emptyFile: (f) => `${f} is empty (0 bytes), not an .xlsx workbook.`,
  oldXls: (f) =>
    `${f} is not an .xlsx workbook: it is an old-format .xls file or a password-protected workbook; in Excel, remove the password and save it as .xlsx.`,
  textFile: (f) => `${f} is not an .xlsx workbook: it is a text file (CSV?); open it in Excel and save it as .xlsx.`,
  notXlsx: (f) => `${f} is not an .xlsx workbook (an .xlsx file is a ZIP package; this is not).`,
  corrupt: (f, r) => `${f} is damaged and cannot be opened as an .xlsx workbook${r ? ` (${r})` : ''}.`,
  zipNotWorkbook: (f) => `${f} is a ZIP archive but not an Excel workbook (it has no worksheets).`,
  missingPart: (f, part) => `${f} is incomplete: its cells refer to the part ${part}, which the file does not contain; open it in Excel or LibreOffice and save it again.`,
  tooLarge: (f, w) => {
    switch (w.limit) {
      case 'total':
        return `${f} is refused: its parts would unpack to more than ${gib(w.allowed)} (at ${w.part}).`;
      case 'ratio':
        return `${f} is refused: the part ${w.part} unpacks to more than ${w.allowed} times its packed size (a zip bomb?).`;
      case 'parts':
        return `${f} is refused: it holds ${w.count} parts, more than the ${w.allowed} a workbook may.`;
      case 'cellText':
        return `${f} is refused: a cell in ${w.part} holds more than ${w.allowed} characters, Excel's limit.`;
      case 'cells':
        return `${f} is refused: the table ${w.table} would take ${w.cells} cells, more than the ${w.allowed} the add-in reads; delete the empty rows and columns after the data (or the stray cell far below or to the right).`;
    }
  },
  changedWhileWorking: (f) => `${f} changed while we worked (another program or person saved it): nothing was written; run again.`,
  diskFull: (f) => `cannot write ${f}: the disk is full; the workbook was left as it was.`,
  noKamTables: (f, sheets) =>
    `${f} has none of the KAM tables (no table or sheet named ${sheets}…): is it a KAM workbook? 'kam init' creates one.`,
  problemsHeader: (f, n) => `${f} cannot be used until ${n === 1 ? 'this problem is' : `these ${n} problems are`} fixed:`,
  fileExists: (f) => `${f} already exists: kam init never overwrites a file; choose another name or remove it first.`,
  notXlsxName: (f) => `${f}: the new workbook's name must end with .xlsx.`,
  cannotWrite: (f, r) => `cannot write ${f}: ${r}.`,
  noFolder: (f) => `cannot write ${f}: its folder does not exist.`,
  internalError: (m) => `internal error: ${m} (please report it).`,

  noFindings: 'No problems found.',
  findingSummary: (e, w) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}.`,
  row: (n) => `row ${n}`,

  periodLine: (p, s, e, a) => `KPIs for ${p} (${s} to ${e}), as of ${a}`,
  department: 'Department',
  headKpi: 'KPI',
  headNumerator: 'Numerator',
  headDenominator: 'Denominator',
  headValue: 'Value',
  scorecards: 'Scorecards',
  headStaff: 'Staff ID',
  headName: 'Name',
  headRole: 'Role',
  headTarget: 'Target',
  headWeight: 'Weight',
  headScore: 'Score',
  headTotal: 'Total',
  headResult: 'Result',
  pass: 'Pass',
  warn: 'Warning',
  noScore: 'no score',
  direction: (d) => (d === '越低越好' ? 'lower is better' : 'higher is better'),
  excludedLine: (parts) => `Rows left out of at least one KPI because of errors: ${parts}. Run kam validate to see them.`,
  noneExcluded: 'Every row was counted (no errors in the fields the KPIs read).',
  strictRefused: (f, parts, rows) =>
    `--strict: no KPIs computed: ${rows} ${rows === 1 ? 'row' : 'rows'} of ${f} would be left out because of errors (${parts}).`,
  runValidate: (f) => `Fix them (kam validate ${f} lists them) or run without --strict.`,
  role: (zh) => ROLE_EN[zh] ?? zh,

  created: (f, lang, demo, seed, scale) =>
    `Created ${f}: a new ${lang === 'zh' ? 'Chinese' : 'English'} workbook${demo ? ` with demo data (seed ${seed}, scale ${scale})` : ', empty tables'}.`,
  rowCount: (n) => `${n} ${n === 1 ? 'row' : 'rows'}`,

  localized: (text) => text.en,
  formAdded: (f, title, sheet) => `Added the ${title} to ${f} as sheet '${sheet}'.`,
  formWritten: (out, title, sheet) => `Wrote the ${title} to ${out} (sheet '${sheet}').`,
  outExists: (f) => `--out: ${f} already exists: kam form never overwrites a file; choose another name or remove it first.`,
  outIsInput: (f) => `--out: ${f} is the workbook itself; leave out --out to add the form to it.`,
};

const zh: Messages = {
  usage: USAGE_ZH,
  seeHelp: '运行 kam --help 查看用法。',
  errorPrefix: 'kam：',

  unknownCommand: (cmd, s) => `未知命令“${cmd}”${s ? `（是否要用“${s}”？）` : ''}。`,
  unknownOption: (opt, command, s) => `kam ${command} 没有选项 ${opt}${s ? `（是否要用 ${s}？）` : ''}。`,
  unknownGlobalOption: (opt, s) => `未知选项 ${opt}${s ? `（是否要用 ${s}？）` : ''}：请先写命令，例如 kam validate 文件。`,
  missingValue: (opt, example) => `选项 ${opt} 需要一个值，例如 ${opt} ${example}。`,
  flagTakesNoValue: (opt) => `选项 ${opt} 不带值。`,
  repeatedOption: (opt) => `选项 ${opt} 重复给出。`,
  missingFile: (command) => `缺少工作簿文件：kam ${command} 文件。`,
  extraArgument: (arg) => `多余的参数“${arg}”：只能给出一个工作簿文件。`,
  missingPeriod: '缺少 --period：要计算哪个期间？例如 --period 2026Q3（也可以是 2026 或 2026-07）。',
  badPeriod: (opt, v) => `${opt}：“${v}”不是有效的期间，应为年 2026、季度 2026Q3 或月 2026-07。`,
  badDate: (opt, v) => `${opt}：“${v}”不是有效的日期，应写作 YYYY-MM-DD，例如 2026-10-10。`,
  badLang: (v) => `--lang：“${v}”不是可用的语言，请用 zh 或 en。`,
  badSeed: (v) => `--seed：“${v}”不是 0 到 4294967295 之间的整数。`,
  badScale: (v) => `--scale：“${v}”不是 1 到 1000 之间的整数。`,
  needsDemo: (opt) => `${opt} 只用于演示数据：请同时给出 --demo。`,
  missingTemplate: (codes) => `缺少 --template：要生成哪种表格？可选 ${codes}。`,
  unknownTemplate: (code, codes, s) => `--template：没有表格“${code}”${s ? `（是否要用“${s}”？）` : ''}；可选 ${codes}。`,
  manySubjects: (opts) => `${opts.join('、')} 只能给出一个：一张表格只有一个对象。`,
  wrongSubject: (t, opt, expected) => (expected === null ? `${t} 表格不接受 ${opt}。` : `${t} 表格需要 ${expected}，而不是 ${opt}。`),
  missingSubject: (t, opt, example) => `${t} 表格需要 ${opt}，例如 ${opt} ${example}。`,
  periodNotForTemplate: (t) => `${t} 表格不按期间生成：请去掉 --period。`,
  written: (f, sheets) => `已将结果保存到 ${f}：工作表 ${sheets.join('、')}（替换本期间的行，保留其他期间）。`,

  fileNotFound: (f) => `找不到文件 ${f}。`,
  isDirectory: (f) => `${f} 是文件夹，不是 .xlsx 工作簿。`,
  cannotRead: (f, r) => `无法读取 ${f}：${r}。`,
  noPermission: '没有访问权限',
  noCommand: '缺少命令：请使用 kam init、kam validate、kam kpi 或 kam form。',
  emptyFile: (f) => `${f} 是空文件（0 字节），不是 .xlsx 工作簿。`,
  oldXls: (f) => `${f} 不是 .xlsx 工作簿：它是旧版 .xls 文件或设有密码的工作簿；请在 Excel 中取消密码并另存为 .xlsx。`,
  textFile: (f) => `${f} 不是 .xlsx 工作簿：它是文本文件（CSV？）；请在 Excel 中打开并另存为 .xlsx。`,
  notXlsx: (f) => `${f} 不是 .xlsx 工作簿（.xlsx 文件是 ZIP 压缩包，而它不是）。`,
  corrupt: (f, r) => `${f} 已损坏，无法作为 .xlsx 工作簿打开${r ? `（${r}）` : ''}。`,
  zipNotWorkbook: (f) => `${f} 是 ZIP 压缩包，但不是 Excel 工作簿（其中没有工作表）。`,
  missingPart: (f, part) => `${f} 不完整：单元格引用的部件 ${part} 不在文件中；请用 Excel 或 LibreOffice 打开后重新保存。`,
  tooLarge: (f, w) => {
    switch (w.limit) {
      case 'total':
        return `已拒绝 ${f}：其部件解压后将超过 ${gib(w.allowed)}（在 ${w.part}）。`;
      case 'ratio':
        return `已拒绝 ${f}：部件 ${w.part} 解压后超过压缩大小的 ${w.allowed} 倍（疑似压缩炸弹）。`;
      case 'parts':
        return `已拒绝 ${f}：它含有 ${w.count} 个部件，超过工作簿允许的 ${w.allowed} 个。`;
      case 'cellText':
        return `已拒绝 ${f}：${w.part} 中有单元格超过 ${w.allowed} 个字符（Excel 的上限）。`;
      case 'cells':
        return `已拒绝 ${f}：表 ${w.table} 将占用 ${w.cells} 个单元格，超过加载项可读取的 ${w.allowed} 个；请删除数据之后的空行、空列（或远处的零散单元格）。`;
    }
  },
  changedWhileWorking: (f) => `${f} 在处理期间被其他程序或他人保存过：未写入任何内容，请重新运行。`,
  diskFull: (f) => `无法写入 ${f}：磁盘已满；工作簿保持原样。`,
  noKamTables: (f, sheets) => `${f} 中没有任何 KAM 表格（没有名为 ${sheets}…的表格或工作表）：它是 KAM 工作簿吗？可用 kam init 新建。`,
  problemsHeader: (f, n) => `${f} 有 ${n} 个问题，修正后才能使用：`,
  fileExists: (f) => `${f} 已存在：kam init 不会覆盖文件，请换一个文件名或先删除它。`,
  notXlsxName: (f) => `${f}：新工作簿的文件名必须以 .xlsx 结尾。`,
  cannotWrite: (f, r) => `无法写入 ${f}：${r}。`,
  noFolder: (f) => `无法写入 ${f}：所在文件夹不存在。`,
  internalError: (m) => `内部错误：${m}（请报告此问题）。`,

  noFindings: '没有发现问题。',
  findingSummary: (e, w) => `共 ${e} 个错误，${w} 个警告。`,
  row: (n) => `第 ${n} 行`,

  periodLine: (p, s, e, a) => `${p} 期间 KPI（${s} 至 ${e}），截至 ${a}`,
  department: '部门',
  headKpi: '指标',
  headNumerator: '分子',
  headDenominator: '分母',
  headValue: '值',
  scorecards: '考核汇总',
  headStaff: '员工编号',
  headName: '姓名',
  headRole: '岗位',
  headTarget: '目标',
  headWeight: '权重',
  headScore: '得分',
  headTotal: '综合得分',
  headResult: '考核结果',
  pass: '合格',
  warn: '警告',
  noScore: '无得分',
  direction: (d) => d,
  excludedLine: (parts) => `因数据错误未计入至少一项指标的行：${parts}。运行 kam validate 查看错误。`,
  noneExcluded: '所有行均已计入（指标读取的字段没有错误）。',
  strictRefused: (f, parts, rows) => `--strict：未计算 KPI：${f} 中有 ${rows} 行因数据错误将不能计入（${parts}）。`,
  runValidate: (f) => `请先修正错误（kam validate ${f} 可列出），或去掉 --strict 运行。`,
  role: (z) => z,

  created: (f, lang, demo, seed, scale) =>
    `已创建 ${f}：新的${lang === 'zh' ? '中文' : '英文'}工作簿${demo ? `，含演示数据（种子 ${seed}，规模 ${scale}）` : '，表格为空'}。`,
  rowCount: (n) => `${n} 行`,

  localized: (text) => text.zh,
  formAdded: (f, title, sheet) => `已将${title}添加到 ${f}：工作表“${sheet}”。`,
  formWritten: (out, title, sheet) => `已将${title}写入 ${out}（工作表“${sheet}”）。`,
  outExists: (f) => `--out：${f} 已存在：kam form 不会覆盖文件，请换一个文件名或先删除它。`,
  outIsInput: (f) => `--out：${f} 就是原工作簿；要把表格加入原文件，请去掉 --out。`,
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
