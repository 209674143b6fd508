// First-load JS of each built page, gzipped (PRODUCT.md quality bar: sidebar ≤ 200 KB gzip of JS).
// Counts what the page's HTML loads up front: its entry script and every modulepreload. Run after `vite build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_KB = { sidebar: 200 };
let overBudget = false;

for (const page of ['sidebar', 'console', 'demo']) {
  const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const kb = files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length, 0) / 1024;
  const budget = BUDGET_KB[page];
  const verdict = budget === undefined ? '' : kb <= budget ? ` (budget ${budget} KB: ok)` : ` (budget ${budget} KB: OVER)`;
  if (budget !== undefined && kb > budget) overBudget = true;
  console.log(`${page.padEnd(8)} ${kb.toFixed(1).padStart(6)} KB gzip JS in ${files.length} files${verdict}`);
}
process.exit(overBudget ? 1 : 0);
