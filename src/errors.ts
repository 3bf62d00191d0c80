/** Errors that the CLI turns into exit codes (see SPEC.md, "Exit codes"). */
export class ApologizeError extends Error {
  /** Exit code the CLI uses for this error. */
  readonly exitCode: number;
  /** How to fix it: printed after an em dash on the same line. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string, exitCode = 2) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

/** Wrong flags or missing answers: exit 2, nothing written. */
export class UsageError extends ApologizeError {}

/** Bad data in an incident file, a CSV or a value: exit 2 (or a rejected row in batch). */
export class InputError extends ApologizeError {}

/** A template that does not compile or render; names file:line where known. */
export class TemplateError extends ApologizeError {}

/** Ctrl-C at a prompt or during a run. */
export class InterruptError extends ApologizeError {
  constructor(message = 'interrupted') {
    super(message, undefined, 130);
  }
}

/** Output could not be written (disk full, read-only folder…): exit 1, and what was written is said. */
export class OutputError extends ApologizeError {
  constructor(message: string, hint?: string) {
    super(message, hint, 1);
  }
}
