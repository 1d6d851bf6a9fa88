/** Whether a prompt can be shown: only on a terminal, and never under CI (a script there would hang on a question). */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY) && !process.env.CI;
}

/** Today as YYYY-MM-DD in the writer's own time zone: the date they will sign the letter. */
export function today(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
