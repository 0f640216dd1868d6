/** Turn a raw error message (from the background or the browser) into plain-words advice for the user. */
import type { MessageKey } from './en';

/** Which advice text fits an error message; the raw message is still shown folded away. */
export function adviceFor(message: string): MessageKey {
  const m = message.toLowerCase();
  if (/no tab|no active tab|tab (was )?closed|no tab with id/.test(m)) return 'error.noTab';
  if (/no answer|receiving end does not exist|could not establish connection/.test(m)) return 'error.noAnswer';
  if (/selection|nothing selected|nothing is selected/.test(m)) return 'error.noSelection';
  if (/chrome:|about:|edge:|moz-extension:|chrome-extension:|webstore|addons\.mozilla|extensions gallery|cannot be scripted|restricted|file:|view-source:|\bpdf\b/.test(m)) return 'error.restricted';
  if (/permission|activetab|cannot access contents|missing host/.test(m)) return 'error.permission';
  return 'error.generic';
}
