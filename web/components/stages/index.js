// Every stage view of the pipeline (see web/stages.js).
import './tf-stage-inputs.js';
import './tf-stage-embedding.js';
import './tf-stage-positional.js';
import './tf-stage-attention.js';
import './tf-stage-addnorm.js';
import './tf-stage-ffn.js';
import './tf-stage-linear.js';
import './tf-stage-softmax.js';
