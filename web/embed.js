// The one script a course author adds to a lesson page, from any origin:
//   <script type="module" src="https://…/embed.js"></script>
//   <tinyformer-attention sentence="고양이는 귀엽다" layer="2" head="mean" lang="ko"></tinyformer-attention>
// It defines every widget element (widgets.json lists them with their attributes, events and an example).
// All the widgets of a page share one engine (one WebAssembly instance) and one copy of each model; each starts
// when it first scrolls into view.
import { TinyformerTokens } from './widgets/tinyformer-tokens.js';
import { TinyformerAttention } from './widgets/tinyformer-attention.js';
import { TinyformerNextToken } from './widgets/tinyformer-next-token.js';
import { TinyformerRace } from './widgets/tinyformer-race.js';
import { TinyformerPositional } from './widgets/tinyformer-positional.js';
import { TinyformerEmbedding } from './widgets/tinyformer-embedding.js';
import { TinyformerActivation } from './widgets/tinyformer-activation.js';
import { TinyformerFillBlank } from './widgets/tinyformer-fill-blank.js';
import { TinyformerTranslate } from './widgets/tinyformer-translate.js';
import { TinyformerQkv } from './widgets/tinyformer-qkv.js';
import { TinyformerAddNorm } from './widgets/tinyformer-add-norm.js';
import { TinyformerTeacherForcing } from './widgets/tinyformer-teacher-forcing.js';
import { TinyformerSagwa } from './widgets/tinyformer-sagwa.js';
import { TinyformerTrain } from './widgets/tinyformer-train.js';
import { TinyformerTour } from './tour/tinyformer-tour.js';

/** Every widget class; each one's static spec = { tag, attributes }. */
export const WIDGETS = Object.freeze([TinyformerTokens, TinyformerEmbedding, TinyformerPositional, TinyformerAttention, TinyformerQkv,
  TinyformerAddNorm, TinyformerActivation, TinyformerNextToken, TinyformerTeacherForcing, TinyformerTrain, TinyformerTranslate,
  TinyformerFillBlank, TinyformerRace, TinyformerSagwa, TinyformerTour]);
export { TinyformerTokens, TinyformerEmbedding, TinyformerPositional, TinyformerAttention, TinyformerQkv, TinyformerAddNorm,
  TinyformerActivation, TinyformerNextToken, TinyformerTeacherForcing, TinyformerTrain, TinyformerTranslate, TinyformerFillBlank,
  TinyformerRace, TinyformerSagwa, TinyformerTour };
export { engineInstances, MODELS } from './widgets/store.js';
