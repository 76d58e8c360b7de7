/**
 * How the command line reports problems: an `InputError` is the user's to fix (a missing flag, an unreadable
 * file, an image that is not a PNG or JPEG) and exits 2, like a `SpecError` from the core. Anything else is
 * a bug and exits 1.
 */

/** A problem with what the user gave us. Its message is one line, shown after "kernelscope: ". */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Exit statuses of the command line (docs/cli.md). */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;

/** Collapses newlines and runs of spaces, so any message fits the contract's one line on stderr. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short reason for a failed file operation: "no such file" rather than Node's "ENOENT: ..., open 'x'". */
export function fileProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
