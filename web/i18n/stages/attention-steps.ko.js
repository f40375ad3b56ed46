// 한국어: attention steps (the eight steps of one attention layer, attention-steps.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'attention.step.qkv.short': 'Q·K·V 만들기',
  'attention.step.qkv.title': '입력 X에 가중치를 곱해 Q, K, V 만들기',
  'attention.step.qkv.explain':
    '토큰마다 숫자 한 줄(벡터)이 있어요. 이것이 X예요. X에 학습으로 정해지는 가중치 행렬 세 개(W_Q, W_K, W_V)를 곱하면 역할이 다른 세 벡터가 나와요. Q(쿼리)는 “나는 어떤 정보를 찾고 있어?”, K(키)는 “나는 이런 정보를 갖고 있어”, V(값)는 “내가 실제로 건네줄 내용”이에요. {h}번 헤드는 전체 {C}칸 중 자기 몫 {D}칸만 만들어요.',
  'attention.step.scores.short': '점수 QKᵀ',
  'attention.step.scores.title': 'Q와 K를 곱해 점수 만들기 (Q·Kᵀ)',
  'attention.step.scores.explain':
    '보는 토큰의 Q와 보이는 토큰의 K를 같은 칸끼리 곱해서 모두 더하면(내적) 점수 하나가 나와요. 점수가 클수록 두 토큰이 “잘 맞는다”는 뜻이에요. 예를 들어 “고양이는 귀엽다”에서 ‘귀엽다’의 Q가 ‘고양이’의 K와 잘 맞으면 그 칸의 점수가 커져요. 칸에 마우스를 올리면 곱한 두 벡터가 보여요.',
  'attention.step.scale.short': '÷√D',
  'attention.step.scale.title': '점수를 √D로 나누기',
  'attention.step.scale.explain':
    'D는 헤드 하나의 폭이에요. 벡터가 길수록 내적 점수가 커지기 쉬운데, 점수가 너무 크면 다음 단계(소프트맥스)에서 한 토큰에만 몰려 버려서 학습이 어려워져요. 그래서 모든 점수를 √D로 나눠 크기를 맞춰요.',
  'attention.step.mask.short': '마스크',
  'attention.step.mask.title': '뒤(미래) 토큰 가리기 — 마스크',
  'attention.step.mask.explain':
    '이 모델은 문장을 앞에서부터 한 토큰씩 만들어 내요. 그래서 어떤 토큰도 자기보다 뒤에 오는 토큰을 미리 보면 안 돼요. 대각선 위쪽 칸(미래)을 −∞(마이너스 무한대)로 바꿔 “볼 수 없음”으로 표시해요. −∞는 다음 단계에서 정확히 0이 돼요.',
  'attention.step.mask.note': '−∞ = 뒤(미래)는 볼 수 없음',
  'attention.step.softmax.short': '소프트맥스',
  'attention.step.softmax.title': '소프트맥스로 비율(확률) 만들기',
  'attention.step.softmax.explain':
    '행마다 각 값에 exp를 씌우고, 그 행의 합으로 나눠요. 그러면 모든 값이 0과 1 사이가 되고, 한 행을 모두 더하면 1이 돼요. 이 숫자가 “이 토큰을 얼마만큼 볼지”를 나타내는 비율, 곧 어텐션 가중치예요. 맨 오른쪽 열은 엔진이 낸 숫자를 그대로 더해 본 검산이에요.',
  'attention.step.softmax.sum': '합 (검산)',
  'attention.step.softmax.note': '가려진 칸 = 0',
  'attention.step.weighted.short': '가중치 × V',
  'attention.step.weighted.title': '비율만큼 V를 섞기 (가중치 × V)',
  'attention.step.weighted.explain':
    '각 토큰은 방금 구한 비율대로 V 벡터들을 섞어서 새 벡터를 만들어요. 많이 본 토큰의 V가 많이 섞여요. 아래 식의 숫자는 선택한 토큰의 실제 비율이에요 — 표의 행에 마우스를 올리면 다른 토큰으로 바뀌어요.',
  'attention.step.weighted.more': '(작은 {n}개 생략)',
  'attention.step.concat.short': '헤드 잇기',
  'attention.step.concat.title': '모든 헤드의 결과를 옆으로 이어 붙이기',
  'attention.step.concat.explain':
    '헤드 {H}개가 각자 {D}칸짜리 결과를 만들었어요. 이것들을 옆으로 나란히 이어 붙이면 다시 {C}칸이 돼요. 헤드마다 보는 방식이 달라서, 어떤 헤드는 바로 앞 토큰을, 다른 헤드는 문장 처음을 주로 볼 수도 있어요. 주황색 테두리가 지금 고른 헤드 {h}의 몫이에요.',
  'attention.step.proj.short': '× W_O',
  'attention.step.proj.title': 'W_O를 곱해 어텐션 출력 만들기',
  'attention.step.proj.explain':
    '이어 붙인 결과에 가중치 행렬 W_O를 곱해서 여러 헤드의 정보를 한데 섞어요. 이것이 어텐션 층의 최종 출력이에요. 다음 단계 “더하기 & 정규화”에서 원래 입력에 더해져요.',
  'attention.fig.xPre': 'X: 어텐션에 들어가는 입력 (LayerNorm을 거친 값)',
  'attention.fig.xPost': 'X: 어텐션에 들어가는 입력 (이 층의 입력)',
  'attention.fig.q': 'Q (쿼리) — 헤드 {h}',
  'attention.fig.k': 'K (키) — 헤드 {h}',
  'attention.fig.v': 'V (값) — 헤드 {h}',
  'attention.fig.wq': 'W_Q — 헤드 {h} 몫',
  'attention.fig.wk': 'W_K — 헤드 {h} 몫',
  'attention.fig.wv': 'W_V — 헤드 {h} 몫',
  'attention.fig.weights': '가중치 행렬 W_Q, W_K, W_V 보기 (헤드 {h} 몫)',
  'attention.fig.weightsHint':
    '세 가중치는 c_attn.weight 한 행렬에 위아래로 쌓여 있어요. 헤드 {h}의 몫만 잘라 X·W로 곱할 수 있는 모양(C×D)으로 세워서 보여 줘요. 학습하면 이 숫자들이 바뀌어요.',
  'attention.fig.scores': '점수 Q·Kᵀ — 헤드 {h}',
  'attention.fig.scaled': '나눈 점수 Q·Kᵀ ÷ √D — 헤드 {h}',
  'attention.fig.masked': '마스크를 씌운 점수 — 헤드 {h}',
  'attention.fig.probs': '어텐션 가중치 (소프트맥스) — 헤드 {h}',
  'attention.fig.headOut': '헤드 {h}의 출력 = 가중치 × V',
  'attention.fig.concat': '모든 헤드를 이어 붙인 결과',
  'attention.fig.proj': '어텐션 출력 = 이어 붙인 결과 × W_O',
  'attention.fig.wo': 'W_O 보기 (c_proj.weight)',
  'attention.fig.wo.title': 'W_O',
  'attention.fig.woHint': 'W_O는 c_proj.weight예요. X·W로 곱할 수 있는 모양(C×C)으로 세워서 보여 줘요.',
  'attention.dim': '칸',
  'attention.bias': '(+ b는 학습되는 덧셈값 bias예요)',
  'attention.head': '헤드 {n}',
  'attention.key': '보이는 토큰',
  'attention.query': '보는 토큰',
};
