// 한국어: the samples timeline on the training page (samples.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'train.samples.title': '모델이 쓴 글',
  'train.samples.explain':
    '손실이 눈에 띄게 바뀔 때마다 지금의 모델에게 이어 쓰게 해요(온도 0.8). 처음엔 아무 글자나 나오다가, 학습할수록 단어와 문장이 돼요.',
  'train.samples.timeline': '되감기',
  'train.samples.timelineAt': '{step}단계의 모습',
  'train.samples.timelineLive': '지금 (따라가는 중)',
  'train.samples.loss': '손실 {loss}',
  'train.samples.prompt': '시작 글',
  'train.samples.now': '지금 써 보기',
  'train.samples.step': '{step}단계',
  'train.samples.none': '학습을 시작하면 여기에 글이 나타나요.',
};
