import PDFDocument from 'pdfkit';

/** PDFs made on the server (reports, the access log, demo documents): A4, Danish, the standard fonts. */

// The characters the PDF's standard fonts (WinAnsi) can show beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function representable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text the standard PDF fonts can show: Danish and other Western European letters as they are,
 * other letters without their accents where that makes them representable, anything else as `?`.
 * Control characters other than line breaks go.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || representable(char)) {
      out += char;
      continue;
    }
    if (char === '\r' || char === '\t') {
      out += ' ';
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every(representable) ? base : '?';
  }
  return out;
}

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Writes text made safe for the standard fonts (see pdfSafeText). */
  text(value: string, options?: PDFKit.Mixins.TextOptions): void;
  /** `Label: value` on a line, the label bold. */
  field(label: string, value: string): void;
  /** Ends the document; resolves with its bytes. */
  end(): Promise<Buffer>;
}

export interface PdfWriterOptions {
  /** A footer on every page, e.g. `Side 2 af 5`, written when the document ends. */
  footer?: (page: number, pages: number) => string;
}

/** A new A4 document titled `title`, with `margin` points on every side, collected into a buffer. */
export function pdfWriter(title: string, margin: number, options: PdfWriterOptions = {}): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    info: { Title: title, Creator: 'Mentorsystemet', Producer: 'Mentorsystemet' },
    lang: 'da-DK',
    // Viewers show the title rather than the file name (WCAG technique PDF18).
    displayTitle: true,
    // Pages are kept until the end only when a footer needs the page count.
    bufferPages: !!options.footer,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => {
    doc.text(pdfSafeText(value), options);
  };
  return {
    doc,
    text,
    field(label, value) {
      doc.font('Helvetica-Bold');
      text(`${label}: `, { continued: true });
      doc.font('Helvetica');
      text(value);
    },
    end() {
      if (options.footer) {
        const { start, count } = doc.bufferedPageRange();
        for (let page = start; page < start + count; page++) {
          doc.switchToPage(page);
          // In the bottom margin: without lifting it the text would start a new page.
          const bottom = doc.page.margins.bottom;
          doc.page.margins.bottom = 0;
          doc.font('Helvetica').fontSize(8).fillColor('#555555');
          doc.text(
            pdfSafeText(options.footer(page - start + 1, count)),
            margin,
            doc.page.height - margin / 2 - 4,
            {
              width: doc.page.width - 2 * margin,
              align: 'center',
              lineBreak: false,
            },
          );
          doc.page.margins.bottom = bottom;
        }
      }
      doc.end();
      return done;
    },
  };
}
