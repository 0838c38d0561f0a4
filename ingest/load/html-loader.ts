import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AppError } from '../../src/errors.js';
import { htmlToText } from './html-blocks.js';
import type { DocumentLoader, LoadedDocument } from './loader.js';
import { decodeText } from './text-loader.js';

/** The charset a page declares (<meta charset=gbk>), since many government sites still serve GBK. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function decodeHtml(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  if (charset && /^(gb2312|gbk|gb18030)$/.test(charset)) return new TextDecoder('gb18030').decode(bytes);
  return decodeText(bytes).text;
}

/**
 * Readability mutates the DOM it reads, so it gets its own copy, with two CJK workarounds: its
 * title-duplicate check splits words on \W, so a Chinese heading sharing only a year with the
 * <title> is dropped as a duplicate (a title without word characters disables the check); and it
 * turns h1 into h2, which would make 一、… and its （一）… siblings (headings move one level down first).
 */
function readableCopy(html: string): Document {
  const { document } = parseHTML(html);
  for (let level = 5; level >= 1; level--) {
    for (const h of Array.from(document.querySelectorAll(`h${level}`))) {
      const lower = document.createElement(`h${level + 1}`);
      while (h.firstChild) lower.appendChild(h.firstChild);
      h.replaceWith(lower);
    }
  }
  document.title = '—'.repeat(20);
  return document as unknown as Document;
}

/**
 * A saved web page: Readability picks the article out of the site's navigation, header, sidebar and
 * footer.
 */
export const htmlLoader: DocumentLoader = {
  format: 'html',
  async load(bytes: Uint8Array, name: string): Promise<LoadedDocument> {
    const html = decodeHtml(bytes);
    const { document } = parseHTML(html);
    const article = new Readability(readableCopy(html), { charThreshold: 100 }).parse();
    const body = article?.content ?? document.body?.innerHTML ?? html;
    const { text, structure } = htmlToText(body);
    if (!text.trim()) throw new AppError('ingest_failed', 422, `${name}: the HTML page contains no article text`);
    return { format: 'html', text, structure, warnings: article ? [] : [`${name}: no article found, the whole page body is read`] };
  },
};
