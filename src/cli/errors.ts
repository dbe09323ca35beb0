import type { Messages } from './messages';

/**
 * An error the user can fix: its sentence (rendered in the CLI's language when printed) and the
 * exit status. main() prints it as one line (several for a workbook's problem list), never a
 * stack trace.
 */
export class CliError extends Error {
  constructor(
    readonly render: (m: Messages) => string | string[],
    readonly exitCode = 2,
    /** Print the whole usage after the message (unknown command). */
    readonly showUsage = false,
  ) {
    super('kam error');
    this.name = 'CliError';
  }
}

/** A malformed command line: exit status 2. */
export class UsageError extends CliError {
  constructor(render: (m: Messages) => string, showUsage = false) {
    super(render, 2, showUsage);
    this.name = 'UsageError';
  }
}

/** A file that cannot be read or written as asked: exit status 2. */
export class InputError extends CliError {
  constructor(render: (m: Messages) => string | string[]) {
    super(render, 2);
    this.name = 'InputError';
  }
}
