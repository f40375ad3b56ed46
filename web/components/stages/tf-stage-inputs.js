// Stage 1 — Inputs: the sentence as an ordered list of token ids (what the model actually receives).
import { registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { StageView } from './base.js';
import '../tf-tokens.js';

registerStrings({
  ko: { 'inputs.ids': '모델이 받는 숫자 목록 (토큰 id)', 'inputs.vocab': '어휘 크기 V = {v}: 모델이 아는 토큰의 수' },
  en: { 'inputs.ids': 'The list of numbers the model receives (token ids)', 'inputs.vocab': 'Vocabulary size V = {v}: the tokens the model knows' },
});

class TfStageInputs extends StageView {
  render() {
    const { inspection, model } = this.state;
    const strip = document.createElement('tf-tokens');
    strip.tokens = inspection.tokens;
    const ids = el('pre', 'formula', `[${Array.from(inspection.ids).join(', ')}]`);
    this.replaceChildren(strip, el('h3', '', t('inputs.ids')), ids, el('p', 'hint', t('inputs.vocab', { v: model.config.vocab_size })));
  }
}
customElements.define('tf-stage-inputs', TfStageInputs);
