// Reads and writes what a PDF says about itself with pdf-lib: the page each bookmark points at, and the document information (Title, Author, Subject, dates).
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** One bookmark: its title and the (1-based) page it opens. */
export interface Bookmark {
  title: string;
  page: number;
}

/** Every bookmark of the PDF, in order (depth-first), with the page it points at (0 when it has none). */
export async function readBookmarks(bytes: Uint8Array): Promise<Bookmark[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const found: Bookmark[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      let dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!dest && action) dest = action.lookupMaybe(PDFName.of('D'), PDFArray);
      const target = dest?.get(0);
      found.push({ title, page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? 0) : 0 });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return found;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  /** YYYY-MM-DD: both the creation and the modification date, so a PDF of the same print view has the same bytes */
  date: string;
}

/** Set the document information; the producer names this generator, and the dates are the issue's, not the clock's. */
export async function setPdfInfo(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const day = new Date(`${info.date}T00:00:00+08:00`);
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setCreator('gazette (Chromium)');
  pdf.setProducer('gazette (pdf-lib)');
  pdf.setCreationDate(day);
  pdf.setModificationDate(day);
  pdf.setLanguage('zh-CN');
  return pdf.save({ useObjectStreams: false });
}
