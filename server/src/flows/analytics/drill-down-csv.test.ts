import { csvField, fenAsYuan } from './drill-down-csv';

describe('drill-down CSV', () => {
  it('shows fen as yuan with two decimals, refunds negative', () => {
    expect(fenAsYuan(45000)).toBe('450.00');
    expect(fenAsYuan(5)).toBe('0.05');
    expect(fenAsYuan(-1250)).toBe('-12.50');
    expect(fenAsYuan(0)).toBe('0.00');
  });

  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('王一')).toBe('王一');
    expect(csvField('王一, VIP')).toBe('"王一, VIP"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM')).toBe("'@SUM");
  });
});
