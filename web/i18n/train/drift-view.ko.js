// 한국어: the teacher-forcing drift view on the training page (drift-view.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'train.drift.explain':
    '글을 만들 때 모델은 자기가 방금 만든 토큰을 다음 입력으로 써요(자기회귀). 한 번 틀린 토큰이 나오면 그 틀린 토큰이 다음 입력이 되어, 실수가 뒤로 계속 이어져요. 학습할 때 늘 정답 앞 토큰을 넣어 주는 것이 교사 강요(teacher forcing)예요. 같은 문장에서 두 방식을 나란히 비교해 봐요.',
  'train.drift.model': '모델',
  'train.drift.loaded': '불러온 모델',
  'train.drift.sentence': '문장 (학습한 글에서 고르기)',
  'train.drift.own': '직접 쓰기',
  'train.drift.ownLabel': '비교할 문장',
  'train.drift.prefix': '처음 몇 토큰을 줄까요',
  'train.drift.run': '비교하기',
  'train.drift.auto': '학습 중 몇 초마다 다시 비교',
  'train.drift.at': '{step}단계 모델',
  'train.drift.key.truth': '정답',
  'train.drift.key.teacher': '(a) 교사 강요',
  'train.drift.key.free': '(b) 혼자 이어 쓰기',
  'train.drift.row.truth': '학습한 글의 진짜 문장',
  'train.drift.row.teacher': '자리마다 정답 앞부분을 보고 모델이 가장 높은 확률을 준 다음 토큰',
  'train.drift.row.free':
    '처음 몇 토큰만 주고, 그다음은 자기 예측을 입력으로 이어 붙이며 만든 글 (온도 0). 학습 방식의 “자유 생성”과는 다른 것으로, 여기서는 글을 만드는 방법이에요.',
  'train.drift.given': '주어진 시작',
  'train.drift.first': '글에서 벗어남',
  'train.drift.legend':
    '✓ 정답과 같음 · ≈ 정답과 다르지만 아직 학습한 글의 어떤 문장과 같음 · ✗ 학습한 글 어디에도 없는 글 · 굵은 테두리 = 처음 벗어난 곳 · 빗금 = 그 뒤',
  'train.drift.judge':
    '(b)는 정답 문장 하나와 자리마다 비교하지 않아요. 엔진이 학습한 글의 모든 문장과 견주어, 어느 문장의 앞부분으로도 더는 읽히지 않는 곳을 찾아요. 다른 학습 문장을 그대로 쓴 것은 실수가 아니에요.',
  'train.drift.summary.teacher': '(a) 교사 강요: {n}개 중 {ok}개가 맞았어요.',
  'train.drift.summary.freeOk':
    '(b) 혼자 이어 쓰기: {n}개 모두 정답과 같아요. 이 문장은 모델이 외웠어요. 학습 초반이나 처음 보는 문장으로 해 보세요.',
  'train.drift.summary.freeCorpus':
    '(b) 혼자 이어 쓰기: 정답과는 {pos}번째 토큰부터 다르지만, 끝까지 학습한 글에 있는 문장이에요. 다른 학습 문장을 따라간 것이라 실수가 아니에요: “{line}”',
  'train.drift.summary.free':
    '(b) 혼자 이어 쓰기: {pos}번째 토큰부터 학습한 글 어디에도 없는 글이 되었어요. 그 뒤 {after}개 가운데 정답과 같은 자리에 같은 토큰은 {ok}개였고, 같은 자리의 (a) 예측은 {tfOk}개가 맞았어요. 벗어난 토큰이 다음 입력이 되어 뒤의 토큰까지 흔들린 거예요.',
  'train.drift.summary.freeFollowed': '그 자리 앞까지는 학습한 문장을 따라갔어요: “{line}”',
  'train.drift.tooShort': '문장이 너무 짧아요: 토큰이 {n}개예요. 시작보다 최소 2개는 더 있어야 비교할 수 있어요.',
  'train.drift.noModel': '학습을 준비하거나 모델을 불러오면 비교할 수 있어요.',
};
