import fs from 'node:fs';
import path from 'node:path';

/** Where the mini-program declares its pages; app.config.ts builds `pages` from this table. */
const ROUTES_FILE = path.resolve(__dirname, '../../../../miniprogram/src/routes.ts');
const HOME_PAGE = 'pages/index/index';

/**
 * The pages of "the published mini-program" that getwxacodeunlimit checks (41030 otherwise). Read from
 * the mini-program's routes table, so a page added there is known here without a second list; the
 * table is a flat object of string literals, which a regex reads reliably. Without the file (a server
 * deployed alone), only the home page exists.
 */
export function miniProgramPages(routesFile = ROUTES_FILE): string[] {
  let source: string;
  try {
    source = fs.readFileSync(routesFile, 'utf8');
  } catch {
    return [HOME_PAGE];
  }
  const pages = [...source.matchAll(/:\s*'([\w-]+(?:\/[\w-]+)+)'/g)].map((match) => match[1]!);
  return pages.length > 0 ? pages : [HOME_PAGE];
}
