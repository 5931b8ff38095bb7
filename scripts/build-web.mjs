// Bundles the pages the server serves (/graphiql, /explore, /review) into dist/web: no CDN at run time.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'web');
fs.mkdirSync(out, { recursive: true });

await build({
  entryPoints: { graphiql: path.join(root, 'web', 'graphiql.tsx'), explore: path.join(root, 'web', 'explore.ts'), review: path.join(root, 'web', 'review.ts') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
for (const file of ['graphiql.html', 'explore.html', 'explore.css', 'review.html', 'review.css'])
  fs.copyFileSync(path.join(root, 'web', file), path.join(out, file));
