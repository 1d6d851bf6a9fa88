/**
 * A whole number as people read it in English, "12,345", without Intl: the first number Intl
 * formats loads its locale data, a cost a bulk run would pay at its end for one line of summary.
 */
export function grouped(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  return `${n < 0 && digits !== '0' ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
