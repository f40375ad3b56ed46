// 한국어: the add & norm stage (tf-stage-addnorm.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'addnorm.add.title': '① 더하기: 잔차 연결',
  'addnorm.add.explain1':
    '층에 들어온 벡터(입력)에 어텐션이 만든 값을 그대로 더해요. 원래 정보는 지키고 새 정보만 얹는 "지름길"이에요. 같은 자리의 칸끼리 더해지니 세 표의 같은 칸을 비교해 보세요.',
  'addnorm.add.explain2':
    '어텐션 뒤의 값에 피드 포워드가 만든 값을 다시 더해요. 이렇게 더해 가는 흐름을 "잔차 흐름"이라고 불러요.',
  'addnorm.input.layer': '입력 x (이 층에 들어온 벡터)',
  'addnorm.input.sum1': '입력 x (①의 더하기 결과)',
  'addnorm.input.norm1': '입력 x (①의 정규화 결과)',
  'addnorm.sub.attn': '어텐션 출력 Attn(…)',
  'addnorm.sub.ffn': '피드 포워드 출력 FFN(…)',
  'addnorm.sum': '합 = 입력 + 출력',
  'addnorm.norm.title': '② 정규화: LayerNorm',
  'addnorm.norm.explain':
    '토큰 하나의 숫자 {C}개를 평균 0, 퍼짐(표준편차) 1이 되도록 맞춰요. 숫자가 너무 커지거나 작아지지 않아서 학습이 안정돼요. 토큰마다 따로 계산합니다.',
  'addnorm.formula.where':
    '“{tok}” 토큰의 {k}번 차원 ({C}칸 중 하나): μ = 평균, σ² = 분산 ({C}개 숫자로 엔진이 계산), ε = 0으로 나누지 않게 더하는 아주 작은 수, γ·β = 학습된 크기와 이동. 아래 막대 위에 마우스를 올리면 다른 차원의 숫자로 바뀌어요.',
  'addnorm.pick': '토큰을 하나 골라 보세요 (위 표의 행을 눌러도 돼요):',
  'addnorm.before': '정규화 전: "{tok}"의 합 벡터',
  'addnorm.after': '정규화 후: LN(합)',
  'addnorm.stats': '평균 {mean} · 표준편차 {std}',
  'addnorm.ok': '정규화 후 평균 ≈ 0, 표준편차 ≈ 1 — 크기가 고르게 맞춰졌어요.',
  'addnorm.gamma':
    '정규화 후 평균 {mean}, 표준편차 {std}: 학습된 γ(크기)와 β(이동)가 다시 조금 바꿨기 때문에 정확히 0과 1은 아니에요.',
  'addnorm.sameScale': '두 그래프를 같은 눈금으로 보기',
  'addnorm.legend.mean': '평균',
  'addnorm.legend.band': '평균 ± 표준편차',
  'addnorm.readout': '차원 {i}: 정규화 전 {before} → 후 {after}',
  'addnorm.stripHint': '막대 위에 마우스를 올리거나, 그래프를 누른 뒤 ←/→ 키로 차원을 하나씩 볼 수 있어요.',
  'addnorm.normAll': 'LN(합): 모든 토큰',
  'addnorm.where.title': '정규화는 어디에? Pre-LN과 Post-LN',
  'addnorm.pre.name': 'Pre-LN (GPT-2 방식)',
  'addnorm.post.name': 'Post-LN (원래 논문 방식)',
  'addnorm.pre.explain':
    '정규화를 먼저 하고 {sub}에 넣어요. 더한 합은 정규화하지 않은 채 다음으로 흘러가서 층이 깊어도 학습이 안정적이에요.',
  'addnorm.post.explain': '먼저 더하고, 그 합을 정규화해요. "Attention Is All You Need" 논문의 원래 방식이에요.',
  'addnorm.current': '이 모델',
  'addnorm.now.pre1':
    '이 모델은 Pre-LN이에요. 그래서 위의 "정규화 후" 값은 피드 포워드가 읽는 입력이고, 다음으로 흘러가는 것은 정규화 전의 합이에요.',
  'addnorm.now.pre2':
    '이 모델은 Pre-LN이에요. 위의 "정규화 후" 값은 {next}에 들어가는 입력이고, 다음으로 흘러가는 것은 정규화 전의 합이에요.',
  'addnorm.now.post1': '이 모델은 Post-LN이에요. 정규화한 값이 그대로 피드 포워드로, 그리고 다음 더하기로 넘어가요.',
  'addnorm.now.post2': '이 모델은 Post-LN이에요. 정규화한 값이 곧 이 층의 출력이에요.',
  'addnorm.next.layer': '다음 층의 어텐션',
  'addnorm.next.final': '마지막 선형 층',
  'addnorm.attn': '어텐션',
  'addnorm.ffn': '피드 포워드',
  'addnorm.next': '다음',
};
