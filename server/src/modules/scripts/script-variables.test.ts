import { fillVariables, unknownVariables } from './script-variables';

describe('fillVariables', () => {
  it('fills every known variable with the customer’s and salesperson’s values', () => {
    const filled = fillVariables('{{客户称呼}}您好，我是{{销售姓名}}（{{销售职位}}），{{今天}}有新品到店。', {
      客户称呼: '王总',
      销售姓名: '李雷',
      销售职位: '客户经理',
      今天: '11月25日',
    });
    expect(filled).toEqual({ text: '王总您好，我是李雷（客户经理），11月25日有新品到店。', missing: [] });
  });

  it('uses the placeholder’s fallback, else the default, for values the customer lacks, and reports them', () => {
    expect(fillVariables('{{客户称呼|朋友}}，早上好', {})).toEqual({ text: '朋友，早上好', missing: ['客户称呼'] });
    expect(fillVariables('{{客户称呼}}好，我是{{销售姓名}}', { 客户称呼: '  ' })).toEqual({ text: '您好，我是', missing: ['客户称呼', '销售姓名'] });
  });

  it('keeps an escaped placeholder literal and never expands braces inside a value', () => {
    expect(fillVariables('写 \\{{客户称呼}} 即可插入称呼', { 客户称呼: '王总' }).text).toBe('写 {{客户称呼}} 即可插入称呼');
    expect(fillVariables('{{客户称呼}}，我是{{销售姓名}}', { 客户称呼: '{{销售姓名}}', 销售姓名: '李雷' }).text).toBe('{{销售姓名}}，我是李雷');
  });

  it('tolerates spaces inside the braces and leaves unknown names as written', () => {
    expect(fillVariables('{{ 客户称呼 }}，{{优惠码}}', { 客户称呼: '王总' })).toEqual({ text: '王总，{{优惠码}}', missing: [] });
  });
});

describe('unknownVariables', () => {
  it('names each unknown variable once, ignoring escaped ones and known ones', () => {
    expect(unknownVariables('{{客户称呼}} {{优惠码}} {{优惠码|无}} \\{{也不算}} {{门店}}')).toEqual(['优惠码', '门店']);
    expect(unknownVariables('没有变量')).toEqual([]);
  });
});
