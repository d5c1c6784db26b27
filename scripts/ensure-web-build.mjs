// Builds the web app when web/dist is missing or older than its sources, so `npm start`
// on a fresh clone serves the interface without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'web/dist/index.html';
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sourcesTime = Math.max(
  newest('web/src'),
  statSync('web/index.html').mtimeMs,
  statSync('vite.config.ts').mtimeMs,
);
if (!existsSync(dist) || statSync(dist).mtimeMs < sourcesTime) {
  console.log('Building the web app (vite build)…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
