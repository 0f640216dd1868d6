/**
 * The page reader: injected on demand by the side panel (never declared for all pages, never on an
 * excluded site) and returns the page's title, URL, site, language and capped main text as the
 * result of `scripting.executeScript`. Nothing is sent anywhere else.
 */
import { readPageInfo } from '@/lib/recall/page-text';

export default defineContentScript({
  registration: 'runtime',
  main() {
    return readPageInfo(document, location.href);
  },
});
