/**
 * The in-page "Clipped · Undo" toast. `showClipToast` is injected with `executeScript({ func })`, so it
 * must be self-contained: no imports, no closures over module scope. It renders in a closed shadow
 * root (the page's CSS and scripts cannot reach in), removes itself after `ms`, and its Undo button
 * sends `clip:undo` to the background.
 */

export interface ToastOptions {
  clipId: string;
  text: string;
  undo: string;
  undone: string;
  failed: string;
  ms: number;
}

/** Render the toast in the current page (runs in the content-script world). */
export function showClipToast(options: ToastOptions): void {
  const HOST_ID = 'cairn-clip-toast';
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.setAttribute('style', 'all: initial; position: fixed; z-index: 2147483647; inset: auto 16px 16px auto;');
  const root = host.attachShadow({ mode: 'closed' });
  const css = `
    .t { display: flex; gap: 12px; align-items: center; font: 14px/1.4 system-ui, sans-serif; color: #fff;
         background: #24292f; border-radius: 8px; padding: 10px 14px; box-shadow: 0 4px 16px rgba(0,0,0,.3);
         max-width: 360px; }
    .m { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    button { font: inherit; color: #8cc8ff; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
    button:disabled { color: #999; cursor: default; }`;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const box = document.createElement('div');
  box.className = 't';
  box.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.className = 'm';
  message.textContent = options.text;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = options.undo;
  box.append(message, button);
  root.append(box);
  const remove = () => host.remove();
  let timer = setTimeout(remove, options.ms);
  button.addEventListener('click', () => {
    button.disabled = true;
    clearTimeout(timer);
    const api = (globalThis as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } });
    const runtime = (api.browser ?? api.chrome)?.runtime;
    const done = (ok: boolean, detail?: string) => {
      message.textContent = ok ? options.undone : `${options.failed}${detail ? `: ${detail}` : ''}`;
      button.remove();
      timer = setTimeout(remove, 2_500);
    };
    if (!runtime) return done(false);
    runtime.sendMessage({ cairn: 'clip:undo', data: { id: options.clipId } }).then(
      (reply) => {
        const r = reply as { ok?: boolean; error?: string } | undefined;
        done(!!r?.ok, r?.error);
      },
      (err: unknown) => done(false, err instanceof Error ? err.message : String(err)),
    );
  });
  (document.body ?? document.documentElement).append(host);
}
