/**
 * Serves a built site from a folder under a base path, as GitHub Pages does:
 * `dir/index.html` for `dir/`, `404.html` (with status 404) for anything else,
 * text gzipped when the browser accepts it, cached for ten minutes.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';

export interface StaticSite {
  /** e.g. `http://127.0.0.1:4321/notes-site/` */
  url: string;
  /** Serves another build from now on, as a new deploy would. */
  setRoot(root: string): void;
  /** Every response so far: the URL path asked for and the bytes sent (compressed, as on the wire). */
  readonly served: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/** Resolves a URL path to a file in `root` under `base`, or undefined. */
export function fileForPath(root: string, base: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  const relative = pathname.slice(base.length);
  const candidate = path.join(root, relative);
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

export async function serveSite(initialRoot: string, base = '/'): Promise<StaticSite> {
  let root = initialRoot;
  const served: { path: string; bytes: number }[] = [];
  const server: Server = createServer((request, response) => {
    const file = fileForPath(root, base, request.url ?? '/');
    // A directory URL without its slash redirects, as GitHub Pages does.
    if (
      file?.endsWith('index.html') &&
      request.url &&
      !request.url.split(/[?#]/)[0]!.endsWith('/') &&
      !request.url.endsWith('.html')
    ) {
      response.writeHead(301, { Location: `${request.url.split(/[?#]/)[0]}/` });
      response.end();
      return;
    }
    const target = file ?? path.join(root, '404.html');
    if (!existsSync(target)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    // GitHub Pages' types (mrmime's table); text in UTF-8, Pagefind's index files as bytes.
    const known = lookup(target) ?? 'application/octet-stream';
    const type = /^text\/|javascript|json/.test(known) ? `${known}; charset=utf-8` : known;
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'max-age=600' };
    if (
      /text|javascript|json|svg|xml|manifest/.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding']))
    ) {
      const body = gzipSync(readFileSync(target));
      response.writeHead(file ? 200 : 404, {
        ...headers,
        'Content-Encoding': 'gzip',
        'Content-Length': String(body.length),
      });
      served.push({ path: request.url ?? '', bytes: body.length });
      response.end(body);
      return;
    }
    response.writeHead(file ? 200 : 404, headers);
    served.push({ path: request.url ?? '', bytes: statSync(target).size });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    setRoot: (next) => {
      root = next;
    },
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
