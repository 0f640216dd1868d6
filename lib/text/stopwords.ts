/** Compact stop lists: words too common to say what a text is about. */

const EN = `a about above across after again against all almost also although always am among an and another any
anyone anything are around as at away back be became because become been before being below between both but by
can cannot could did do does doing done down during each either else enough even ever every few for from
further get gets getting give given go goes going got had has have having he her here hers herself him himself
his how however i if in including into is it its itself just keep know known last least less let like likely
made make makes many may me might more most much must my myself neither never new next no nor not nothing now
of off often on once one only onto or other others otherwise our ours ourselves out over own part per perhaps
put quite rather really said same say says see seem seemed seems several shall she should show since so some
something still such take than that the their theirs them themselves then there therefore these they thing
things this those though through thus to together too toward towards two under until up upon us use used
using very via was way we well were what whatever when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves s t don doesn didn isn aren wasn weren won wouldn
shouldn couldn ll re ve d m also via per etc e.g i.e am pm re mr mrs ms dr`;

const ZH = `的 了 和 是 在 我 有 他 这 个 们 中 来 上 大 为 就 到 说 要 也 与 及 或 等 对 而 把 被 让 从 向 以
之 其 于 又 很 都 还 将 并 但 却 则 即 如 若 因 所 此 那 这 些 您 你 她 它 我们 你们 他们 她们 它们 自己 这个
那个 这些 那些 这样 那样 这种 那种 什么 怎么 怎样 如何 为什么 哪 哪里 哪些 谁 一个 一些 一种 一样 一起 一直 一定
没有 不是 就是 还是 只是 但是 而且 并且 或者 因为 所以 因此 如果 虽然 然而 于是 以及 以后 之后 之前 以前 以上
以下 之间 其中 其他 其它 其实 已经 可以 可能 能够 应该 需要 必须 进行 通过 对于 关于 由于 根据 按照 为了 作为
成为 认为 表示 觉得 知道 看到 出现 开始 不会 不能 不要 不同 非常 比较 更加 最 更 太 再 也是 都是 就会 才 会
能 要是 的话 而言 来说 起来 下来 出来 一下 时候 时 后 前 里 内 外 上 下 多 少 好 做 用 看 去 过 着 地 得 么
呢 吗 吧 啊 呀 哦 嗯 第 每 各 本 该 其 此外 另外 同时 只有 只要 不仅 不但 甚至 例如 比如 包括 以及 等等 方面
问题 情况 一方面 另一方面 目前 现在 当时 今天 很多 许多 所有 大家 任何 每个 部分 之一 方式 这里 那里 只 被 给
向 让 往 跟 同 由 自 沿 当 离 至 再 又 也 还 都 仅 才 刚 已 曾 正 在 将 要 会 可 能 该 应`;

/** Small stop lists for other common Latin-script languages, used for language guessing only. */
export const LATIN_STOPWORDS: Record<string, Set<string>> = {
  fr: new Set('le la les un une des du de et est sont dans pour pas que qui sur avec ce cette il elle nous vous ils au aux par plus ne se en son sa ses leur mais ou comme'.split(' ')),
  de: new Set('der die das und ist nicht ein eine einen dem den des mit von zu auf für sich auch es im in wird werden sind dass wie aber oder als bei nach aus noch nur'.split(' ')),
  es: new Set('el la los las un una unos de del y es son en por para con no que se su sus al lo como más pero este esta o fue ha muy'.split(' ')),
  pt: new Set('o a os as um uma de do da dos das e é são em no na por para com não que se seu sua ao como mais mas foi ou muito'.split(' ')),
  it: new Set('il lo la i gli le un una di del della e è sono in nel per con non che si suo sua al come più ma questo o anche'.split(' ')),
  nl: new Set('de het een en is zijn van in op te dat die niet met voor aan er maar ook als bij door om naar wordt'.split(' ')),
};

export const EN_STOPWORDS = new Set(EN.split(/\s+/).filter(Boolean));
export const ZH_STOPWORDS = new Set(ZH.split(/\s+/).filter(Boolean));

/** True for words that carry no topic in English or Chinese (folded input expected). */
export function isStopword(word: string): boolean {
  return EN_STOPWORDS.has(word) || ZH_STOPWORDS.has(word);
}
