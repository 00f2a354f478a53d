/** Number formats and Markdown tables of the report. */
export const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : value.toFixed(0);
export const num = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
export const percent = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} %`);
export const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
