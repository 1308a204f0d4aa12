import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * A small page-layout helper over pdfkit for reports: it keeps the cursor itself, measures every block
 * before drawing it, starts a new page when a block does not fit and splits a cell that is taller than
 * what is left of the page, so tables break cleanly and pdfkit never adds a page on its own.
 */

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 56, right: 56, top: 70, bottom: 62 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;

export const COLOURS = {
  text: '#1F1F1F',
  muted: '#666666',
  accent: '#1F3A68',
  rule: '#C9CED6',
  labelFill: '#F5F6F8',
  headFill: '#E8EDF4',
  emptyFill: '#FAFAFA',
};

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Noto Sans SC (SIL OFL), read once per process; pdfkit embeds only the glyphs a report uses. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

export interface Cell {
  text: string;
  width: number;
  bold?: boolean;
  fill?: string;
  colour?: string;
  align?: 'left' | 'center' | 'right';
  /** Font size, when not the row's. */
  size?: number;
  /** What the cell shows on the next page when its row is split and nothing of its own text is left. */
  continued?: string;
}

const PAD_X = 5;
const PAD_Y = 3.5;
const LINE_GAP = 1.5;

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  y = MARGIN.top;
  /** Drawn at the top of a page the layout had to start in the middle of a block (e.g. a table's title "（续）"). */
  private continuation: (() => void) | null = null;

  constructor(info: PDFKit.DocumentInfo & Record<string, unknown>) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      info,
      lang: 'zh-CN',
      displayTitle: true,
    });
    const { regular, bold } = loadFonts();
    this.doc.registerFont('R', regular);
    this.doc.registerFont('B', bold);
    this.doc.font('R').fillColor(COLOURS.text);
  }

  /** The finished file. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }

  get remaining(): number {
    return BOTTOM - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    this.continuation?.();
  }

  /** Starts a new page unless `height` points are left. */
  ensure(height: number): void {
    if (height > this.remaining) this.newPage();
  }

  /** While `draw` runs, a page break first draws `header` on the new page. */
  withContinuation(header: () => void, draw: () => void): void {
    const previous = this.continuation;
    this.continuation = header;
    try {
      draw();
    } finally {
      this.continuation = previous;
    }
  }

  private readonly heights = new Map<string, number>();

  /**
   * Height of a text block. Reports repeat the same labels and values (dates, departments) thousands
   * of times, and a text that fits on one line needs no line wrapping: both are the hot path of a
   * long report.
   */
  measure(text: string, width: number, size: number, bold = false): number {
    const key = `${bold ? 'B' : 'R'}${size}|${width}|${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      this.doc.font(bold ? 'B' : 'R').fontSize(size);
      height = this.fitsOneLine(text, width)
        ? this.doc.currentLineHeight(true) + LINE_GAP
        : this.doc.heightOfString(text || ' ', { width, lineGap: LINE_GAP });
      this.heights.set(key, height);
    }
    return height;
  }

  /** Whether text, in the current font, fits on one line of this width. */
  private fitsOneLine(text: string, width: number): boolean {
    return !text.includes('\n') && this.doc.widthOfString(text) <= width;
  }

  /** A paragraph across the content width (or `width`), moving the cursor below it. */
  paragraph(text: string, options: { size?: number; bold?: boolean; colour?: string; align?: 'left' | 'center' | 'right'; gap?: number; x?: number; width?: number; indent?: number } = {}): void {
    const size = options.size ?? 10;
    const x = options.x ?? MARGIN.left;
    const width = options.width ?? CONTENT_WIDTH;
    const height = this.measure(text, width - (options.indent ?? 0), size, options.bold);
    this.ensure(height);
    this.doc
      .font(options.bold ? 'B' : 'R')
      .fontSize(size)
      .fillColor(options.colour ?? COLOURS.text)
      .text(text, x + (options.indent ?? 0), this.y, { width: width - (options.indent ?? 0), align: options.align ?? 'left', lineGap: LINE_GAP });
    this.y += height + (options.gap ?? 0);
  }

  /**
   * One table row of cells with borders. When it does not fit, a new page starts; a row taller than a
   * whole page is split, the rest continuing on the next page under the same label.
   */
  row(cells: Cell[], size = 9): void {
    let pending = cells.map((cell) => ({ ...cell }));
    for (;;) {
      const heights = pending.map((cell) => this.measure(cell.text, cell.width - 2 * PAD_X, cell.size ?? size, cell.bold));
      const height = Math.max(...heights) + 2 * PAD_Y;
      if (height <= this.remaining) {
        this.drawRow(pending, height, size);
        return;
      }
      const minimum = this.measure('字', 100, size) * 2 + 2 * PAD_Y;
      if (this.remaining < minimum || height <= BOTTOM - MARGIN.top) {
        this.newPage();
        continue;
      }
      // Taller than what is left: draw what fits and carry the rest of each cell over.
      const room = this.remaining - 2 * PAD_Y;
      const split = pending.map((cell) => this.splitToFit(cell, room, cell.size ?? size));
      this.drawRow(
        split.map(([head], i) => ({ ...pending[i]!, text: head })),
        this.remaining,
        size,
      );
      pending = split.map(([, tail], i) => ({ ...pending[i]!, text: tail || (pending[i]!.continued ?? '') }));
      this.newPage();
    }
  }

  private splitToFit(cell: Cell, room: number, size: number): [string, string] {
    const width = cell.width - 2 * PAD_X;
    if (this.measure(cell.text, width, size, cell.bold) <= room) return [cell.text, ''];
    let low = 0;
    let high = cell.text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.measure(cell.text.slice(0, mid), width, size, cell.bold) <= room) low = mid;
      else high = mid - 1;
    }
    return [cell.text.slice(0, low), cell.text.slice(low)];
  }

  private drawRow(cells: Cell[], height: number, size: number): void {
    let x = MARGIN.left;
    for (const cell of cells) {
      if (cell.fill) this.doc.rect(x, this.y, cell.width, height).fill(cell.fill);
      x += cell.width;
    }
    // All borders of the row in one path: a long report has thousands of rows.
    this.doc.lineWidth(0.5).strokeColor(COLOURS.rule);
    x = MARGIN.left;
    for (const cell of cells) {
      this.doc.rect(x, this.y, cell.width, height);
      x += cell.width;
    }
    this.doc.stroke();
    x = MARGIN.left;
    for (const cell of cells) {
      if (cell.text) {
        this.doc
          .font(cell.bold ? 'B' : 'R')
          .fontSize(cell.size ?? size)
          .fillColor(cell.colour ?? COLOURS.text);
        const width = cell.width - 2 * PAD_X;
        // Left-aligned text that fits on a line is drawn without pdfkit's line wrapper.
        if ((cell.align ?? 'left') === 'left' && this.fitsOneLine(cell.text, width)) this.doc.text(cell.text, x + PAD_X, this.y + PAD_Y, { lineBreak: false });
        else this.doc.text(cell.text, x + PAD_X, this.y + PAD_Y, { width, align: cell.align ?? 'left', lineGap: LINE_GAP });
      }
      x += cell.width;
    }
    this.y += height;
  }

  /** A horizontal rule across the content width. */
  rule(colour = COLOURS.rule, width = 0.5): void {
    this.doc.lineWidth(width).strokeColor(colour).moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + CONTENT_WIDTH, this.y).stroke();
  }

  /** A QR code drawn as vector squares (crisp at any zoom, a few hundred bytes). */
  qrCode(text: string, x: number, y: number, size: number): void {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const quiet = 2;
    const cell = size / (modules.size + 2 * quiet);
    this.doc.rect(x, y, size, size).fill('#FFFFFF');
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) this.doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
      }
    }
    this.doc.fill('#000000');
  }

  /** Draws `draw` on every page once the content is complete (page numbers need the page count). */
  decoratePages(draw: (pageIndex: number, pageCount: number) => void): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      // Writing into the margins must not make pdfkit start a page of its own.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      draw(i - start, count);
      this.doc.page.margins = margins;
    }
  }
}
