// English: the optimizer lens on the training page (optimizer-lens.js).
export default {
  'train.lens.myth.title': 'Does Adam “remember wrong answers”?',
  'train.lens.myth.p1':
    'A common explanation: “Adam remembers the kinds of problems it got wrong and solves them easily next time.” What Adam actually keeps is not wrong answers but two numbers for every single weight: m = the running average of its recent gradients (which way to go) and v = the running average of their squares (how big its gradient usually is).',
  'train.lens.myth.p2':
    'One step is learning rate × m̂ ÷ (√v̂ + ε). Dividing by the gradient’s usual size scales every step to about the learning rate (often less), whether the gradient is large or small. SGD moves each weight by learning rate × gradient, so weights with small gradients (e.g. the embedding of a rare character) barely move. That is why Adam helps when gradient scales differ a lot between weights. As ② below shows, Adam in effect gives every weight its own learning rate (≈ learning rate ÷ √v̂).',
  'train.lens.myth.p3':
    'But it is not “always better”. SGD with momentum at a well-chosen learning rate can keep up (the “fair comparison” set-up of the optimizer race). On text with many rare characters Adam stays ahead (the “Where Adam shines” set-up) — exactly the case above, where gradient sizes differ a lot between weights. Momentum follows a running average of the gradient (a velocity), so a weight pushed the same way again and again speeds up. Race them yourself.',
  'train.lens.param': 'Parameter (a tensor of weights)',
  'train.lens.refresh': 'Read again now',
  'train.lens.auto': 'Read again every few seconds while training',
  'train.lens.readAt': 'Read from the engine after step {step} · {n} weights',
  'train.lens.noSteps': 'No step has been taken yet. Even one step fills these in.',
  'train.lens.noSession': 'Once training is set up, the optimizers’ insides appear here.',
  'train.lens.step.title': '① How far each weight actually moved this step: |change|',
  'train.lens.step.explain':
    '① Each bar counts the weights that moved that far this step; ▶ = the bin holding the learning rate. An Adam step is learning rate × m̂ ÷ √v̂, so however large the gradient, it stays at about the learning rate (▶) or below (mostly below: when the gradient’s direction wobbles m̂ shrinks, and v̂ remembers earlier, larger gradients for a long time). An SGD step is learning rate × gradient: it follows the gradient and has no such ceiling — if its steps look small now, it is because the gradients have become small.',
  'train.lens.step.zero': '0 (did not move)',
  'train.lens.eff.title': '② Each weight’s own learning rate = |change| ÷ |gradient|',
  'train.lens.eff.explain':
    '② “What learning rate would SGD have needed for this move?” With SGD every weight sits in the one learning-rate bin (▶). With Adam every weight gets its own: the smaller its gradients, the larger its rate (about learning rate ÷ √v̂). Momentum follows its velocity rather than the current gradient, so it spreads too.',
  'train.lens.eff.zero': '0 (zero gradient)',
  'train.lens.eff.topMomentum':
    'The right-most bin ({bin}) holds {n} weights whose gradient is tiny right now. Momentum moves with the velocity built up from earlier gradients, so the step stays sizeable even when the current gradient is nearly 0; |change| ÷ |gradient| therefore comes out as large as {bin}. The learning rate ({lr}) did not grow.',
  'train.lens.eff.top':
    'The right-most bin ({bin}) holds {n} weights whose gradient is tiny. Adam divides the gradient by its usual size (√v̂), so even a tiny gradient moves the weight by about the learning rate ({lr}); |change| ÷ |gradient| therefore comes out as large as {bin}. The learning rate did not grow: it means “SGD would have needed a learning rate this large to move it this far”.',
  'train.lens.eff.count': '{n} ({pct}%)',
  'train.lens.lr': 'learning rate {lr}',
  'train.lens.sgd.none': 'SGD keeps nothing: one step = learning rate × the current gradient.',
  'train.lens.update': 'The change this step (new − old)',
  'train.lens.momentum': 'Momentum buffer (running average of the gradient = velocity)',
  'train.lens.m': 'm: running average of the gradient (direction)',
  'train.lens.v': 'v: running average of the squared gradient (usual size²)',
  'train.lens.wteHint':
    'Each row of this table is one character’s embedding. Bright rows in v are frequent characters (large, frequent gradients); dark rows are rare ones. SGD barely moves the dark rows; Adam divides by v, so rare characters move by a similar amount.',
  'train.lens.bias.title': 'Bias correction: m → m̂, v → v̂',
  'train.lens.bias.explain':
    'm and v start at 0, so early in training they come out too small. m̂ = m ÷ (1 − β₁ᵗ) and v̂ = v ÷ (1 − β₂ᵗ) scale them back up (β₁ = 0.9, β₂ = 0.999, t = step). The correction of m fades to ×1 within a few dozen steps; that of v lasts much longer. Below, three real weights: the one with the largest gradients, a middle one and the one with the smallest.',
  'train.lens.bias.which': 'Weight',
  'train.lens.bias.big': 'largest gradient #{i}',
  'train.lens.bias.mid': 'middle #{i}',
  'train.lens.bias.small': 'smallest gradient #{i}',
  'train.lens.bias.ratio': 'm̂ ÷ m',
  'train.lens.bias.vratio': 'v̂ ÷ v',
  'train.lens.bias.step': '|change|',
  'train.lens.bias.eff': 'step size',
  'train.lens.bias.note':
    'The three weights’ v̂ (gradient size²) differ a lot, yet no |change| goes much past the learning rate (when the gradient keeps flipping sign, m̂ shrinks and the change is smaller still). With SGD the changes would differ in proportion to the gradients.',
  'train.lens.rows': 'rows',
  'train.lens.cols': 'columns',
  'train.lens.formula.where':
    'The numbers below are weight #{i}’s, the one with the largest v̂ (after step {step}; learning rate η = {lr}, β₁ = 0.9, β₂ = 0.999, ε a tiny number so nothing is divided by 0). m, m̂, v, v̂ and Δθ (this step’s change) are read from the engine.',
  'train.lens.formula.whereW':
    'The numbers below are weight #{i}’s, the one with the largest v̂ (after step {step}; learning rate η = {lr}, β₁ = 0.9, β₂ = 0.999). AdamW also shrinks every weight a little in proportion to itself (weight decay, the λθ term); θ itself is not read, so it stays a symbol. m, m̂, v, v̂ and Δθ are read from the engine.',
};
