// Builds the web app (web/dist) when it is missing or older than its sources, so that `npm start` on a
// fresh clone serves the website. `--force` always builds. Exported for the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const distIndex = path.join(webDir, 'dist', 'index.html');
const sources = [path.join(webDir, 'src'), path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts'), path.join(webDir, '..', 'package-lock.json')];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Whether web/dist is missing or older than any web source. */
export function isStale() {
  if (!fs.existsSync(distIndex)) return true;
  const built = fs.statSync(distIndex).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

/** Builds when stale (or always with force); resolves to whether it built. */
export async function buildIfStale({ force = false, quiet = false } = {}) {
  if (!force && !isStale()) return false;
  const started = Date.now();
  if (!quiet) process.stdout.write('正在构建网站前端（web/dist）…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  if (!quiet) process.stdout.write(`网站前端已构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildIfStale({ force: process.argv.includes('--force') }).catch((error) => {
    process.stderr.write(`网站前端构建失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
