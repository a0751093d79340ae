/**
 * `--help` for the project's command-line tools: each passes its usage (what its doc comment
 * says, in a few lines); asked for help, it prints that and exits 0 before doing anything.
 */
export function answerHelp(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  console.log(usage.trim());
  process.exit(0);
}

/** A whole-number option (`--name N`), or `fallback` when it is not given. */
export function sizeFlag(
  name: string,
  fallback: number,
  argv: readonly string[] = process.argv.slice(2),
): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} takes a whole number ≥ 1`);
    process.exit(2);
  }
  return value;
}
