import { formatFen } from './index';

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(12345)).toBe('¥123.45');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-990)).toBe('-¥9.90');
  });

  it('refuses fractional fen instead of rounding money silently', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});
