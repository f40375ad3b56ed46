// Stage 9 — Softmax: the logits become next-token probabilities.
import { registerStrings, t } from '../../i18n/index.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'softmax.probs': '다음 토큰 확률 (행마다 합이 1)' },
  en: { 'softmax.probs': 'Next-token probabilities (each row sums to 1)' },
});

class TfStageSoftmax extends StageView {
  render() {
    const { inspection, labels, model } = this.state;
    const vocab = model.tokenizer.vocab;
    this.replaceChildren(this.tensorView([{ title: t('softmax.probs'), tensor: inspection.probs, rowLabels: labels, colLabels: vocab, scale: 'sequential' }]));
  }
}
customElements.define('tf-stage-softmax', TfStageSoftmax);
