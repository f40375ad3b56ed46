// @ts-check
/// <reference lib="webworker" />
// A module Worker that runs the same WebAssembly engine off the main thread. For now it answers
// {type: 'ping'} with the SIMD architecture and a positional-encoding value computed in the worker;
// the training issue grows it into the trainer.
import { createTinyformer } from './lib/tinyformer.js';

const ready = createTinyformer();

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    const tinyformer = await ready;
    if (msg.type === 'ping') {
      const pe = tinyformer.positionalEncoding(msg.T ?? 2, msg.C ?? 4);
      self.postMessage(
        { type: 'pong', id: msg.id, simdArch: tinyformer.simdArch, version: tinyformer.version, pe: pe.data },
        [pe.data.buffer],
      );
    }
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, code: err.code ?? 'internal', message: err.message });
  }
};
