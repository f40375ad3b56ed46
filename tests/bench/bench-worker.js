// A classic Worker that runs the wasm bench (build/wasm/bench/tinyformer_bench_web.js, served at /wasm/)
// with the arguments it is sent, and posts back its exit code and output (one JSON line).
/* global createTinyformerBench */
importScripts('/wasm/tinyformer_bench_web.js');

onmessage = async (event) => {
  const lines = [];
  try {
    const bench = await createTinyformerBench({
      locateFile: (file) => `/wasm/${file}`,
      print: (line) => lines.push(line),
      printErr: (line) => lines.push(`# ${line}`),
    });
    const rc = bench.callMain(event.data.args);
    postMessage({ rc, out: lines.join('\n') });
  } catch (err) {
    postMessage({ rc: -1, out: lines.join('\n'), error: String(err?.stack ?? err) });
  }
};
