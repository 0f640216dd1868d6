import { describe, expect, it } from 'vitest';
import { findMatches } from '../../../lib/search/highlight';

/** The marked substrings of a text. */
const marked = (text: string, needles: string[]) => findMatches(text, needles).map(([a, b]) => text.slice(a, b));

describe('findMatches', () => {
  it('marks ASCII words case-insensitively, extending a prefix to the word end', () => {
    expect(marked('Knowledge Graphs and KNOWLEDGE bases', ['knowl'])).toEqual(['Knowledge', 'KNOWLEDGE']);
    expect(marked('a mid-word knowledge', ['edge'])).toEqual([]);
  });

  it('maps offsets back through folding: accents, full-width letters, Han text', () => {
    expect(marked('Le Café de Flore', ['cafe'])).toEqual(['Café']);
    expect(marked('ＡＬＰＨＡＧＯ wins', ['alphago'])).toEqual(['ＡＬＰＨＡＧＯ']);
    expect(marked('关于组织学习的研究', ['学习'])).toEqual(['学习']);
    expect(marked('Ａbc 学习 Café', ['学习', 'cafe'])).toEqual(['学习', 'Café']);
  });
});
