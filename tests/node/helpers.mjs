// Shared set-up for the Node tests of the WebAssembly module: where the build put things.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.TINYFORMER_SITE ?? join(ROOT, 'build', 'wasm', 'site');
export const NATIVE_CLI = process.env.TINYFORMER_CLI ?? join(ROOT, 'build', 'native', 'tinyformer');

/** Imports the same JS API module the page uses. */
export async function loadApi() {
  const lib = join(SITE, 'lib', 'tinyformer.js');
  if (!existsSync(lib)) throw new Error(`${lib} is missing: run scripts/build.sh first`);
  return import(lib);
}
