import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// html/<page>/index.html → dist/<page>/index.html; the server serves dist at '/'.
// Keep each page's <head> start tag bare: in demo mode the server inserts the WeCom client bridge right after it.
const PAGES = ['sidebar', 'console', 'demo'] as const;
const API_SERVER = 'http://127.0.0.1:3000';

/**
 * In `vite dev` nobody injects the demo bridge, so do what the server does in demo mode. The bridge stays
 * inert unless the page sits in the demo console's iframe, so this cannot leak into a real WeCom session.
 */
function demoBridgeInDev(): Plugin {
  return {
    name: 'zhike-demo-bridge-in-dev',
    apply: 'serve',
    transformIndexHtml(_html, context) {
      if (!context.path.startsWith('/sidebar/')) return [];
      return [{ tag: 'script', attrs: { src: '/demo-bridge/wecom-client-bridge.js' }, injectTo: 'head-prepend' }];
    },
  };
}

export default defineConfig({
  root: here('./html'),
  base: '/',
  publicDir: false,
  plugins: [react(), demoBridgeInDev()],
  // The pages' HTML sits in html/, the code in src/ beside it: '/src/…' in a page means sidebar/src.
  resolve: { alias: [{ find: /^\/src\//, replacement: here('./src/') }] },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, here(`./html/${page}/index.html`)])),
      // Named vendor chunks: they change rarely, so the browser keeps them cached across our releases.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'wecom-jssdk', test: /node_modules[\\/]@wecom[\\/]jssdk[\\/]/ },
            // Our own code used by more than one page (http client, session, shared contracts, base styles).
            // Order contracts are shared only by lazy screens (the sidebar's 订单 tab, the console's 订单管理):
            // kept out of the eagerly loaded common chunk so no page's first load carries them.
            { name: 'common', minShareCount: 2, test: (id: string) => !/shared[\\/]src[\\/]orders[\\/]/.test(id) },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': API_SERVER,
      '/sandbox': API_SERVER,
      // Served by the server too: the mini-program H5 build and (demo mode) the bridge script.
      '/mp': API_SERVER,
      '/demo-bridge': API_SERVER,
    },
  },
});
