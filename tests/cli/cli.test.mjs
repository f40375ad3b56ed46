// End-to-end tests of the native `tinyformer` command-line tool: they run the real binary.
//
//   node --test tests/cli/cli.test.mjs          (ctest runs it as cli_end_to_end)
//   TINYFORMER_CLI=path/to/tinyformer            default build/native/tinyformer
//   TINYFORMER_TEST_DATA=path/to/tests/data      default tests/data next to this folder
//
// A tiny model (1 layer, C = 16, block 16) trains in well under a second, so the whole file runs in a
// few seconds even under AddressSanitizer.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.TINYFORMER_CLI ?? join(ROOT, 'build', 'native', 'tinyformer');
const DATA = process.env.TINYFORMER_TEST_DATA ?? join(ROOT, 'tests', 'data');
const CORPUS = join(DATA, 'korean_small.txt');

// The tiny model every test trains; ids and shapes below follow from it.
const TINY = ['--n-layer', '1', '--n-head', '2', '--n-embd', '16', '--block-size', '16', '--batch-size', '8'];
const TRAIN = ['train', '--corpus', CORPUS, ...TINY, '--lr', '0.01', '--seed', '7'];

let dir;
const tmp = (name) => join(dir, name);

/** Runs the CLI to completion: { code, stdout, stderr }. */
function run(args) {
  const r = spawnSync(CLI, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI and expects success; returns stdout. */
function ok(args) {
  const r = run(args);
  assert.equal(r.code, 0, `tinyformer ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Expects exit `code` with exactly one line on stderr that matches `pattern`. */
function fails(args, code, pattern) {
  const r = run(args);
  assert.equal(r.code, code, `exit code of tinyformer ${args.join(' ')}; stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0], /^tinyformer[ :]/);
  assert.match(lines[0], pattern);
  return lines[0];
}

const lastJsonLine = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

/** `args` with the value of `--name` replaced (a flag may be given only once). */
function withFlag(args, name, value) {
  const copy = [...args];
  copy[copy.indexOf(name) + 1] = value;
  return copy;
}

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the native tree first`);
  dir = mkdtempSync(join(tmpdir(), 'tinyformer-cli-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('help', () => {
  test('every command has --help and tinyformer help <command> says the same', () => {
    assert.match(ok(['--help']), /train[\s\S]*generate[\s\S]*inspect/);
    for (const command of [
      'train',
      'generate',
      'inspect',
      'positional',
      'corpus',
      'export',
      'translate',
      'neighbours',
      'fill-blank',
    ]) {
      const text = ok([command, '--help']);
      assert.match(text, new RegExp(`^usage: tinyformer ${command}`));
      assert.equal(ok(['help', command]), text);
    }
    assert.match(ok(['train', '--help']), /--sampling-prob X/);
  });

  test('no command is a usage error', () => {
    assert.equal(run([]).code, 2);
  });

  // Every flag of every command, as the left column of its --help shows it.
  const FLAGS = {
    train: [
      '--arch gpt|seq2seq|cbow',
      '--corpus FILE',
      '--pairs FILE',
      '--held-out FILE',
      '--out FILE',
      '--resume FILE',
      '--steps N',
      '--seed S',
      '--eval-every N',
      '--tokenizer char|word|jamo',
      '--src-tokenizer char|word|jamo',
      '--tgt-tokenizer char|word|jamo',
      '--n-encoder-layer L',
      '--n-decoder-layer L',
      '--n-layer L',
      '--n-head H',
      '--n-embd C',
      '--block-size T',
      '--mlp-hidden F',
      '--positional NAME',
      '--norm pre|post',
      '--activation NAME',
      '--no-bias',
      '--untied',
      '--dim C',
      '--window W',
      '--min-count N',
      '--mode cbow|skipgram',
      '--loss softmax|negative',
      '--negatives K',
      '--split-particles',
      '--optimizer NAME',
      '--lr X',
      '--momentum X',
      '--beta1 X',
      '--beta2 X',
      '--weight-decay X',
      '--grad-clip X',
      '--schedule constant|cosine',
      '--warmup N',
      '--batch-size B',
      '--seq-len T',
      '--sampling-prob X',
    ],
    generate: [
      '--model FILE',
      '--prompt TEXT',
      '--temperature X',
      '--top-k K',
      '--top-p X',
      '--max-tokens N',
      '--seed S',
    ],
    inspect: ['--model FILE', '--text TEXT', '--ids LIST', '--source TEXT', '--target TEXT', '--json', '--tensor NAME'],
    positional: ['--length T', '--width C'],
    corpus: [
      '--name NAME',
      '--out FILE',
      '--seed S',
      '--max-sentences N',
      '--part NAME',
      '--labels',
      '--links',
      '--categories',
    ],
    export: ['--model FILE', '--out FILE', '--dtype f32|f16'],
    translate: ['--model FILE', '--text TEXT', '--json', '--temperature X', '--top-k K', '--max-tokens N', '--seed S'],
    neighbours: ['--model FILE', '--word WORD', '--k K', '--table input|output', '--json'],
    'fill-blank': ['--model FILE', '--text TEXT', '--k K', '--json'],
  };

  /** The help text of one flag: its line and the wrapped lines under it, joined. */
  function flagHelp(text, flag) {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  ${flag} `) || l === `  ${flag}`);
    assert.ok(start >= 0, `--help lists ${flag}`);
    let end = start + 1;
    while (end < lines.length && /^ {4,}\S/.test(lines[end])) end++;
    return lines.slice(start, end).join(' ').replace(/\s+/g, ' ');
  }

  test('--help for every command exits 0 and lists each flag, with its default and range or choices', () => {
    const top = ok(['--help']);
    for (const command of Object.keys(FLAGS)) assert.match(top, new RegExp(`^  ${command} `, 'm'));
    assert.equal(ok(['-h']), top);
    assert.equal(ok(['help']), top);
    for (const [command, flags] of Object.entries(FLAGS)) {
      const text = ok([command, '--help']);
      assert.equal(ok([command, '-h']), text);
      for (const flag of flags) flagHelp(text, flag);
      const listed = text.match(/^ {2}--[a-z0-9-]+/gm).map((l) => l.trim());
      assert.deepEqual(
        listed,
        flags.map((f) => f.split(' ')[0]),
        `${command} --help lists exactly its flags`,
      );
      assert.match(text, /^ {2}-h,--help +show this text$/m);
    }
    const train = ok(['train', '--help']);
    assert.equal(ok(['train', '--steps', 'abc', '--help']), train, '--help wins over a mistake in the other flags');
    assert.match(flagHelp(train, '--out FILE'), /\(required\)$/);
    assert.match(flagHelp(train, '--arch gpt|seq2seq|cbow'), /\(default gpt\)$/);
    assert.match(flagHelp(train, '--steps N'), /\(default 200; \[1, 10000000\]\)$/);
    assert.match(flagHelp(train, '--lr X'), /\(default 0\.001; \(0, 10\]\)$/);
    assert.match(flagHelp(train, '--norm pre|post'), /\(default pre\)$/);
    assert.match(
      flagHelp(train, '--activation NAME'),
      /\(default gelu; one of gelu, gelu_tanh, relu, sigmoid, tanh, silu\)$/,
    );
    assert.match(flagHelp(ok(['generate', '--help']), '--top-p X'), /\(default 1; \(0, 1\]\)$/);
    assert.match(flagHelp(ok(['positional', '--help']), '--length T'), /\(required; \[1, 4096\]\)$/);
    assert.match(flagHelp(ok(['corpus', '--help']), '--part NAME'), /\(default all; one of all, train, heldout\)$/);
    assert.match(flagHelp(ok(['inspect', '--help']), '--tensor NAME'), /\(repeatable\)$/);
    assert.match(flagHelp(ok(['export', '--help']), '--dtype f32|f16'), /\(default f32\)$/);
  });

  test('--version prints the version', () => {
    assert.match(ok(['--version']), /^tinyformer \d+\.\d+\.\d+ \(SIMD: [^)]+\)\n$/);
  });
});

