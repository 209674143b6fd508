import type { ScriptContent } from '@zhike/shared/scripts';
import { missingVariablesHint, previewText, splitVariables } from './script-format';

describe('splitVariables', () => {
  it('turns {{变量}} and {{变量|默认}} into variable segments between the words', () => {
    expect(splitVariables('{{客户称呼}}您好，我是{{ 销售姓名 |小助手}}。')).toEqual([
      { kind: 'variable', name: '客户称呼' },
      { kind: 'text', text: '您好，我是' },
      { kind: 'variable', name: '销售姓名' },
      { kind: 'text', text: '。' },
    ]);
  });

  it('keeps an escaped \\{{ as literal braces and text without variables whole', () => {
    expect(splitVariables('写法是 \\{{客户称呼}}')).toEqual([{ kind: 'text', text: '写法是 {{客户称呼}}' }]);
    expect(splitVariables('没有变量')).toEqual([{ kind: 'text', text: '没有变量' }]);
    expect(splitVariables('')).toEqual([]);
  });
});

describe('previewText', () => {
  const link: ScriptContent = { type: 'link', url: 'https://shop.example.com/a?b=1', title: '产品手册', desc: '三分钟看懂', imageAssetId: undefined };
  it.each<[ScriptContent, string]>([
    [{ type: 'text', text: '您好' }, '您好'],
    [link, '产品手册\n三分钟看懂\nshop.example.com'],
    [{ type: 'miniprogram', title: '新品', page: 'pages/product/detail', imageAssetId: 'a'.repeat(24) }, '新品\n小程序页面：pages/product/detail'],
    [{ type: 'image', assetId: 'a'.repeat(24) }, '[图片]'],
    [{ type: 'file', assetId: 'a'.repeat(24) }, '[文件]'],
  ])('shows what the customer will see for %#', (content, expected) => {
    expect(previewText(content)).toBe(expected);
  });
});

describe('missingVariablesHint', () => {
  it('names the variables that had no value, and says nothing when all had one', () => {
    expect(missingVariablesHint(['客户称呼', '今天'])).toBe('以下变量无值，已用默认值代替：客户称呼、今天');
    expect(missingVariablesHint([])).toBeNull();
  });
});
