import { fillSample, unknownVariables } from './script-variables';

describe('fillSample', () => {
  const sample = { 客户称呼: '王小明', 销售姓名: '陈静', 客户昵称: '' };

  it('fills known variables, else their fallback, else the default', () => {
    expect(fillSample('{{客户称呼}}您好，我是{{ 销售姓名 }}', sample)).toBe('王小明您好，我是陈静');
    expect(fillSample('Hi {{客户昵称|朋友}}', sample)).toBe('Hi 朋友');
    expect(fillSample('{{销售职位}}', {})).toBe('');
  });

  it('keeps an escaped or unknown variable as written', () => {
    expect(fillSample('\\{{客户称呼}} 与 {{客户姓名}}', sample)).toBe('{{客户称呼}} 与 {{客户姓名}}');
  });
});

describe('unknownVariables', () => {
  it('names each unknown variable once, ignoring escaped ones and fallbacks', () => {
    expect(unknownVariables('{{客户姓名}} {{客户姓名|x}} {{客户称呼|您}} \\{{乱写}}')).toEqual(['客户姓名']);
  });
});
