/** Sentences that belong to the page's furniture (credits, sharing, legal, navigation), not its content. */
const BOILERPLATE = new RegExp(
  [
    'copyright', '©', 'all rights reserved', 'cookie', 'subscribe', 'sign up', 'sign in', 'log in', 'newsletter',
    'click here', 'read more', 'share this', 'follow us', 'advertisement', 'sponsored', 'terms of (use|service)',
    'privacy policy', 'related (articles|posts|stories)', 'you may also like', 'posted (on|by|in)', 'last updated',
    'photo:', 'image:', 'credit:', 'getty images', 'associated press', 'reuters',
    '版权', '责任编辑', '编辑[:：]', '来源[:：]', '作者[:：]', '转载', '点击', '扫码', '扫描二维码', '关注我们', '公众号',
    '浏览次数', '阅读量', '发布日期', '发布时间', '本文分类', '上一篇', '下一篇', '相关阅读', '相关文章', '免责声明',
    '原标题', '图片来源', '未经授权',
  ].join('|'),
  'i',
);

const CODE_CHARS = /[{}();=<>[\]+*/\\$_`|&]/g;
const CODE_START = /^(?:return|var|let|const|function|import|export|class|def|public|private|if\s*\(|for\s*\()\b/;
const DIGITS = /\p{N}/gu;

/** True for sentences that look like page furniture, links, code or metadata rather than content. */
export function isBoilerplate(sentence: string): boolean {
  if (BOILERPLATE.test(sentence) || /https?:\/\/|www\.|@[\w-]+\.\w/.test(sentence)) return true;
  if ((sentence.match(/[·|•»›]|\s>\s/g) || []).length >= 2) return true; // breadcrumbs, bylines, menus
  const len = sentence.length;
  const codeChars = (sentence.match(CODE_CHARS) || []).length;
  if (codeChars > len * 0.06 + 1) return true; // source code
  if (CODE_START.test(sentence) && codeChars >= 2) return true;
  return (sentence.match(DIGITS) || []).length > len * 0.25; // dates, times, scores, tables
}

/** Openers that lean on the previous sentence ("However, …", "因此，…"): weaker alone in an abstract. */
export const DEPENDENT_OPENER =
  /^(?:(?:however|but|and|so|also|thus|therefore|this|these|that|those|it|they|he|she|then|still|yet|moreover|furthermore|meanwhile|instead)\b|因此|所以|但是|但|而且|并且|同时|此外|另外|然而|于是|这|那|它|他们|其|总之)/iu;
