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

export const SERVE_USAGE = `cairn serve [options]

  Run the team server (HTTP API under /v1; see /v1/openapi.json) until interrupted.
  Stores data in DIR/cairn.sqlite, or in PostgreSQL when DATABASE_URL is set.
  Prints "cairn serve: listening on URL" once ready.

  Options:
    --port N                  port to listen on (default: $PORT or 8787; 0 picks a free one)
    --host HOST               address to bind (default: $HOST or 127.0.0.1)
    --data DIR                directory for the SQLite file (default ./data)
    -h, --help                show this help
`;

export const TEAM_USAGE = `cairn team create <name> [options]

  Create a team in the server's database (DIR/cairn.sqlite, or DATABASE_URL) and print
  the owner's API token (shown once) and an invite code for editors.

  Options:
    --data DIR                directory for the SQLite file (default ./data)
    --owner NAME              the owner's display name (default "owner")
    --json                    print {"team": {id, name}, "owner": {id, name, token}, "invite": {code, role}}
    -h, --help                show this help
`;

export const SEARCH_USAGE = `cairn search --library FILE.jsonl "query" [options]

  Search a library of JSON clips (the JSON Lines "cairn clip" prints) and print one JSON
  line per result, best first: {"id", "url", "title", "score", "snippet", "highlights"}.
  "highlights" are [start, end) offsets of the query's matches in "snippet". A bad library
  line is reported on standard error with its line number and skipped.

  Options:
    --library FILE.jsonl      the library to search (required)
    --limit N                 at most N results (default 10)
    -h, --help                show this help
`;

export const RELATED_USAGE = `cairn related --library FILE.jsonl <file-or-url>... [options]

  Clip each page as "cairn clip" does and print, per input in order, one JSON line
  {"input", "results": [{"id", "url", "title", "score", "why"}]} with the library's clips
  related to it. A failed input prints {"input": ..., "error": ...} in its place and the
  command exits 1 after the rest.

  Options:
    --library FILE.jsonl      the library to match against (required)
    --limit N                 at most N results per input (default 10)
    -h, --help                show this help
`;

export const IMPORT_USAGE = `cairn import FILE [options]

  Read bookmarks HTML (Chrome, Edge, Firefox, Safari), a Pocket CSV export, JSON Lines or a
  Markdown vault zip (as "cairn export --format markdown" writes) into JSON clips, printed as
  JSON Lines. Bookmarks and Pocket items become link clips (no body); folders that name a
  category file the clip there, other folders become tags. Duplicates (same normalized URL)
  are merged. The report goes to standard error as one JSON line:
  {"file", "format", "imported", "updated", "skipped": [{"item", "reason"}]}.
  Exit 0 with the report even when items were skipped; 1 when the file cannot be read or
  holds nothing valid; 2 on a usage error (or a format that cannot be guessed).

  Options:
    --format jsonl|netscape|pocket|markdown
                              the file's format (default: from its extension, else its content)
    --library FILE.jsonl      merge into this library and print the whole library after the merge
    --out FILE.jsonl          write the clips to this file instead of standard output
    -h, --help                show this help
`;

export const EXPORT_USAGE = `cairn export --library FILE.jsonl [options]

  Write a library of JSON clips as JSON Lines, as a zip of Markdown notes with YAML front
  matter (opens as an Obsidian vault: one note per clip, folders by category), or as a
  Netscape bookmarks file any browser imports (folders by category, tags, notes).
  A summary goes to standard error as one JSON line: {"library", "format", "out", "exported"}.

  Options:
    --library FILE.jsonl      the library to export (required)
    --format jsonl|markdown|netscape
                              the output format (default jsonl)
    --out PATH                the file to write (required for markdown; default standard output)
    -h, --help                show this help
`;

export const CATEGORIZE_USAGE = `cairn categorize --library FILE.jsonl <file-or-url>... [options]

  Clip each page as "cairn clip" does and print, per input in order, one JSON line
  {"input", "suggestions": [{"category", "score", "why"}]}: up to 3 categories (paths of
  English names, best first) learned from the library's filed clips (their "category")
  and the taxonomy's names and seed words. A failed input prints {"input": ..., "error": ...}
  in its place and the command exits 1 after the rest.

  Options:
    --library FILE.jsonl      the library whose filing to learn from (required)
    --limit N                 at most N suggestions per input (default 3)
    -h, --help                show this help
`;

export const MAIN_USAGE = `Usage: cairn <command> [options]

Commands:
  clip      clip pages to JSON clips or Markdown
  search    search a library of JSON clips
  related   find a library's clips related to pages
  serve     run the team server
  team      create a team on this server
  import    import bookmarks, Pocket CSV or JSON Lines as JSON clips
  export    export a library as JSON Lines, a Markdown vault or bookmarks
  categorize  suggest categories for pages, learned from a library's filing

${CLIP_USAGE}
${SEARCH_USAGE}
${RELATED_USAGE}
${IMPORT_USAGE}
${EXPORT_USAGE}
${CATEGORIZE_USAGE}
Run "cairn <command> --help" for one command's help.
`;
