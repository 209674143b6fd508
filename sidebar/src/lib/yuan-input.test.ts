import { fenToYuanInput, parseYuan } from './yuan-input';

describe('parseYuan', () => {
  it('reads whole and decimal 元 into integer fen without float drift', () => {
    expect([parseYuan('99'), parseYuan('99.9'), parseYuan(' 0.29 '), parseYuan('1,299.00'), parseYuan('0')]).toEqual([9_900, 9_990, 29, 129_900, 0]);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    expect(['', '-1', '1.234', 'abc', '1e3', '.5'].map(parseYuan)).toEqual([null, null, null, null, null, null]);
  });

  it('writes fen back as an input shows it', () => {
    expect([fenToYuanInput(9_900), fenToYuanInput(9_990), fenToYuanInput(29)]).toEqual(['99', '99.90', '0.29']);
  });
});
