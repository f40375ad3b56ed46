// A course author's page on a second origin (localhost, while the site is served on 127.0.0.1): the set-up the
// widget tests share. startCourse(env) serves a scratch folder; course.open(name, body) writes a lesson page that
// loads embed.js (and embed-resize.js) from the site and opens it, recording console errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

export async function startCourse(env) {
  const dir = mkdtempSync(join(tmpdir(), 'tinyformer-course-'));
  const server = await serve(dir, 0);
  return {
    /** Writes `name` with `body` (SITE/ stands for the site's address) and opens it. */
    async open(name, body, { lang = 'ko', width = 1100, locale = 'ko-KR' } = {}) {
      const site = env.baseUrl;
      writeFileSync(
        join(dir, name),
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>a lesson</title><link rel="icon" href="data:,">
<script type="module" src="${site}embed.js"></script><script src="${site}embed-resize.js"></script></head>
<body style="font-family: serif; max-width: 900px; margin: 20px auto"><h1>Lesson</h1>${body.replaceAll('SITE/', site)}</body></html>`,
      );
      const context = await env.browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.goto(`http://localhost:${server.address().port}/${name}`);
      // embed.js loads each widget's code when its element appears: wait until the page's widgets are defined
      await page.evaluate(async () => {
        const { TAGS } = await import(document.querySelector('script[type=module][src$="embed.js"]').src);
        await Promise.all(TAGS.filter((t) => document.querySelector(t)).map((t) => customElements.whenDefined(t)));
      });
      return { page, errors, context };
    },
    async close() {
      await new Promise((ok) => server.close(ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
