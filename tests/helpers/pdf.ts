import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's pages as text, read with Mozilla's PDF.js: what a printed page says, in reading order. */
export async function pdfPages(pdf: Uint8Array): Promise<{ text: string[]; size: { width: number; height: number } }> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const text: string[] = [];
  let size = { width: 0, height: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (n === 1) {
      const view = page.getViewport({ scale: 1 });
      size = { width: Math.round(view.width), height: Math.round(view.height) };
    }
    const content = await page.getTextContent();
    text.push(content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : "") : "")).join(""));
  }
  await task.destroy();
  return { text, size };
}
