/** Runs a CLI entry point: its result is the exit code, an unexpected error is printed with its stack. */
export function executer(principal: () => Promise<number>): void {
  principal().then(
    (code) => {
      process.exitCode = code;
    },
    (erreur) => {
      process.stderr.write(`${erreur instanceof Error ? erreur.stack : String(erreur)}\n`);
      process.exitCode = 1;
    },
  );
}