describe('train → generate → inspect', () => {
  const model = () => tmp('tiny.safetensors');
  let summary;

  before(() => {
    summary = lastJsonLine(ok([...TRAIN, '--steps', '30', '--eval-every', '10', '--out', model()]));
  });

  test('train prints a JSON summary and saves the checkpoint', () => {
    assert.equal(summary.steps, 30);
    assert.equal(summary.out, model());
    assert.equal(summary.interrupted, false);
    assert.ok(existsSync(model()));
    assert.ok(Number.isFinite(summary.val_loss), 'the held-out 10% is long enough for one window');
    assert.ok(summary.tokens_per_second > 0);
    const V = JSON.parse(ok(['inspect', '--model', model(), '--text', '나', '--json'])).config.vocab_size;
    assert.ok(summary.final_loss < Math.log(V), `final loss ${summary.final_loss} < ln(V) = ${Math.log(V)}`);
    assert.ok(summary.final_loss < summary.initial_loss);
  });

  test('generate is reproducible from a seed and starts with the prompt', () => {
    const args = ['generate', '--model', model(), '--prompt', '나는 ', '--max-tokens', '20', '--seed', '3'];
    const first = ok(args);
    assert.equal(ok(args), first);
    assert.ok(first.startsWith('나는 '));
    const greedy = [...args, '--temperature', '0'];
    assert.equal(ok(greedy), ok([...greedy.slice(0, -4), '--seed', '99', '--temperature', '0']));
  });

  test('inspect --json has tokens, logits (T,V), attention (L,H,T,T) with rows summing to 1, and the loss', () => {
    const out = JSON.parse(ok(['inspect', '--model', model(), '--text', '나는 밥을', '--json']));
    const T = 5;
    const { n_layer: L, n_head: H, vocab_size: V } = out.config;
    assert.deepEqual([L, H], [1, 2]);
    assert.equal(out.tokens.length, T);
    assert.deepEqual(out.tokens.map((t) => t.text).join(''), '나는 밥을');
    for (const t of out.tokens) assert.ok(Number.isInteger(t.id) && t.id >= 0 && t.id < V);
    assert.equal(out.logits.length, T);
    for (const row of out.logits) assert.equal(row.length, V);
    assert.equal(out.attention.length, L);
    for (const layer of out.attention) {
      assert.equal(layer.length, H);
      for (const head of layer) {
        assert.equal(head.length, T);
        head.forEach((row, t) => {
          assert.equal(row.length, T);
          const sum = row.reduce((a, b) => a + b, 0);
          assert.ok(Math.abs(sum - 1) < 1e-5, `attention row ${t} sums to ${sum}`);
          for (let s = t + 1; s < T; ++s) assert.equal(row[s], 0, 'no attention to later tokens');
        });
      }
    }
    assert.ok(Number.isFinite(out.loss) && out.loss > 0);
  });

  test('inspect --tensor adds recorded intermediates; the mask -inf becomes null', () => {
    const out = JSON.parse(
      ok([
        'inspect',
        '--model',
        model(),
        '--ids',
        '10,8,4',
        '--json',
        '--tensor',
        'h0.attn.masked',
        '--tensor',
        'ln_f',
      ]),
    );
    assert.equal(out.tokens.length, 3);
    const masked = out.tensors['h0.attn.masked'];
    assert.deepEqual(masked.shape, [2, 3, 3]);
    assert.equal(masked.data.length, 18);
    assert.equal(masked.data[1], null, 'above the diagonal');
    assert.ok(Number.isFinite(masked.data[0]));
    assert.deepEqual(out.tensors.ln_f.shape, [3, 16]);
  });

  test('inspect: one token has no loss; the summary and --tensor list are readable', () => {
    assert.equal(JSON.parse(ok(['inspect', '--model', model(), '--text', '나', '--json'])).loss, null);
    const summaryText = ok(['inspect', '--model', model(), '--text', '나는']);
    assert.match(summaryText, /tokens \(2\)/);
    assert.match(summaryText, /1\.\s+\d+\.\d\d%/);
    const names = ok(['inspect', '--model', model(), '--tensor', 'list']);
    for (const name of ['embed.sum', 'h0.attn.scores', 'h0.attn.probs', 'h0.mlp.act', 'logits']) {
      assert.match(names, new RegExp(`^${name.replace('.', '\\.')} \\[`, 'm'));
    }
  });
});

