// Stage 8 — Linear: the last hidden state times the (tied) embedding table gives one score (logit) per vocabulary token.
import { registerStrings, t } from '../../i18n/index.js';
import { visibleToken } from '../labels.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'linear.logits': '로짓: 위치마다 어휘의 각 토큰에 대한 점수' },
  en: { 'linear.logits': 'Logits: a score for every vocabulary token at every position' },
});

class TfStageLinear extends StageView {
  render() {
    const { inspection, labels, model } = this.state;
    const vocab = model.tokenizer.vocab.map(visibleToken);
    while (vocab.length < model.config.vocab_size) vocab.push('·');
    this.replaceChildren(this.tensorView([{ title: t('linear.logits'), tensor: inspection.logits, rowLabels: labels, colLabels: vocab }]));
  }
}
customElements.define('tf-stage-linear', TfStageLinear);
