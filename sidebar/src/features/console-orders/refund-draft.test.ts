import { initialRefundDraft, readableRefundIssues, toRefundInput } from './refund-draft';

describe('refund draft', () => {
  it('starts at what is left, in 元', () => {
    expect(initialRefundDraft(29_900)).toEqual({ amount: '299', reason: '' });
    expect(initialRefundDraft(12_345)).toEqual({ amount: '123.45', reason: '' });
  });

  it('turns 元 into fen and trims the reason', () => {
    expect(toRefundInput({ amount: '0.29', reason: ' 尺码不合适 ' }, 29_900)).toEqual({ amountFen: 29, reason: '尺码不合适' });
  });

  it('names each field it can check itself: not an amount, zero, above what is left, no reason', () => {
    const issuesOf = (amount: string, reason = '质量问题') => {
      const result = toRefundInput({ amount, reason }, 10_000);
      return 'issues' in result ? result.issues : [];
    };
    expect(issuesOf('12.345')).toEqual([{ field: 'body.amountFen', issue: '请填写金额，如 99 或 99.90' }]);
    expect(issuesOf('0')).toEqual([{ field: 'body.amountFen', issue: '退款金额至少 ¥0.01' }]);
    expect(issuesOf('100.01')).toEqual([{ field: 'body.amountFen', issue: '最多可退 ¥100.00' }]);
    expect(issuesOf('10', '  ')).toEqual([{ field: 'body.reason', issue: '请填写退款原因' }]);
  });

  it('reads the server’s cap in 元', () => {
    expect(readableRefundIssues([{ field: 'body.amountFen', issue: '最多 29900 分' }])).toEqual([{ field: 'body.amountFen', issue: '最多可退 ¥299.00' }]);
  });
});