describe('Ctrl-C and --resume', () => {
  test('SIGINT saves a checkpoint, exits 130, and --resume finishes the run', async () => {
    const out = tmp('interrupted.safetensors');
    const child = spawn(CLI, [...TRAIN, '--steps', '10000000', '--out', out]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // The handler is installed before the "data:" line is printed.
    await new Promise((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/\ndata: /.test(stderr)) setTimeout(resolve, 200);
      });
    });
    child.kill('SIGINT');
    const { code } = await exited;
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted at step \d+: saved to /);
    const summary = lastJsonLine(stdout);
    assert.equal(summary.interrupted, true);
    assert.ok(summary.steps >= 1);
    assert.ok(existsSync(out));
    ok(['generate', '--model', out, '--prompt', '나', '--max-tokens', '5']);

    const resumed = lastJsonLine(
      ok([...TRAIN, '--steps', String(summary.steps + 5), '--resume', out, '--out', tmp('finished.safetensors')]),
    );
    assert.equal(resumed.steps, summary.steps + 5);
  });

  test('scheduled sampling: 4 steps straight equal 2 steps + --resume to 4, byte for byte', () => {
    const args = [...TRAIN, '--sampling-prob', '0.5'];
    const straight = tmp('ss-4.safetensors'),
      half = tmp('ss-2.safetensors'),
      resumed = tmp('ss-r.safetensors');
    ok([...args, '--steps', '4', '--out', straight]);
    ok([...args, '--steps', '2', '--out', half]);
    ok([...args, '--steps', '4', '--resume', half, '--out', resumed]);
    assert.ok(readFileSync(straight).equals(readFileSync(resumed)));
  });

  test('10 steps + --resume to 20 is bit-identical to 20 steps', () => {
    const straight = tmp('straight.safetensors');
    const half = tmp('half.safetensors');
    const resumed = tmp('resumed.safetensors');
    ok([...TRAIN, '--steps', '20', '--out', straight]);
    ok([...TRAIN, '--steps', '10', '--out', half]);
    ok([...TRAIN, '--steps', '20', '--resume', half, '--out', resumed]);
    assert.ok(readFileSync(straight).equals(readFileSync(resumed)));
  });

  test('--resume refuses model flags that differ from the checkpoint', () => {
    const half = tmp('half.safetensors');
    const resume = [...TRAIN, '--steps', '20', '--resume', half, '--out', tmp('x.safetensors')];
    const args = withFlag(resume, '--n-embd', '32');
    fails(args, 2, /--n-embd 32 differs from .*half\.safetensors, which has 16/);
    fails([...TRAIN, '--steps', '10', '--resume', half, '--out', tmp('x.safetensors')], 2, /--steps 10 is not more/);
  });
});

