// Stages 5 and 7 — Add & Norm: the residual sum and its LayerNorm (attribute which = 1 or 2).
import { registerStrings, t } from '../../i18n/index.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'addnorm.sum': '더하기: 입력 + {what}', 'addnorm.norm': '정규화 (LayerNorm)', 'addnorm.attn': '어텐션 출력', 'addnorm.mlp': '피드 포워드 출력' },
  en: { 'addnorm.sum': 'Add: input + {what}', 'addnorm.norm': 'Normalise (LayerNorm)', 'addnorm.attn': 'attention output', 'addnorm.mlp': 'feed-forward output' },
});

class TfStageAddNorm extends StageView {
  render() {
    const { inspection, labels, layer, model } = this.state;
    const which = Number(this.getAttribute('which') ?? 1);
    const pre = model.config.norm === 'pre';
    const h = `h${layer}.`;
    const sum = which === 1 ? `${h}residual_1` : `${h}residual_2`;
    const norm = which === 1 ? (pre ? `${h}ln_2` : `${h}ln_1`) : (pre ? (layer + 1 < model.config.n_layer ? `h${layer + 1}.ln_1` : 'ln_f') : `${h}ln_2`);
    const dims = this.dims(model.config.n_embd);
    this.replaceChildren(this.tensorView([
      { title: t('addnorm.sum', { what: t(which === 1 ? 'addnorm.attn' : 'addnorm.mlp') }), tensor: inspection.tensor(sum), rowLabels: labels, colLabels: dims },
      { title: t('addnorm.norm'), tensor: inspection.tensor(norm), rowLabels: labels, colLabels: dims },
    ]));
  }
}
customElements.define('tf-stage-addnorm', TfStageAddNorm);
