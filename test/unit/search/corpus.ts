/** Fixture pages as search test material: article text, language, and the text split in two halves. */
import { JSDOM } from 'jsdom';
import { listFixturePages, loadFixturePage } from '../../helpers/fixtures';
import { detectLanguage } from '../../../lib/text/language';
import { splitSentences } from '../../../lib/text/sentences';

export interface FixtureArticle {
  name: string;
  title: string;
  siteName: string | null;
  lang: string;
  text: string;
}

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,pre,blockquote,td,th,dt,dd,div,br,figcaption';

/** Article text of an expected.html, with block elements on their own lines. */
export function htmlToText(html: string): string {
  const { document } = new JSDOM(html).window;
  for (const el of document.querySelectorAll(BLOCKS)) el.append('\n');
  return (document.body.textContent || '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

let cache: FixtureArticle[] | null = null;

/** Every readerable fixture page as an article (title from expected-metadata.json). */
export function fixtureArticles(): FixtureArticle[] {
  if (cache) return cache;
  cache = listFixturePages()
    .map((name) => loadFixturePage(name))
    .filter((p) => p.expected.readerable)
    .map((p) => {
      const text = htmlToText(p.expectedHtml);
      return {
        name: p.name,
        title: p.expected.title || '',
        siteName: p.expected.siteName,
        lang: detectLanguage(text, p.expected.lang),
        text,
      };
    });
  return cache;
}

/** True for Chinese/Japanese/Korean articles. */
export function isCjk(a: FixtureArticle): boolean {
  return a.lang === 'zh' || a.lang === 'ja' || a.lang === 'ko';
}

/** Split a text at the sentence boundary nearest its middle (by characters). */
export function splitHalves(text: string): [string, string] {
  const sentences = splitSentences(text);
  const total = sentences.reduce((n, s) => n + s.length, 0);
  let acc = 0;
  let cut = sentences.length;
  for (let i = 0; i < sentences.length; i++) {
    acc += sentences[i]!.length;
    if (acc >= total / 2) {
      cut = i + 1;
      break;
    }
  }
  if (cut >= sentences.length) cut = Math.max(1, sentences.length - 1);
  const sep = (xs: string[]) => xs.join(' ');
  return [sep(sentences.slice(0, cut)), sep(sentences.slice(cut))];
}
