import { addHistogram, medianOfHistogram, ratio } from './rollup-figures';

describe('rollup figures', () => {
  const histogram = (...stored: Record<string, number>[]) => {
    const merged = new Map<number, number>();
    for (const row of stored) addHistogram(merged, row);
    return merged;
  };

  it('takes the middle value of merged histograms, and the lower middle one for an even count', () => {
    // 2, 5, 5, 9, 30: the middle is 5.
    expect(medianOfHistogram(histogram({ '5': 1, '30': 1 }, { '2': 1, '5': 1, '9': 1 }))).toBe(5);
    // 1, 3: the lower middle value, 1 (not 2, which no customer took).
    expect(medianOfHistogram(histogram({ '3': 1 }, { '1': 1 }))).toBe(1);
    // 0, 0, 7, 7: 0.
    expect(medianOfHistogram(histogram({ '0': 2, '7': 2 }))).toBe(0);
  });

  it('ignores buckets a correction brought back to zero, and has no median without values', () => {
    expect(medianOfHistogram(histogram({ '4': 1 }, { '4': -1, '6': 1 }))).toBe(6);
    expect(medianOfHistogram(histogram({ '4': 1 }, { '4': -1 }))).toBeNull();
    expect(medianOfHistogram(histogram())).toBeNull();
  });

  it('has no rate without a denominator', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});
