import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { charsetFromContentType, decodeHtml } from './decode';
import type { CliIo } from './io';

/** A page's HTML as text and the URL it lives at. */
export interface LoadedPage {
  html: string;
  url: string;
}

export interface LoadOptions {
  /** Give up on a web page after this many milliseconds (connect, redirects and body together). */
  timeoutMs: number;
  /** Refuse a web page larger than this many bytes. */
  maxUrlBytes: number;
  /** Refuse a file larger than this many bytes (saved pages with inlined images run large). */
  maxFileBytes: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  timeoutMs: 20_000,
  maxUrlBytes: 20 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
};

/** An input that could not be loaded or clipped; its message is shown to the user as is. */
export class InputError extends Error {
  override name = 'InputError';
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Load one command-line input: `-` (stdin), an http(s) URL, a file:// URL or a file path. */
export async function loadPage(input: string, io: CliIo, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<LoadedPage> {
  if (input === '-') return { html: decodeHtml(await io.readStdin()).text, url: 'about:blank' };
  if (/^https?:\/\//i.test(input)) return fetchPage(input, io.fetch, options);
  if (/^file:/i.test(input)) return readPageFile(fileURLToPath(input), options);
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(input)) throw new InputError(`unsupported URL scheme: ${input.split(':')[0]} (use http, https or a file)`);
  try {
    return await readPageFile(path.resolve(io.cwd, input), options);
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith('no such file') && looksLikeHost(input)) {
      throw new InputError(`${error.message} (for a web page, give the full URL: https://${input})`);
    }
    throw error;
  }
}

/** "example.com/page" looks like a web address typed without its scheme; "page.html" does not. */
function looksLikeHost(input: string): boolean {
  const first = input.split('/')[0]!;
  return /^([a-z\d-]+\.)+[a-z]{2,}(:\d+)?$/i.test(first) && !/\.(x?html?|mht(ml)?|txt|md)$/i.test(first);
}

async function readPageFile(file: string, options: LoadOptions): Promise<LoadedPage> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`${file} is a directory, not an HTML file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > options.maxFileBytes) throw new InputError(`${file} is ${formatBytes(size)}, over the ${formatBytes(options.maxFileBytes)} limit`);
  const handle = await open(file, 'r');
  try {
    const bytes = await handle.readFile();
    return { html: decodeHtml(bytes).text, url: pathToFileURL(file).href };
  } finally {
    await handle.close();
  }
}

/** Fetch a web page: follow redirects, time out, cap the size, refuse what is not HTML, honour its charset. */
export async function fetchPage(url: string, fetchFn: typeof fetch, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<LoadedPage> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetchFn(url, {
      redirect: 'follow',
      signal,
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'user-agent': 'Mozilla/5.0 (compatible; cairn-clip/0.1)',
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new InputError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${response.url || url}`);
    }
    const contentType = response.headers.get('content-type');
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType && !HTML_TYPES.has(mediaType)) {
      await response.body?.cancel();
      throw new InputError(`not an HTML page: ${response.url || url} is ${mediaType}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > options.maxUrlBytes) {
      await response.body?.cancel();
      throw new InputError(`page too large: ${formatBytes(declared)}, over the ${formatBytes(options.maxUrlBytes)} limit`);
    }
    const bytes = await readCapped(response, options.maxUrlBytes);
    return { html: decodeHtml(bytes, charsetFromContentType(contentType)).text, url: response.url || url };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (signal.aborted) throw new InputError(`timed out after ${options.timeoutMs / 1000} s fetching ${url}`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new InputError(`cannot fetch ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError(`page too large: over the ${formatBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
