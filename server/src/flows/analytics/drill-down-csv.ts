import { DRILL_DOWN_CSV_COLUMNS, type DrillDownCustomer } from '@zhike/shared/analytics';
import { formatShanghaiDateTime } from '@zhike/shared/time';

/** 12345 → "123.45", -1500 → "-15.00": yuan with two decimals, no symbol or separators, so spreadsheets sum it. */
export function fenAsYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break. Text that starts like a formula (= + - @)
 * gets a leading apostrophe, so a customer's nickname cannot run as a spreadsheet formula.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const time = (iso: string | null) => (iso ? formatShanghaiDateTime(iso) : '');

/** The customer list as a spreadsheet: UTF-8 with a BOM (Excel reads the Chinese), CRLF lines, Beijing times. */
export function drillDownCsv(customers: DrillDownCustomer[]): Buffer {
  const lines = [DRILL_DOWN_CSV_COLUMNS.join(',')];
  for (const customer of customers) {
    const fields = [
      csvField(customer.customerId),
      csvField(customer.name),
      csvField(customer.ownerName ?? ''),
      csvField(customer.stage ?? ''),
      csvField(customer.channelLabel),
      time(customer.firstTouchAt),
      time(customer.lastActiveAt),
      String(customer.paidOrders),
      fenAsYuan(customer.netRevenueFen),
    ];
    lines.push(fields.join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
