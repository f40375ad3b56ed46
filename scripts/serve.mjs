// A tiny static file server for the built site (no dependencies): correct MIME types for .mjs and
// .wasm, loopback only. Used by scripts/serve.sh and by the browser tests. It sends CORS headers, so a
// course page on another origin can import the site's modules and fetch its .wasm, models and data
// (module scripts and fetch() are CORS requests; the files are public, so any origin may read them).
//   node scripts/serve.mjs <dir> [port]      (port 0 picks a free one)
//   node scripts/serve.mjs --dev [port]      web/ live from the source tree, lib/ from build/wasm/site/lib
//                                            (edit a view, reload; rebuild only when C++ changes)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What every response carries so that other origins may load the site's files (GET only; no credentials). */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.safetensors': 'application/octet-stream',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` on 127.0.0.1:`port`; resolves to the http.Server once listening.
 * `mounts` maps URL prefixes to other folders, e.g. { '/lib/': 'build/wasm/site/lib' }.
 */
export function serve(root, port = 0, mounts = {}) {
  const bases = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      // a preflight (e.g. a fetch with a Range header): allowed, nothing to send
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' });
      res.end();
      return;
    }
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let base = resolve(root);
      for (const [prefix, dir] of bases) {
        if (path.startsWith(prefix)) {
          base = dir;
          path = path.slice(prefix.length - 1);
        }
      }
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...CORS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(err.status ?? 404, { ...CORS, 'Content-Type': 'text/plain' });
      res.end(err.status === 403 ? 'forbidden' : 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dev = args[0] === '--dev';
  const [root = dev ? 'web' : 'build/wasm/site', port = '8080'] = dev ? ['web', args[1]] : args;
  serve(root, Number(port ?? 8080), dev ? { '/lib/': 'build/wasm/site/lib' } : {}).then(
    (server) => console.log(`tinyformer playground: http://127.0.0.1:${server.address().port}/  (Ctrl-C stops)`),
    (err) => {
      console.error(`cannot serve on port ${port}: ${err.message} (try scripts/serve.sh --port 8081)`);
      process.exit(1);
    },
  );
}
