// Which recorded tensors Add & Norm reads (see src/model/model.cpp), for web/controllers/stage-addnorm.js and the widget:
//   pre-LN  ①  x = h{l-1}.out | embed.sum,  Attn = h{l}.attn.proj, sum = h{l}.residual_1, LN = h{l}.ln_2
//           ②  x = h{l}.residual_1,         FFN = h{l}.mlp.out,    sum = h{l}.residual_2, LN = h{l+1}.ln_1 | ln_f
//   post-LN ①  x = h{l-1}.out | embed.sum,  Attn = h{l}.attn.proj, sum = h{l}.residual_1, LN = h{l}.ln_1
//           ②  x = h{l}.ln_1,               FFN = h{l}.mlp.out,    sum = h{l}.residual_2, LN = h{l}.ln_2 (= h{l}.out)

/** Names of the four tensors this stage shows (the table above). */
export function addNormTensors(config, layer, which) {
  const pre = config.norm === 'pre';
  const h = `h${layer}.`;
  const prevOut = layer === 0 ? 'embed.sum' : `h${layer - 1}.out`;
  if (which === 1) {
    return { input: prevOut, sub: `${h}attn.proj`, sum: `${h}residual_1`, norm: pre ? `${h}ln_2` : `${h}ln_1` };
  }
  const last = layer + 1 >= config.n_layer;
  return {
    input: pre ? `${h}residual_1` : `${h}ln_1`,
    sub: `${h}mlp.out`,
    sum: `${h}residual_2`,
    norm: pre ? (last ? 'ln_f' : `h${layer + 1}.ln_1`) : `${h}ln_2`,
  };
}

/** The model parameter behind a recorded LN tensor: 'h0.ln_2' → 'transformer.h.0.ln_2', 'ln_f' → 'transformer.ln_f'. */
export function lnParameter(normName) {
  return normName === 'ln_f' ? 'transformer.ln_f' : `transformer.${normName.replace(/^h(\d+)\./, 'h.$1.')}`;
}
