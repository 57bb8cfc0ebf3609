/**
 * RFC 4180 writer of the open-data CSV: a cell is quoted when it holds the delimiter, a quote, CR or LF
 * (a bare CR or LF too: csv-stringify with `record_delimiter: 'windows'` quotes only a whole CRLF, and
 * every CSV reader then splits the record), quotes doubled; records end with CRLF. The semicolon is
 * quoted as well, for spreadsheets that guess it as the delimiter. Pure.
 */
const A_CITER = /[",;\r\n]/;

export function celluleCsv(cellule: string): string {
  return A_CITER.test(cellule) ? `"${cellule.replace(/"/g, '""')}"` : cellule;
}

/** One record, CRLF-terminated. */
export function ligneCsv(cellules: readonly string[]): string {
  return `${cellules.map(celluleCsv).join(',')}\r\n`;
}
