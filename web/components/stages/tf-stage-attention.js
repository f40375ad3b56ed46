// Stage 4 — Multi-head self-attention: which earlier tokens each token looks at, per head.
import { registerStrings, t } from '../../i18n/index.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'attention.probs': '헤드 {h}의 어텐션 가중치 (행마다 합이 1)', 'attention.query': '보는 토큰', 'attention.key': '보이는 토큰' },
  en: { 'attention.probs': 'Attention weights of head {h} (each row sums to 1)', 'attention.query': 'looking', 'attention.key': 'looked at' },
});

class TfStageAttention extends StageView {
  render() {
    const { inspection, labels, layer, model } = this.state;
    const panels = [];
    for (let h = 0; h < model.config.n_head; h++) {
      panels.push({ title: t('attention.probs', { h: h + 1 }), tensor: inspection.attention(layer, h), rowLabels: labels,
        colLabels: labels, scale: 'sequential', rowTitle: t('attention.query'), colTitle: t('attention.key') });
    }
    this.replaceChildren(this.tensorView(panels));
  }
}
customElements.define('tf-stage-attention', TfStageAttention);
