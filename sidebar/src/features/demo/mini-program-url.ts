/** Where the mini-program opens when nothing else is asked for. */
export const MINI_PROGRAM_HOME = 'pages/index/index';

/**
 * The H5 build's hash route for a page as WeCom's mini-program card names it: `pages/index/index.html?t=abc`
 * → `/pages/index/index?t=abc` (WeCom wants the `.html`; the H5 router does not; the query carries the
 * tracking token, so it is kept as is).
 */
export function miniProgramRoute(page: string): string {
  const queryStart = page.indexOf('?');
  const path = queryStart < 0 ? page : page.slice(0, queryStart);
  const query = queryStart < 0 ? '' : page.slice(queryStart);
  const bare = path.replace(/^\/+/, '').replace(/\.html$/, '');
  return `/${bare || MINI_PROGRAM_HOME}${query}`;
}

/** The mini-program H5 on the demo phone, as a given simulated WeChat user (`?wxUser=`), at a given page. */
export function miniProgramUrl(openid: string, page: string = MINI_PROGRAM_HOME): string {
  return `/mp/?wxUser=${encodeURIComponent(openid)}#${miniProgramRoute(page)}`;
}

/** Sent images and files, as the sandbox serves what was uploaded to "WeCom" under that media id. */
export function demoMediaUrl(mediaid: string): string {
  return `/sandbox/demo/media/${encodeURIComponent(mediaid)}`;
}
