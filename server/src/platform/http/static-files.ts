import fs from 'node:fs';
import path from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticMount {
  /** URL prefix ending in '/', e.g. '/mp/'. */
  prefix: string;
  root: string;
  /** Rewrites an HTML page before it is sent (demo mode injects the simulated WeCom client). */
  transformHtml?: (html: string, urlPath: string) => string;
}

/**
 * Serves built front ends (GET/HEAD only). Files under an `assets`/`static`/`js`/`css` folder are
 * content-hashed, so they are cached for a year; HTML is never cached.
 */
export function serveStatic(mount: StaticMount) {
  const root = path.resolve(mount.root);
  return async function staticFiles(ctx: Context, next: Next): Promise<void> {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith(mount.prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(mount.prefix.length));
    } catch {
      return next();
    }
    const file = path.resolve(root, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
    if (!file.startsWith(root + path.sep)) return next();
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return next();

    const extension = path.extname(file);
    ctx.type = TYPES[extension] ?? 'application/octet-stream';
    if (extension === '.html') {
      ctx.set('Cache-Control', 'no-cache');
      const html = await fs.promises.readFile(file, 'utf8');
      ctx.body = mount.transformHtml ? mount.transformHtml(html, ctx.path) : html;
      return;
    }
    const hashed = /[/\\](assets|static|js|css)[/\\]/.test(file.slice(root.length));
    ctx.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    ctx.length = stat.size;
    ctx.body = fs.createReadStream(file);
  };
}
