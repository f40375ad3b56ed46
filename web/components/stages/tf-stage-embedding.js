// Stage 2 — Input embedding: each token id picks one row of the embedding table wte (V × C).
import { registerStrings, t } from '../../i18n/index.js';
import { StageView } from './base.js';

registerStrings({
  ko: { 'embedding.panel': '각 토큰의 임베딩 벡터 (wte의 행)', 'embedding.rows': '토큰', 'embedding.cols': '차원' },
  en: { 'embedding.panel': 'Each token’s embedding vector (a row of wte)', 'embedding.rows': 'token', 'embedding.cols': 'dim' },
});

class TfStageEmbedding extends StageView {
  render() {
    const { inspection, labels, model } = this.state;
    this.replaceChildren(this.tensorView([{
      title: t('embedding.panel'), tensor: inspection.tensor('embed.token'), rowLabels: labels,
      colLabels: this.dims(model.config.n_embd), rowTitle: t('embedding.rows'), colTitle: t('embedding.cols'),
    }]));
  }
}
customElements.define('tf-stage-embedding', TfStageEmbedding);