describe('errors: one line on stderr and a non-zero exit', () => {
  const out = () => tmp('never.safetensors');

  test('usage errors exit 2 and name the flag', () => {
    fails(['train', '--out', out()], 2, /--corpus is required/);
    fails([...TRAIN, '--out', out(), '--steps', '0'], 2, /--steps: must be an integer in \[1, 10000000\], got '0'/);
    fails(
      [...TRAIN, '--out', out(), '--steps', 'many'],
      2,
      /--steps: must be an integer in \[1, 10000000\], got 'many'/,
    );
    fails([...TRAIN, '--out', out(), '--lr'], 2, /--lr: needs a value \(X\)/);
    fails([...TRAIN, '--out', out(), '--frobnicate', '1'], 2, /unknown flag --frobnicate/);
    fails(
      [...TRAIN, '--out', out(), '--activation', 'swish'],
      2,
      /--activation: must be one of gelu, gelu_tanh, relu, sigmoid, tanh, silu; got 'swish'/,
    );
    fails(withFlag([...TRAIN, '--out', out()], '--n-head', '3'), 2, /n_embd \(16\) must be divisible by n_head \(3\)/);
    fails([...TRAIN, '--out', out(), '--seq-len', '32'], 2, /--seq-len \(32\) must not exceed/);
    fails([...TRAIN, '--out', out(), '--warmup', '5'], 2, /--warmup needs --schedule cosine/);
    fails(['generate', '--prompt', 'x'], 2, /--model is required/);
    fails(['inspect', '--model', 'm'], 2, /missing --text TEXT or --ids/);
    fails([...TRAIN, '--out', out(), '--seed', '1'], 2, /--seed is given twice/);
    fails(['nonsense'], 2, /unknown command 'nonsense'/);
  });

  test('--lr that rounds to 0 as a float, and --out naming a directory, are refused before training', () => {
    fails(
      [...TRAIN, '--out', out(), '--lr', '1e-50'],
      2,
      /--lr: must be a number in \(0, 10\], got '1e-50', which rounds to 0 as a 32-bit float/,
    );
    mkdirSync(tmp('a-directory'), { recursive: true });
    const r = run([...TRAIN, '--steps', '300', '--out', tmp('a-directory')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /cannot write --out .*a-directory: it is a directory/);
    assert.doesNotMatch(r.stderr, /^model:/m, 'refused before training started');
  });

  test('unknown flags, out-of-range numbers and bad choices exit 2, naming the flag and what is allowed', () => {
    const generate = ['generate', '--model', tmp('never.safetensors'), '--prompt', 'x'];
    // unknown flags and stray arguments, with the hint to the command's --help
    fails(
      [...generate, '--frobnicate=3'],
      2,
      /^tinyformer generate: unknown flag --frobnicate \(see tinyformer generate --help\)$/,
    );
    fails(['--frobnicate'], 2, /^tinyformer: unknown flag --frobnicate \(see tinyformer --help\)$/);
    fails(['positional', '--length', '4', '--width', '4', 'extra'], 2, /unexpected argument 'extra'/);
    fails(['help', 'nonsense'], 2, /unknown command 'nonsense'/);
    // numbers out of range or not numbers: the range in the message
    fails(
      ['positional', '--length', '5000', '--width', '4'],
      2,
      /--length: must be an integer in \[1, 4096\], got '5000'/,
    );
    fails([...generate, '--top-p', '0'], 2, /--top-p: must be a number in \(0, 1\], got '0'/);
    fails([...generate, '--temperature', 'hot'], 2, /--temperature: must be a number in \[0, 100\], got 'hot'/);
    fails([...generate, '--max-tokens', '1e3'], 2, /--max-tokens: must be an integer in \[1, 100000\], got '1e3'/);
    // a negative number is read as the flag's value, not as a flag
    fails([...generate, '--seed', '-1'], 2, /--seed: must be an integer in \[0, 2147483647\], got '-1'/);
    // bad choices: every choice listed
    fails(
      ['corpus', '--name', 'klingon', '--out', out()],
      2,
      /--name: must be one of ko, en, ko-en, sagwa, ko-words; got 'klingon'/,
    );
    fails(
      ['export', '--model', 'm', '--out', out(), '--dtype', 'f64'],
      2,
      /--dtype: must be one of f32, f16; got 'f64'/,
    );
    // a flag where a value should be is a forgotten value
    fails(
      ['generate', '--model', 'm', '--prompt', '--max-tokens', '5'],
      2,
      /--prompt: needs a value \(TEXT\), got the flag --max-tokens/,
    );
    assert.equal(existsSync(out()), false, 'nothing was written');
  });

  test('bad corpus files exit 1 and say what is wrong', () => {
    const write = (name, bytes) => {
      writeFileSync(tmp(name), bytes);
      return tmp(name);
    };
    const train = (corpus) => ['train', '--corpus', corpus, ...TINY, '--out', out()];
    fails(train(tmp('missing.txt')), 1, /corpus .*missing\.txt: no such file/);
    fails(train(write('empty.txt', '')), 1, /corpus .*empty\.txt is empty/);
    fails(train(write('latin1.txt', Buffer.from([0x61, 0x62, 0xe9, 0x74, 0xe9]))), 1, /not valid UTF-8.*offset 2/);
    fails(train(write('binary.txt', Buffer.from([0x61, 0x00, 0x62]))), 1, /binary file \(NUL byte at offset 1\)/);
    fails(train(write('short.txt', '가나다라')), 1, /too short: 4 tokens/);
    assert.equal(existsSync(out()), false, 'nothing was saved');
  });

  test('bad model files exit 1 and name the file', () => {
    const corrupt = tmp('corrupt.safetensors');
    writeFileSync(corrupt, 'this is not a checkpoint at all');
    fails(['generate', '--model', corrupt, '--prompt', 'x'], 1, /corrupt\.safetensors/);
    fails(['inspect', '--model', corrupt, '--text', 'x', '--json'], 1, /corrupt\.safetensors/);
    const truncated = tmp('truncated.safetensors');
    writeFileSync(truncated, readFileSync(tmp('tiny.safetensors')).subarray(0, 400));
    fails(['generate', '--model', truncated, '--prompt', 'x'], 1, /truncated\.safetensors/);
    fails(['generate', '--model', tmp('nope.safetensors'), '--prompt', 'x'], 1, /no such file/);
  });

  test('inspect: text longer than block_size, bad ids and unknown tensors', () => {
    const model = tmp('tiny.safetensors');
    fails(['inspect', '--model', model, '--text', '가'.repeat(17)], 2, /17 tokens long; .*block_size = 16/);
    fails(
      ['inspect', '--model', model, '--ids', '1,2,100000'],
      2,
      /--ids: must be an integer in \[0, \d+\], got '100000'/,
    );
    fails(['inspect', '--model', model, '--text', 'a', '--tensor', 'h9.nope'], 2, /--tensor h9\.nope: no recorded/);
  });
});

describe('encoder-decoder: train --arch seq2seq, translate, inspect --source', () => {
  const S2S = [
    '--arch',
    'seq2seq',
    '--n-encoder-layer',
    '1',
    '--n-decoder-layer',
    '1',
    '--n-head',
    '2',
    '--n-embd',
    '16',
    '--mlp-hidden',
    '32',
    '--batch-size',
    '16',
    '--lr',
    '0.01',
    '--seed',
    '3',
  ];
  let pairs, model;
  before(() => {
    pairs = tmp('pairs.tsv');
    ok(['corpus', '--name', 'ko-en', '--max-sentences', '300', '--out', pairs]);
    model = tmp('s2s.safetensors');
  });

  test('training on pairs prints the held-out translation scores and the loss falls', () => {
    const summary = lastJsonLine(ok(['train', ...S2S, '--pairs', pairs, '--steps', '150', '--out', model]));
    assert.ok(summary.final_loss < summary.initial_loss / 2, JSON.stringify(summary));
    assert.ok(summary.exact_match >= 0 && summary.exact_match <= 1);
    assert.ok(summary.token_accuracy > 0.2, JSON.stringify(summary));
  });

  test('translate prints the translation; --json has every step with its cross-attention', () => {
    const text = ok(['translate', '--model', model, '--text', '나는 밥을 먹었다']).trim();
    assert.ok(text.length > 0);
    const j = JSON.parse(ok(['translate', '--model', model, '--text', '나는 밥을 먹었다', '--json']));
    assert.deepEqual(
      j.source.map((t) => t.text),
      ['<bos>', '▁나는', '▁밥을', '▁먹었다', '<eos>'],
    );
    assert.equal(j.translation, text);
    assert.ok(j.steps.length >= 1);
    for (const step of j.steps) {
      assert.equal(step.cross_attention.length, 1); // layers
      assert.equal(step.cross_attention[0].length, 2); // heads
      for (const row of step.cross_attention[0]) {
        assert.equal(row.length, 5);
        assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      }
      assert.ok(step.prob > 0 && step.prob <= 1);
    }
  });

  test('inspect --source --target: both sides, logits, the three attentions and the loss', () => {
    const j = JSON.parse(
      ok(['inspect', '--model', model, '--source', '고양이는 귀엽다', '--target', 'The cat is cute', '--json']),
    );
    const S = j.source.length,
      T = j.target.length;
    assert.equal(S, 4); // <bos> 고양이는 귀엽다 <eos>
    assert.equal(j.target[0].text, '<bos>');
    assert.equal(j.logits.length, T);
    assert.equal(j.attention.encoder[0][0].length, S);
    assert.equal(j.attention.decoder[0][1][0].length, T);
    assert.equal(j.attention.cross[0][1][T - 1].length, S);
    assert.equal(j.attention.decoder[0][0][0][1], 0); // causal: position 0 cannot see position 1
    assert.ok(Number.isFinite(j.loss));
    assert.equal(j.config.arch, 'seq2seq');
  });

  test('10 steps + --resume to 20 is bit-identical to 20 steps', () => {
    const straight = tmp('s2s-20.safetensors'),
      half = tmp('s2s-10.safetensors'),
      resumed = tmp('s2s-r.safetensors');
    const args = [...S2S, '--sampling-prob', '0.5']; // the coin stream is saved and restored too
    ok(['train', ...args, '--pairs', pairs, '--steps', '20', '--out', straight]);
    ok(['train', ...args, '--pairs', pairs, '--steps', '10', '--out', half]);
    ok(['train', ...args, '--pairs', pairs, '--steps', '20', '--resume', half, '--out', resumed]);
    assert.ok(readFileSync(straight).equals(readFileSync(resumed)));
  });

  test('bad pairs, wrong models and misplaced flags get one clear line each', () => {
    const write = (name, text) => {
      writeFileSync(tmp(name), text);
      return tmp(name);
    };
    const train = (file) => ['train', ...S2S, '--pairs', file, '--steps', '5', '--out', tmp('x.safetensors')];
    fails(
      train(write('notab.tsv', '나는 밥을 먹었다\tI ate rice\n고양이는 귀엽다 The cat is cute\n')),
      1,
      /pairs .*notab\.tsv: line 2 is not 'source<TAB>target'/,
    );
    fails(train(write('empty-side.tsv', '나는\tI\n\tThe cat\n')), 1, /line 2 has an empty source side/);
    fails(train(write('bad.tsv', Buffer.from([0x61, 0x09, 0x62, 0xff, 0x0a]))), 1, /not valid UTF-8.*offset 3/);
    fails(train(write('one.tsv', '나는\tI\n')), 1, /1 sentence pairs to train on; at least 2/);
    const long = Array.from({ length: 40 }, () => '가').join(' ');
    fails(
      [...train(write('long.tsv', `나는\tI\n${long}\tx\n나는\tI\n`)), '--block-size', '16'],
      1,
      /line 2 needs 42 positions/,
    );
    fails(['train', ...S2S, '--steps', '5', '--out', tmp('x.safetensors')], 2, /--arch seq2seq needs --pairs/);
    fails(
      ['train', ...S2S, '--pairs', pairs, '--corpus', CORPUS, '--steps', '5', '--out', tmp('x.safetensors')],
      2,
      /--corpus is for --arch gpt/,
    );
    fails(
      ['train', '--corpus', CORPUS, '--pairs', pairs, '--out', tmp('x.safetensors')],
      2,
      /--pairs is for --arch seq2seq/,
    );
    fails(['generate', '--model', model, '--prompt', 'x'], 1, /encoder-decoder .*use `tinyformer translate`/);
    const gpt = tmp('gpt.safetensors');
    ok([...TRAIN, '--steps', '2', '--out', gpt]);
    fails(['translate', '--model', gpt, '--text', 'x'], 1, /holds a GPT.*use `tinyformer generate`/);
    fails(['inspect', '--model', model, '--text', 'x'], 2, /encoder-decoder: give --source/);
    fails(['inspect', '--model', gpt, '--source', 'x'], 2, /--source and --target are for encoder-decoder/);
    fails(
      ['translate', '--model', model, '--text', Array.from({ length: 80 }, () => '나는').join(' ')],
      2,
      /--text is 80 tokens long; this model reads at most/,
    );
    fails(['translate', '--model', model, '--text', ''], 2, /--text is empty/);
  });
});

describe('corpus', () => {
  test('--links adds the word alignment of the ko-en pairs: ko<TAB>en<TAB>en_index:ko_index,...', () => {
    const out = tmp('ko-en-links.tsv');
    ok(['corpus', '--name', 'ko-en', '--max-sentences', '3', '--links', '--out', out]);
    assert.deepEqual(readFileSync(out, 'utf8').split('\n'), [
      '나는 밥을 먹었다\tI ate rice\t0:0,1:2,2:1',
      '밥을 나는 먹었다\tI ate rice\t0:1,1:2,2:0',
      '고양이는 귀엽다\tThe cat is cute\t1:0,3:1',
      '',
    ]);
    // Without --links the same pairs, two columns.
    ok(['corpus', '--name', 'ko-en', '--max-sentences', '3', '--out', out]);
    assert.equal(readFileSync(out, 'utf8').split('\n')[0], '나는 밥을 먹었다\tI ate rice');
    fails(['corpus', '--name', 'ko', '--links', '--out', out], 2, /--links needs --name ko-en/);
  });
});

describe('word vectors: train --arch cbow, neighbours, fill-blank', () => {
  const words = () => tmp('ko-words.txt');
  const model = () => tmp('words.safetensors');
  const CBOW = () => [
    'train',
    '--arch',
    'cbow',
    '--corpus',
    words(),
    '--dim',
    '16',
    '--window',
    '2',
    '--min-count',
    '2',
    '--batch-size',
    '32',
    '--optimizer',
    'adam',
    '--lr',
    '0.01',
    '--seed',
    '3',
  ];

  before(() => {
    ok(['corpus', '--name', 'ko-words', '--max-sentences', '400', '--out', words()]);
  });

  test("corpus ko-words splits the particles off; --categories writes each word's lexicon category", () => {
    const lines = readFileSync(words(), 'utf8').split('\n');
    assert.deepEqual(lines.slice(0, 3), ['나 는 밥 을 먹었다', '밥 을 나 는 먹었다', '고양이 는 귀엽다']);
    const cats = tmp('ko-words-categories.json');
    ok(['corpus', '--name', 'ko-words', '--max-sentences', '600', '--categories', '--out', cats]);
    const json = JSON.parse(readFileSync(cats, 'utf8'));
    assert.equal(json['고양이'], 'animals');
    assert.equal(json['밥'], 'foods');
    assert.equal(json['는'], undefined);
    fails(['corpus', '--name', 'en', '--categories', '--out', cats], 2, /--categories needs a Korean corpus/);
  });

  test('training lowers the loss; neighbours and fill-blank read the checkpoint', () => {
    const summary = lastJsonLine(ok([...CBOW(), '--steps', '300', '--out', model()]));
    assert.ok(summary.final_loss < summary.initial_loss, JSON.stringify(summary));
    const near = JSON.parse(ok(['neighbours', '--model', model(), '--word', '고양이', '--json']));
    assert.equal(near.word, '고양이');
    assert.equal(near.neighbours.length, 10);
    for (let i = 1; i < 10; i++) assert.ok(near.neighbours[i].cosine <= near.neighbours[i - 1].cosine);
    assert.ok(near.neighbours.every((n) => n.word !== '고양이' && n.cosine <= 1.0001));
    // a word with its particle is looked up by its stem
    assert.deepEqual(
      JSON.parse(ok(['neighbours', '--model', model(), '--word', '고양이는', '--json'])).neighbours,
      near.neighbours,
    );
    assert.match(
      ok(['neighbours', '--model', model(), '--word', '밥', '--k', '3']),
      /^밥 \(input vectors, cosine\):\n {2}1\. /,
    );
    const fill = JSON.parse(ok(['fill-blank', '--model', model(), '--text', '나는 ___ 먹었다', '--json']));
    assert.deepEqual(fill.words, ['나', '는', '___', '먹었다']);
    assert.equal(fill.blank, 2);
    assert.deepEqual(fill.context, ['나', '는', '먹었다']);
    assert.equal(fill.guesses.length, 5);
    let sum = 0;
    for (let i = 0; i < 5; i++) {
      sum += fill.guesses[i].prob;
      if (i > 0) assert.ok(fill.guesses[i].prob <= fill.guesses[i - 1].prob);
    }
    assert.ok(sum > 0 && sum <= 1.0001);
    assert.match(
      ok(['fill-blank', '--model', model(), '--text', '나는 ___ 먹었다', '--k', '2']),
      /^나 는 ___ 먹었다\n {2}1\. \S+ {2}0\.\d{3}\n {2}2\. /,
    );
  });

  test('skip-gram with negative sampling trains too; 10 steps + --resume to 20 is bit-identical', () => {
    const args = [...CBOW(), '--mode', 'skipgram', '--loss', 'negative', '--negatives', '4'];
    const straight = tmp('sg-straight.safetensors');
    const half = tmp('sg-half.safetensors');
    const resumed = tmp('sg-resumed.safetensors');
    ok([...args, '--steps', '20', '--out', straight]);
    ok([...args, '--steps', '10', '--out', half]);
    ok([...args, '--steps', '20', '--resume', half, '--out', resumed]);
    assert.ok(readFileSync(straight).equals(readFileSync(resumed)));
    fails(
      [...withFlag(args, '--window', '3'), '--steps', '20', '--resume', half, '--out', tmp('x.safetensors')],
      2,
      /--window 3 differs from .*sg-half\.safetensors, which has 2/,
    );
  });

  test('bad words, sentences, models and flags get one clear line each', () => {
    fails(['neighbours', '--model', model(), '--word', '없는말'], 1, /'없는말' is not in the vocabulary/);
    fails(['fill-blank', '--model', model(), '--text', '나는 밥을 먹었다'], 1, /write the blank as ___/);
    fails(['fill-blank', '--model', model(), '--text', '___ ___'], 1, /only one blank/);
    fails(['fill-blank', '--model', model(), '--text', '없는말 ___'], 1, /none of the words next to the blank/);
    const gpt = tmp('gpt-for-words.safetensors');
    ok([...TRAIN, '--steps', '2', '--out', gpt]);
    fails(['neighbours', '--model', gpt, '--word', '나'], 1, /holds a gpt model, not word vectors/);
    fails(['generate', '--model', model(), '--prompt', '나'], 1, /word vectors/);
    fails(
      [...CBOW(), '--steps', '5', '--n-layer', '2', '--out', tmp('x.safetensors')],
      2,
      /--n-layer is not for --arch cbow/,
    );
    fails([...TRAIN, '--steps', '5', '--window', '3', '--out', tmp('x.safetensors')], 2, /--window is for --arch cbow/);
    const one = tmp('one-word.txt');
    writeFileSync(one, '하나\n둘\n');
    fails(
      ['train', '--arch', 'cbow', '--corpus', one, '--steps', '5', '--out', tmp('x.safetensors')],
      1,
      /one-word\.txt.*two words/,
    );
  });
});

describe('hostile files and settings (issue 18): refused with one line, quickly, before allocating', () => {
  const model = () => tmp('hostile-base.safetensors');
  before(() => {
    ok([...TRAIN, '--steps', '3', '--out', model()]);
  });

  /** A safetensors file from a header object and data bytes (header padded to 8 bytes). */
  const writeCheckpoint = (name, header, data = Buffer.alloc(0)) => {
    let json = JSON.stringify(header);
    json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
    writeFileSync(tmp(name), Buffer.concat([length, Buffer.from(json), data]));
    return tmp(name);
  };
  const parts = () => {
    const bytes = readFileSync(model());
    const n = Number(bytes.readBigUInt64LE(0));
    return { header: JSON.parse(bytes.subarray(8, 8 + n).toString()), data: bytes.subarray(8 + n) };
  };

  test('a header length over 16 MiB is refused from the length bytes alone', () => {
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt((16 << 20) + 8));
    writeFileSync(tmp('huge-header.safetensors'), Buffer.concat([length, Buffer.from('{}')]));
    fails(
      ['generate', '--model', tmp('huge-header.safetensors'), '--prompt', 'x'],
      1,
      /huge-header\.safetensors: checkpoint header claims 16777224 bytes, over the limit of 16777216/,
    );
  });

  test('a 1 KB file whose config claims 200M parameters is refused without allocating them', () => {
    const { header } = parts();
    const config = {
      ...JSON.parse(header.__metadata__.config),
      n_layer: 12,
      n_head: 16,
      n_embd: 2048,
      block_size: 1024,
    };
    const file = writeCheckpoint('claims-big.safetensors', {
      __metadata__: { ...header.__metadata__, config: JSON.stringify(config) },
    });
    fails(
      ['generate', '--model', file, '--prompt', 'x'],
      1,
      /claims-big\.safetensors: model too large: \d+ parameters/,
    );
  });

  test('optimizer steps of 1e20 or "x" name the field (no undefined behaviour, no raw JSON exception)', () => {
    const { header, data } = parts();
    for (const [name, steps, pattern] of [
      ['steps-1e20', 1e20, /steps must be in \[0, 2147483647\]/],
      ['steps-string', 'x', /steps must be a number/],
    ]) {
      const optimizer = { ...JSON.parse(header.__metadata__.optimizer), steps };
      const file = writeCheckpoint(
        `${name}.safetensors`,
        { ...header, __metadata__: { ...header.__metadata__, optimizer: JSON.stringify(optimizer) } },
        data,
      );
      fails(
        [...TRAIN, '--steps', '5', '--out', tmp('never.safetensors'), '--resume', file],
        1,
        new RegExp(`${name}\\.safetensors: ${pattern.source}`),
      );
    }
    assert.equal(existsSync(tmp('never.safetensors')), false);
  });

  test('a learning rate that makes the loss explode stops training with the step and what to do', () => {
    const r = run([
      'train',
      '--corpus',
      CORPUS,
      ...TINY,
      '--optimizer',
      'sgd',
      '--lr',
      '10',
      '--steps',
      '200',
      '--out',
      tmp('exploded.safetensors'),
    ]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /the loss became (NaN|infinite) at step \d+; lower the learning rate/);
    assert.equal(existsSync(tmp('exploded.safetensors')), false, 'no checkpoint of the exploded weights');
  });
});
