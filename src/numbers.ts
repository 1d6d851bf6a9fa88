/**
 * A whole number as people read it in English, "12,345", without Intl: the first number Intl
 * formats loads its locale data, some 25 ms of a bulk run's end.
 */
export function grouped(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  return `${n < 0 && digits !== '0' ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
