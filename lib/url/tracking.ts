/** Query parameters that only track where a visitor came from; they never change the page's content. */

/** Exact parameter names (lower-case) removed from every URL. */
export const TRACKING_PARAMS = new Set([
  // Ad click ids
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'epik', 'rdt_cid', 'srsltid', 'ef_id', 's_kwcid',
  // Mail and marketing automation
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'mkt_tok', 'vero_id',
  'vero_conv', 'oly_anon_id', 'oly_enc_id', 'wickedid', 'ml_subscriber', 'ml_subscriber_hash', 'trk', 'trkcampaign',
  'sc_campaign', 'sc_channel', 'sc_content', 'sc_medium', 'sc_outcome', 'sc_geo', 'sc_country', 's_cid',
  // Analytics cross-domain linking
  '_ga', '_gl', '_ke', 'cmpid', 'ncid', 'cvid', 'ocid',
  // Referral / share markers
  'ref_src', 'ref_url', 'share_source', 'share_medium', 'share_plat', 'share_session_id', 'share_tag',
  'share_from', 'sharer_sharetime', 'sharer_shareid', 'sharer_shareinfo', 'sharer_shareinfo_first',
  // Chinese platforms (Alibaba/Taobao spm/scm, Bilibili, WeChat share noise)
  'spm', 'scm', 'spm_id_from', 'from_spmid', 'vd_source', 'unique_k', 'bbid',
]);

/** Names removed only on hosts where they are known to be noise (a generic name elsewhere). */
const HOST_SCOPED: Array<[RegExp, Set<string>]> = [
  [/(^|\.)(youtube\.com|youtu\.be|spotify\.com)$/, new Set(['si', 'feature', 'pp'])],
  [/(^|\.)twitter\.com$|(^|\.)x\.com$/, new Set(['s', 't', 'ref_src', 'ref_url'])],
  [/(^|\.)amazon\.[a-z.]+$/, new Set(['tag', 'linkcode', 'linkid', 'ref_', 'pf_rd_p', 'pf_rd_r', 'pd_rd_r', 'pd_rd_w', 'pd_rd_wg', 'psc', 'qid', 'sr'])],
  [/(^|\.)(zhihu\.com)$/, new Set(['utm_psn', 'utm_id', 'share_code'])],
  [/(^|\.)(xiaohongshu\.com|douyin\.com)$/, new Set(['xsec_token', 'xsec_source', 'apptime', 'appuid', 'previous_page'])],
];

/** Names that are tracking only on mp.weixin.qq.com (elsewhere `key`, `ts`, `scene`, `uin` can matter). */
const WEIXIN_ONLY = new Set(['ts', 'exportkey', 'pass_ticket', 'clicktime', 'enterid', 'sessionid', 'wx_header', 'ascene', 'devicetype', 'nettype', 'abtest_cookie', 'chksm', 'scene', 'srcid', 'from_wecom', 'poc_token', 'key', 'uin']);

/** True when a query parameter (decoded name) is tracking noise for this host. */
export function isTrackingParam(name: string, host: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('utm_') || /^pk_(campaign|kwd|source|medium|content|cid)$/.test(n)) return true;
  if (WEIXIN_ONLY.has(n)) return /(^|\.)weixin\.qq\.com$/.test(host);
  if (TRACKING_PARAMS.has(n)) return true;
  for (const [re, names] of HOST_SCOPED) if (re.test(host) && names.has(n)) return true;
  return false;
}
