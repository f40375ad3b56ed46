// 한국어: the 사과 lesson (tf-sagwa-lesson.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'sagwa.title': '사과는 사과일까? 같은 단어, 다른 뜻',
  'sagwa.lead': '"사과의 의미로 사과를 구매해서 드렸다"에서 앞의 사과는 잘못을 비는 사과, 뒤의 사과는 먹는 사과예요. 모델 안에서 같은 "사과"가 문맥에 따라 다른 벡터가 되는지 직접 확인해 봐요.',
  'sagwa.causal': '이 모델(GPT 방식)은 앞에 나온 말만 볼 수 있어요. 그래서 사과 앞의 말(칼로, 빨간 / 진심으로, 친구에게)이 뜻을 정하는 문장을 골랐어요.',
  'sagwa.layer': '어디에서 볼까요?',
  'sagwa.layer0': '임베딩 직후 (문맥 없음)',
  'sagwa.layerN': '{n}번째 블록 뒤',
  'sagwa.apple': '먹는 사과',
  'sagwa.apology': '잘못을 비는 사과',
  'sagwa.cosine': '코사인 유사도: 1에 가까울수록 같은 방향',
  'sagwa.within': '같은 뜻끼리 평균 {v}',
  'sagwa.across': '다른 뜻끼리 평균 {v}',
  'sagwa.verdict.split': '같은 뜻끼리 더 닮았어요: 모델이 문맥으로 뜻을 구별하고 있어요.',
  'sagwa.verdict.same': '아직 뜻에 따라 갈라지지 않았어요.',
  'sagwa.embedNote': '임베딩 직후에는 "사과"라는 글자만 보고 만든 벡터라, 위치만 다를 뿐 뜻과 상관없이 비슷해요.',
  'sagwa.map': '2차원 지도 (주성분 분석, PCA): 가까운 점은 닮은 벡터',
  'sagwa.attention': '{n}번째 블록에서 "{word}" 자리가 본 곳 (헤드 평균)',
  'sagwa.pick': '문장을 고르면 그 문장의 사과가 어디를 보는지 나와요.',
  'sagwa.untrained': '학습 전 모델에서는 뜻에 따른 차이가 없어요. 위에서 데모 모델을 고르면 차이가 보여요.',
  'sagwa.error': '이 모델로는 사과 수업을 할 수 없어요: {message}',
};
