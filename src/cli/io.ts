/** Where the command line writes: stdout and stderr lines, and a progress bar when stderr is a terminal. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw text to stderr (no newline), for the progress bar; given only when stderr is a terminal. */
  progress?: (s: string) => void;
}
