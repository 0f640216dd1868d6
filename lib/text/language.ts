/** Script-based language detection: cheap, offline, good enough to pick segmenters and summaries. */
import { EN_STOPWORDS, LATIN_STOPWORDS } from './stopwords';

const SAMPLE = 5000;

/** Primary subtags of languages not written in Latin script (so a Latin text does not trust them). */
const NON_LATIN = new Set(
  'zh ja ko ar fa ur ps he yi ru uk be bg sr mk kk ky mn tg th lo km my el hi mr ne bn ta te kn ml gu pa si am hy ka'.split(' '),
);

const SCRIPTS: Array<[string, RegExp]> = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
];

const SCRIPT_LANGS: Record<string, { default: string; accept: string[] }> = {
  cyrillic: { default: 'ru', accept: ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'] },
  arabic: { default: 'ar', accept: ['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug'] },
  hebrew: { default: 'he', accept: ['he', 'yi'] },
  greek: { default: 'el', accept: ['el'] },
  thai: { default: 'th', accept: ['th'] },
  devanagari: { default: 'hi', accept: ['hi', 'mr', 'ne', 'sa'] },
  bengali: { default: 'bn', accept: ['bn', 'as'] },
  tamil: { default: 'ta', accept: ['ta'] },
  armenian: { default: 'hy', accept: ['hy'] },
  georgian: { default: 'ka', accept: ['ka'] },
  ethiopic: { default: 'am', accept: ['am', 'ti'] },
};

/** The lower-case primary subtag of a BCP 47 tag ("zh-CN" → "zh", "pt_BR" → "pt"), or "". */
export function primarySubtag(tag: string | null | undefined): string {
  const p = (tag || '').trim().toLowerCase().split(/[-_]/)[0] || '';
  return /^[a-z]{2,3}$/.test(p) ? p : '';
}

function countScripts(sample: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (code < 0x41) continue; // digits, spaces, ASCII punctuation
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) counts.latin = (counts.latin || 0) + 1;
      continue;
    }
    for (const [name, re] of SCRIPTS) {
      if (re.test(ch)) {
        counts[name] = (counts[name] || 0) + 1;
        break;
      }
    }
  }
  return counts;
}

function guessLatin(sample: string, hint: string): string {
  if (hint && !NON_LATIN.has(hint)) return hint;
  const words = sample.toLowerCase().match(/\p{L}+/gu) || [];
  if (words.length === 0) return 'und';
  const scores: Array<[string, number]> = [['en', 0]];
  for (const lang of Object.keys(LATIN_STOPWORDS)) scores.push([lang, 0]);
  for (const w of words) {
    if (EN_STOPWORDS.has(w) && w.length > 1) scores[0]![1]++;
    for (let i = 1; i < scores.length; i++) if (LATIN_STOPWORDS[scores[i]![0]]!.has(w)) scores[i]![1]++;
  }
  scores.sort((a, b) => b[1] - a[1]);
  const [best, count] = scores[0]!;
  const runnerUp = scores[1]![1];
  // Evidence: enough stopwords overall, and clearly more than the next language.
  if (count >= 2 && count / words.length >= 0.08 && count > runnerUp * 1.3) return best;
  return 'und';
}

/**
 * Detect the language of a text from its script (first ~5k chars): Han → zh, kana → ja, Hangul → ko…
 * Latin text trusts a Latin-script hint, else needs stopword evidence, else 'und'.
 */
export function detectLanguage(text: string, hint?: string | null): string {
  const h = primarySubtag(hint);
  const sample = (text || '').slice(0, SAMPLE);
  const c = countScripts(sample);
  const han = c.han || 0;
  const kana = c.kana || 0;
  const hangul = c.hangul || 0;
  let best = '';
  let bestCount = 0;
  for (const [name, n] of Object.entries(c)) {
    if (name === 'han' || name === 'kana' || name === 'hangul') continue;
    if (n > bestCount) [best, bestCount] = [name, n];
  }
  if (han + kana + hangul + bestCount === 0) return h || 'und';
  // Compare in words: a CJK character is most of a word; alphabetic words average ~5 letters, and
  // Latin words are counted directly (technical terms in Chinese text are long).
  const otherWords = best === 'latin' ? (sample.match(/\p{Script=Latin}+/gu) || []).length : bestCount / 5;
  if ((han + kana + hangul) * 0.7 >= otherWords) {
    if (hangul > han + kana) return 'ko';
    if (kana > 0 && kana >= (han + kana) * 0.05) return 'ja';
    if (kana === 0 && (h === 'ja' || h === 'ko')) return h; // all-kanji titles, hanja
    return 'zh';
  }
  if (best !== 'latin') {
    const info = SCRIPT_LANGS[best]!;
    if (info.accept.includes(h)) return h;
    if (best === 'cyrillic' && /[іїєґ]/iu.test(sample)) return 'uk';
    return info.default;
  }
  return guessLatin(sample, h);
}
