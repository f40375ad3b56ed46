// Stage 3 — Positional encoding: the position table added to the token vectors, and their sum.
import { registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'positional.table': '위치 벡터 ({kind})', 'positional.sum': '모델 입력 = 토큰 임베딩 + 위치 벡터', 'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),  PE(pos, 2i+1) = cos(pos / 10000^(2i/d))' },
  en: { 'positional.table': 'Position vectors ({kind})', 'positional.sum': 'Model input = token embedding + position vector', 'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),  PE(pos, 2i+1) = cos(pos / 10000^(2i/d))' },
});

class TfStagePositional extends StageView {
  render() {
    const { inspection, labels, model } = this.state;
    const dims = this.dims(model.config.n_embd);
    this.replaceChildren(
      el('p', 'formula', t('positional.formula')),
      this.tensorView([
        { title: t('positional.table', { kind: model.config.positional }), tensor: inspection.tensor('embed.position'), rowLabels: labels, colLabels: dims },
        { title: t('positional.sum'), tensor: inspection.tensor('embed.sum'), rowLabels: labels, colLabels: dims },
      ]));
  }
}
customElements.define('tf-stage-positional', TfStagePositional);
