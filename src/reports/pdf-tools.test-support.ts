import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** poppler-utils (installed by scripts/setup-machine.sh) read reports back in tests. */
function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-report-'));
  const file = path.join(dir, 'report.pdf');
  try {
    fs.writeFileSync(file, pdf);
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, pages separated by form feeds. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The fonts a PDF uses: name, whether embedded and whether a subset (pdffonts). */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean; subset: boolean }[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name … emb sub uni objectId gen
      return { name: cols[0]!, embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' };
    });
}

export function pdfPageCount(pdf: Buffer): number {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
}
