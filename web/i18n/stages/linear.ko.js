// 한국어: the linear (logits) stage (tf-stage-linear.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'linear.how.title': '벡터 하나 → 점수 {V}개',
  'linear.how.tied':
    '로짓 = ln_f(위치의 마지막 벡터, {C}칸) × 임베딩 표 wte의 전치 ({C} × {V}). 입력 임베딩과 같은 표를 거꾸로 써서, 벡터가 어떤 토큰의 임베딩과 닮았는지를 점수로 매겨요.',
  'linear.how.untied':
    '로짓 = ln_f(위치의 마지막 벡터, {C}칸) × lm_head ({C} × {V}). 어휘의 토큰마다 점수 하나씩이에요.',
  'linear.pick': '어느 토큰 다음을 볼까요? (기본: 마지막 토큰)',
  'linear.top.title': '"{tok}" (위치 {i}) 다음에 올 토큰의 점수: 높은 순 {k}개',
  'linear.top.all': '"{tok}" (위치 {i}) 다음에 올 토큰의 점수: 전체 {k}개',
  'linear.show': '보여줄 개수',
  'linear.all': '전체',
  'linear.detail': '#{id} · {rank}위',
  'linear.note':
    '점수(로짓)는 범위가 정해지지 않은 수라서 음수도 돼요(파랑 = 음수, 주황 = 양수). 점수가 클수록 다음 토큰일 가능성이 커요. 다음 단계(소프트맥스)에서 확률로 바뀝니다. 아직 학습 전인 모델은 점수들이 서로 비슷해요.',
  'linear.heat': '로짓 전체: 위치마다 어휘의 모든 토큰에 대한 점수',
  'linear.heatNote': '행 = 위치(그 토큰 다음을 예측), 열 = 어휘의 토큰. 행을 누르면 그 위치를 골라요.',
  'linear.rows': '위치',
  'linear.cols': '토큰',
};
