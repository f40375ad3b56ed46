// The built site as an npm package (web/package.json, copied into the site): `npm pack` makes a tarball whose
// exports give the JS API, its types, embed.js and the site's files; installed into a scratch project (offline,
// from the tarball alone) the API starts the engine and reads a shipped model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SITE } from './helpers.mjs';

test('npm pack of the built site installs into a scratch project and its exports work', () => {
  const site = JSON.parse(readFileSync(join(SITE, 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(site.version, root.version, 'the site package and the repository have one version');
  const dir = mkdtempSync(join(tmpdir(), 'tinyformer-pack-'));
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: SITE, encoding: 'utf8' }),
    );
    const files = packed[0].files.map((f) => f.path);
    for (const f of [
      'lib/tinyformer.js',
      'lib/tinyformer.wasm',
      'lib/tinyformer.d.ts',
      'lib/training.js',
      'lib/training-worker.js',
      'embed.js',
      'widgets.json',
      'models/ko-char.safetensors',
      'index.html',
    ]) {
      assert.ok(files.includes(f), `${f} is not in the package`);
    }
    const project = join(dir, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, packed[0].filename)], {
      cwd: project,
      stdio: 'pipe',
    });
    writeFileSync(
      join(project, 'use.mjs'),
      `
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      import { createTinyformer } from 'tinyformer';
      const tinyformer = await createTinyformer();
      const model = tinyformer.loadModel(readFileSync(fileURLToPath(import.meta.resolve('tinyformer/models/ko-char.safetensors'))));
      const run = model.inspect('고양이는 귀엽다');
      console.log(JSON.stringify({ tokens: run.tokens.length, arch: tinyformer.simdArch,
        embed: fileURLToPath(import.meta.resolve('tinyformer/embed')), training: fileURLToPath(import.meta.resolve('tinyformer/training')) }));
    `,
    );
    const out = JSON.parse(
      execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }).trim().split('\n').pop(),
    );
    assert.equal(out.tokens, 8);
    assert.equal(out.arch, 'wasm');
    assert.ok(existsSync(out.embed) && out.embed.endsWith('node_modules/tinyformer/embed.js'));
    assert.ok(existsSync(out.training));
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'tinyformer', 'package.json'), 'utf8'));
    assert.equal(installed.exports['.'].types, './lib/tinyformer.d.ts');
    assert.ok(existsSync(join(project, 'node_modules', 'tinyformer', 'lib', 'tinyformer.d.ts')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
