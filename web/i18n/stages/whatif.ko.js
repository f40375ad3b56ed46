// 한국어: "만약에" 스위치의 비교 칸(whatif-panel)과 Add & Norm 단계의 정규화 위치 스위치. 키는 whatif. 로 시작한다.
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 값은 따옴표 안에 두고 문장을 그 둘레로 짠다.
export default {
  'whatif.title': '예측은 어떻게 바뀔까요? 그 설정으로 학습한 모델과 비교',
  'whatif.own':
    '스위치가 이 모델이 학습한 설정 “{own}”에 있어요. 다른 값을 고르면, 그 설정 하나만 바꾸고 나머지(데이터, 크기, 단계 수, 시드)는 똑같이 학습한 모델을 불러와서 이 문장의 다음 토큰 예측을 나란히 보여 줘요.',
  'whatif.loading': '“{value}” 설정으로 학습한 모델을 불러오는 중…',
  'whatif.unavailable':
    '“{value}” 설정으로 학습한 비교 모델은 한국어 데모 모델에만 있어요. 한국어 데모 모델을 고르면 예측을 비교할 수 있어요.',
  'whatif.untrained': '“{value}” 설정으로 학습한 비교 모델은 싣지 않았어요. 비교 모델이 있는 값: {trained}.',
  'whatif.failed': '비교 모델을 불러오지 못했어요: {message}',
  'whatif.same':
    '같은 데이터, 같은 크기, 같은 3,000단계, 같은 시드로 학습했고 “{setting}” 설정 하나만 달라요. 숫자는 모두 엔진이 두 모델을 이 문장에 돌려서 얻었어요.',
  'whatif.base': '이 모델 (“{value}”)',
  'whatif.variant': '“{value}” 설정으로 학습한 모델',
  'whatif.next': '다음 토큰 확률 (높은 순 5개)',
  'whatif.continuation': '이어 쓰기 (매번 가장 높은 확률의 토큰, {n}토큰)',
  'whatif.col.token': '토큰',
  'whatif.col.p': '확률',
  'whatif.verdict.topSame': '두 모델의 1순위 다음 토큰이 같아요: “{a}” (확률: 이 모델 {pa}, 바꾼 모델 {pb}).',
  'whatif.verdict.topDiffers': '1순위 다음 토큰이 달라요: 이 모델은 “{a}”, 바꾼 모델은 “{b}”.',
  'whatif.verdict.textSame': '이어 쓴 글은 똑같아요.',
  'whatif.verdict.textDiffers': '이어 쓴 글이 달라요.',
  'whatif.setting.positional': '위치 인코딩',
  'whatif.setting.activation': '활성화 함수',
  'whatif.setting.norm': '정규화 위치',
  'whatif.norm.switch': '만약 정규화 위치가 달랐다면?',
};
