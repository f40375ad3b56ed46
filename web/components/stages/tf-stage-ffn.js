// Stage 6 — Feed forward: pre-activations, the activation, and the block's output.
import { registerStrings, t } from '../../i18n/index.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'ffn.pre': '활성화 함수 전 (c_fc 출력)', 'ffn.act': '활성화 함수 후 ({act})', 'ffn.out': '피드 포워드 출력 (c_proj)' },
  en: { 'ffn.pre': 'Before the activation (c_fc output)', 'ffn.act': 'After the activation ({act})', 'ffn.out': 'Feed-forward output (c_proj)' },
});

class TfStageFfn extends StageView {
  render() {
    const { inspection, labels, layer, model } = this.state;
    const h = `h${layer}.`;
    this.replaceChildren(this.tensorView([
      { title: t('ffn.pre'), tensor: inspection.tensor(`${h}mlp.pre`), rowLabels: labels },
      { title: t('ffn.act', { act: model.config.activation }), tensor: inspection.tensor(`${h}mlp.act`), rowLabels: labels },
      { title: t('ffn.out'), tensor: inspection.tensor(`${h}mlp.out`), rowLabels: labels, colLabels: this.dims(model.config.n_embd) },
    ]));
  }
}
customElements.define('tf-stage-ffn', TfStageFfn);
