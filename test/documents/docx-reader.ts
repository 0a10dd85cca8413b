import JSZip from 'jszip';

/**
 * Opens a .docx the way a test needs it: the XML parts, and the text of each paragraph of the
 * body as a reader would see it (runs joined, page-number fields left out). jszip comes with
 * exceljs; the tests need neither Word nor LibreOffice.
 */
export interface OpenedDocx {
  document: string;
  fontTable: string;
  footers: string[];
  settings: string;
  paragraphs: string[];
  text: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export async function openDocx(bytes: Buffer | Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
  return {
    document,
    fontTable: await read('word/fontTable.xml'),
    footers: await Promise.all(footerNames.map(read)),
    settings: await read('word/settings.xml'),
    paragraphs,
    text: paragraphs.join('\n'),
  };
}

/** The attributes of the first element `tag` in `xml`, e.g. attrs(doc, 'w:pgSz') → {'w:w': '11906', …}. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const m = xml.match(new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`));
  if (!m) return {};
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

/** The paragraph XML that contains `text`, to check its fonts and spacing. */
export function paragraphWith(xml: string, text: string): string {
  const p = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => unescape(x).includes(text));
  if (!p) throw new Error(`no paragraph contains ${text}`);
  return p;
}
