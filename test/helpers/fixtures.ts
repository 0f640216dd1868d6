import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Root of the shared fixtures (`../shared/fixtures` beside the repo). */
export const FIXTURES_DIR = path.resolve(repoRoot, '../shared/fixtures');

/** Metadata Readability's own test suite expects for a fixture page. */
export interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

/** One fixture page: source HTML, the expected article HTML and its metadata. */
export interface FixturePage {
  name: string;
  /** The URL the Readability suite parses the page at. */
  url: string;
  source: string;
  expectedHtml: string;
  expected: ExpectedMetadata;
}

/** Names of every fixture page directory, sorted. */
export function listFixturePages(): string[] {
  const dir = path.join(FIXTURES_DIR, 'pages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

/** Load one fixture page by name. Readability's suite uses http://fakehost/test/page.html as the page URL. */
export function loadFixturePage(name: string): FixturePage {
  const dir = path.join(FIXTURES_DIR, 'pages', name);
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  return {
    name,
    url: 'http://fakehost/test/page.html',
    source: read('source.html'),
    expectedHtml: read('expected.html'),
    expected: JSON.parse(read('expected-metadata.json')) as ExpectedMetadata,
  };
}

/** The Chinese seed article with site chrome around it. */
export function loadSeedPage(name = 'learning-organization-zh.html'): string {
  return readFileSync(path.join(FIXTURES_DIR, 'seed', name), 'utf8');
}
