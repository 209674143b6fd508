import { demoMediaUrl, miniProgramRoute, miniProgramUrl } from './mini-program-url';

describe('miniProgramRoute', () => {
  it.each([
    ['pages/index/index.html?t=abc', '/pages/index/index?t=abc'],
    ['pages/product/detail.html?id=42&t=x%2By', '/pages/product/detail?id=42&t=x%2By'],
    ['/pages/index/index.html', '/pages/index/index'],
    ['pages/product/detail', '/pages/product/detail'],
    ['', '/pages/index/index'],
  ])('%s → %s', (page, route) => {
    expect(miniProgramRoute(page)).toBe(route);
  });
});

describe('miniProgramUrl', () => {
  it('keeps who holds the phone in the query and the page in the hash route', () => {
    expect(miniProgramUrl('o-wang')).toBe('/mp/?wxUser=o-wang#/pages/index/index');
    expect(miniProgramUrl('o wang/1', 'pages/index/index.html?t=abc')).toBe('/mp/?wxUser=o%20wang%2F1#/pages/index/index?t=abc');
  });
});

describe('demoMediaUrl', () => {
  it('serves a media id from the sandbox, encoded', () => {
    expect(demoMediaUrl('MEDIA/1 2')).toBe('/sandbox/demo/media/MEDIA%2F1%202');
  });
});
