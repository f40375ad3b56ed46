// Writes the 사과 lesson's check sentences into web/data/sagwa-lesson.json ("check": [[sentence, sense], ...]) from a
// `tinyformer corpus --name sagwa --labels` file, keeping the sentences labelled apple or apology (not "both").
//   node scripts/sagwa-check.mjs build/demo/sagwa-heldout.tsv web/data/sagwa-lesson.json
import { readFileSync, writeFileSync } from 'node:fs';

const [tsv, json] = process.argv.slice(2);
const check = readFileSync(tsv, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t'))
  .filter(([, sense]) => sense === 'apple' || sense === 'apology');
const lesson = JSON.parse(readFileSync(json, 'utf8'));
const line = (x) =>
  JSON.stringify(x).replace(/^\{"/, '{ "').replace(/\}$/, ' }').replace(/","/g, '", "').replace(/":/g, '": ');
const out = [
  '{',
  `  "word": ${JSON.stringify(lesson.word)},`,
  `  "about": ${JSON.stringify(lesson.about)},`,
  '  "sentences": [',
  lesson.sentences.map((s) => `    ${line(s)}`).join(',\n'),
  '  ],',
  `  "checkAbout": ${JSON.stringify(lesson.checkAbout)},`,
  '  "check": [',
  check.map((c) => `    ${JSON.stringify(c).replace('","', '", "')}`).join(',\n'),
  '  ]',
  '}',
  '',
].join('\n');
writeFileSync(json, out);
console.error(`sagwa-check: ${check.length} sentences -> ${json}`);
