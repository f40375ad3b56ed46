// The pipeline, in the order of the learner's notes (seed): each stage names its view element and
// its strings (title and a plain-language explanation in web/i18n/ko.js / en.js).
//
// A stage view is a custom element with a `state` property:
//   { tinyformer, model, inspection, text, layer, tokens }    (layer only for `layered` stages)
// Setting `state` re-renders; views re-render themselves on a language switch.
export const STAGES = [
  { id: 'inputs', tag: 'tf-stage-inputs' },
  { id: 'embedding', tag: 'tf-stage-embedding' },
  { id: 'positional', tag: 'tf-stage-positional' },
  { id: 'attention', tag: 'tf-stage-attention', layered: true },
  { id: 'addnorm1', tag: 'tf-stage-addnorm', layered: true, which: 1 },
  { id: 'ffn', tag: 'tf-stage-ffn', layered: true },
  { id: 'addnorm2', tag: 'tf-stage-addnorm', layered: true, which: 2 },
  { id: 'linear', tag: 'tf-stage-linear' },
  { id: 'softmax', tag: 'tf-stage-softmax' },
];
