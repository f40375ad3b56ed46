// A tiny static file server for the built site (no dependencies): correct MIME types for .mjs and
// .wasm, loopback only. Used by scripts/serve.sh and by the browser tests.
//   node scripts/serve.mjs <dir> [port]      (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.safetensors': 'application/octet-stream',
  '.ts': 'text/plain; charset=utf-8',
};

/** Starts serving `root` on 127.0.0.1:`port`; resolves to the http.Server once listening. */
export function serve(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch (err) {
      res.writeHead(err.status ?? 404, { 'Content-Type': 'text/plain' });
      res.end(err.status === 403 ? 'forbidden' : 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/wasm/site', port = '8080'] = process.argv.slice(2);
  serve(root, Number(port)).then(
    (server) => console.log(`tinyformer playground: http://127.0.0.1:${server.address().port}/  (Ctrl-C stops)`),
    (err) => {
      console.error(`cannot serve on port ${port}: ${err.message} (try scripts/serve.sh --port 8081)`);
      process.exit(1);
    });
}
