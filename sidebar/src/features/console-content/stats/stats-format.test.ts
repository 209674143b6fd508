import { formatOpenRate } from './stats-format';

describe('formatOpenRate', () => {
  it('is a percentage with one decimal', () => {
    expect([0, 0.5, 41 / 120, 0.99949, 1].map(formatOpenRate)).toEqual(['0.0%', '50.0%', '34.2%', '99.9%', '100.0%']);
  });
});
