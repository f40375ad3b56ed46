// 한국어: the look-inside panel on the training page (look-inside.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'train.inside.explain':
    '학습 중인 모델을 첫 페이지의 단계별 화면으로 들여다봐요. 몇 초마다 모델의 복사본(스냅샷)을 찍어서 보여 주고, 학습은 멈추지 않아요. 어텐션 단계에서 학습이 진행될수록 고르게 퍼져 있던 어텐션이 특정 토큰으로 모이는 걸 보세요.',
  'train.inside.model': '모델',
  'train.inside.loaded': '불러온 모델: {name}',
  'train.inside.sentence': '넣어 볼 문장',
  'train.inside.snap': '지금 찍기',
  'train.inside.auto': '학습 중 몇 초마다 새로 찍기',
  'train.inside.at': '{step}단계 뒤의 스냅샷 · {time}',
  'train.inside.atLoaded': '파일에서 불러온 모델',
  'train.inside.none': '학습을 준비하거나 모델을 불러오면 여기서 들여다볼 수 있어요.',
  'train.inside.tooLong': '문장이 이 모델에겐 너무 길어요: 토큰 {n}개 (최대 {max}개). 더 짧게 써 주세요.',
};
