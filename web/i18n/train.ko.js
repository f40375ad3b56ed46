// 한국어: the training page's own static text (train.html). Its views register their own strings.
export default {
  'train.page.title': 'tinyformer · 직접 학습시키기',
  'train.page.tagline': '브라우저 탭 안에서 트랜스포머를 학습시키고, 배우는 모습을 눈으로 확인해요',
  'train.nav.pipeline': '← 단계별로 보기',
  'train.nav.train': '직접 학습시키기 →',
  'train.page.modeTitle': '무엇을 해 볼까요?',
  'train.page.corpusTitle': '무엇을 배울까요? (학습할 글)',
  'train.page.settingsTitle': '모델과 학습 설정',
  'train.page.liveTitle': '학습 지켜보기',
  'train.page.lensTitle': '옵티마이저는 실제로 무엇을 할까요? (진짜 가중치로)',
  'train.page.driftTitle': '정답을 보고 예측하기 vs 혼자 이어 쓰기: 한 번의 실수가 어떻게 이어질까요?',
  'train.page.insideTitle': '학습 중인 모델 들여다보기',
  'train.page.fileTitle': '모델 저장 · 불러오기',
  'train.page.engine': '엔진: C++ → WebAssembly SIMD128 ({arch}) · 학습은 웹 워커에서 돌아가서 화면이 멈추지 않아요',
  'train.page.engineFailed': '엔진을 시작하지 못했어요: {message}',
  'train.page.unsavedReset': '처음부터 다시 시작하면 지금까지 학습한 모델이 사라져요 (저장하지 않았어요). 계속할까요?',
};
