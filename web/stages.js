// @ts-check
// The pipeline, in the order of the learner's notes (seed): each stage names its view element, its controller
// and its strings (title and a plain-language explanation in web/i18n/ko.js / en.js).
//
// Views only show; controllers talk to the engine. For the stage on screen the page
//   1. runs the model on the sentence, copying only the records `controller.tensors(ctx)` names, and
//   2. sets view.state = { data: controller.data(ctx), text, layer, tokens, labels, whatif, trained, memory },
// where ctx = { tinyformer, model, inspection, text, layer, which, memory, trained }. `memory` is what the view
// remembers (its picked token, a switch); when the learner changes something that needs new numbers, the view
// writes it into memory and dispatches 'stage-request', and the page runs the controller again.
import * as inputs from './controllers/stage-inputs.js';
import * as embedding from './controllers/stage-embedding.js';
import * as positional from './controllers/stage-positional.js';
import * as attention from './controllers/stage-attention.js';
import * as addnorm from './controllers/stage-addnorm.js';
import * as ffn from './controllers/stage-ffn.js';
import * as linear from './controllers/stage-linear.js';
import * as softmax from './controllers/stage-softmax.js';

export const STAGES = [
  { id: 'inputs', tag: 'tf-stage-inputs', controller: inputs },
  { id: 'embedding', tag: 'tf-stage-embedding', controller: embedding },
  { id: 'positional', tag: 'tf-stage-positional', controller: positional },
  { id: 'attention', tag: 'tf-stage-attention', controller: attention, layered: true },
  { id: 'addnorm1', tag: 'tf-stage-addnorm', controller: addnorm, layered: true, which: 1 },
  { id: 'ffn', tag: 'tf-stage-ffn', controller: ffn, layered: true },
  { id: 'addnorm2', tag: 'tf-stage-addnorm', controller: addnorm, layered: true, which: 2 },
  { id: 'linear', tag: 'tf-stage-linear', controller: linear },
  { id: 'softmax', tag: 'tf-stage-softmax', controller: softmax },
];
