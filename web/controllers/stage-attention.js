// The attention stage's controller: what the page asks the engine for this stage's view (see web/stages.js).
// Not converted yet: the view still reads the engine from its state; `undefined` copies every record.

/** The recorded tensors the view reads (names for model.inspect(text, {tensors})); undefined: all. */
export function tensors() { return undefined; }

/** The view's data: plain values computed by the engine. */
export function data() { return {}; }
