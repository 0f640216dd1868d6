/** Help text for the `cairn` command and each of its subcommands. */

export const CLIP_USAGE = `cairn clip <file-or-url>... [options]

  Clip saved HTML pages or web pages and print one JSON clip per input (JSON Lines),
  in input order. A failed input prints {"input": ..., "error": ...} in its place and
  the command exits 1 after the rest. Use "-" to read one page from standard input.

  Options:
    --url URL                 the page's original URL (only with exactly one input);
                              default: the file's file:// URL, or the final URL after redirects
    --mode article|page       keep the main article (default) or the whole page's text
    --format json|md          JSON Lines (default) or Markdown with YAML front matter
    --timeout SECONDS         give up on a web page after this long (default 20)
    -h, --help                show this help
`;

export const MAIN_USAGE = `Usage: cairn <command> [options]

Commands:
  clip      clip pages to JSON clips or Markdown

${CLIP_USAGE}
Run "cairn <command> --help" for one command's help.
`;
