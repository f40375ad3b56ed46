#!/usr/bin/env bash
# Rebuilds what the page ships in web/data/ and web/models/: the built-in corpora (generated from
# the project's templates) and the demo checkpoints, trained by the project's own `tinyformer train`
# with the exact commands below. Deterministic: the same engine gives the same files.
#   scripts/make-demo-models.sh            everything (a few minutes on 2 cores)
#   scripts/make-demo-models.sh seq2seq    only the Korean → English encoder-decoder (and the word vectors)
#   scripts/make-demo-models.sh cbow       only the word vectors (CBOW)
#   scripts/make-demo-models.sh whatif     only the Korean model's "what if" variants (about 7 minutes each on 2 cores)
set -euo pipefail
only=${1:-all}
cd "$(dirname "$0")/.."
scripts/deps.sh build
scripts/build.sh native
tf=build/native/tinyformer
mkdir -p web/data web/models build/demo

# ---- word vectors (CBOW) on the shipped ko-words corpus: what a word-map view opens before the learner trains
word_vectors() {
  $tf corpus --name ko-words --seed 1 --out build/demo/ko-words.txt
  $tf train --arch cbow --corpus build/demo/ko-words.txt --out build/demo/ko-words-cbow.safetensors --dim 16 \
    --window 2 --min-count 3 --batch-size 64 --optimizer adam --lr 0.01 --seed 1 --steps 1500
  $tf export --model build/demo/ko-words-cbow.safetensors --out web/models/ko-words-cbow.safetensors --dtype f16
}
if [[ $only == cbow ]]; then
  word_vectors
  ls -l web/models
  exit 0
fi

# ---- the Korean demo model's training text and recipe (the variants below use them too) ---------------------
# Trained on larger draws of the same templates than the page ships (the model is what ships, not
# its training text), so it learns the grammar instead of memorising 45 KB.
# Korean: everyday sentences and the 사과 set together, so the model meets both senses of 사과.
# The training parts come first and the held-out parts last, so `train` holds out unseen sentences.
korean_text() {
  for part in train heldout; do
    $tf corpus --name ko --seed 1 --max-sentences 8000 --part $part --out build/demo/ko-$part.txt
    $tf corpus --name sagwa --seed 1 --max-sentences 4000 --part $part --out build/demo/sagwa-$part.txt
  done
  cat build/demo/{ko,sagwa}-train.txt build/demo/{ko,sagwa}-heldout.txt > build/demo/ko-demo.txt
}
common=(--tokenizer char --n-layer 2 --n-head 4 --n-embd 64 --block-size 64 --batch-size 16
        --optimizer adamw --lr 3e-3 --weight-decay 0.01 --schedule cosine --warmup 200 --grad-clip 1 --seed 1 --eval-every 500)

# ---- "what if" variants of the Korean demo model: the same text, recipe and seed, one setting changed each
# (the watch page fetches one only when the learner flips that switch: web/whatif.js). The shipped model is
# learned positions, GELU, pre-LN.
whatif() {
  mkdir -p web/models/whatif
  for v in positional:none positional:sinusoidal norm:post activation:relu activation:silu activation:tanh activation:sigmoid; do
    local flag=${v%%:*} value=${v#*:}
    $tf train --corpus build/demo/ko-demo.txt --out build/demo/ko-char-$flag-$value.safetensors --steps 3000 "${common[@]}" --$flag $value
    $tf export --model build/demo/ko-char-$flag-$value.safetensors --out web/models/whatif/ko-char-$flag-$value.safetensors --dtype f16
  done
}
if [[ $only == whatif ]]; then
  korean_text
  whatif
  ls -l web/models/whatif
  exit 0
fi

if [[ $only == all ]]; then
# ---- corpora shipped with the page (train sentences first, held-out last) ----------------------------
$tf corpus --name ko --seed 1 --out web/data/ko.txt
$tf corpus --name en --seed 1 --out web/data/en.txt
$tf corpus --name sagwa --seed 1 --out web/data/sagwa.txt
$tf corpus --name sagwa --seed 1 --labels --out web/data/sagwa.tsv
# ko-en: 4,000 pairs, so the training panel of translate.html reaches 90% held-out exact match in the tab
$tf corpus --name ko-en --seed 1 --max-sentences 4000 --out web/data/ko-en.tsv
# word vectors (CBOW): the ko sentences with particles split off, and each word's lexicon category (for colouring
# the word map and measuring clustering; never used in training) for the split and the raw words
$tf corpus --name ko-words --seed 1 --out web/data/ko-words.txt
$tf corpus --name ko-words --seed 1 --categories --out web/data/ko-words-categories.json
$tf corpus --name ko --seed 1 --categories --out web/data/ko-categories.json

# ---- demo models -----------------------------------------------------------------------------------
korean_text
# the 사과 lesson's check: the held-out 사과 sentences (the demo model never trains on them), one sense each
$tf corpus --name sagwa --seed 1 --max-sentences 4000 --part heldout --labels --out build/demo/sagwa-heldout.tsv
node scripts/sagwa-check.mjs build/demo/sagwa-heldout.tsv web/data/sagwa-lesson.json
$tf corpus --name en --seed 1 --max-sentences 8000 --out build/demo/en-demo.txt
$tf train --corpus build/demo/ko-demo.txt --out build/demo/ko-char.safetensors --steps 3000 "${common[@]}"
$tf train --corpus build/demo/en-demo.txt --out build/demo/en-char.safetensors --steps 3000 "${common[@]}"
# what the page ships: no optimizer state, half-precision weights
$tf export --model build/demo/ko-char.safetensors --out web/models/ko-char.safetensors --dtype f16
$tf export --model build/demo/en-char.safetensors --out web/models/en-char.safetensors --dtype f16
whatif
fi

# ---- the translation demo: Korean → English, words on both sides ---------------------------------------
# 6,000 generated pairs; the generator's held-out tenth (599 whole sentences) is never trained on. Word
# tokens keep the alignment readable (먹었다 ↔ ate). nn.Transformer's post-LN and ReLU, 2 + 2 layers, C 32.
for part in train heldout; do
  $tf corpus --name ko-en --seed 1 --max-sentences 6000 --part $part --out build/demo/ko-en-$part.tsv
done
$tf train --arch seq2seq --pairs build/demo/ko-en-train.tsv --held-out build/demo/ko-en-heldout.tsv \
  --out build/demo/ko-en-word.safetensors --src-tokenizer word --tgt-tokenizer word \
  --n-encoder-layer 2 --n-decoder-layer 2 --n-head 4 --n-embd 32 --mlp-hidden 64 --block-size 32 --batch-size 32 \
  --optimizer adamw --lr 3e-3 --weight-decay 0.01 --schedule cosine --warmup 100 --grad-clip 1 --seed 1 \
  --steps 1500 --eval-every 500
$tf export --model build/demo/ko-en-word.safetensors --out web/models/ko-en-word.safetensors --dtype f16
word_vectors
ls -l web/data web/models
