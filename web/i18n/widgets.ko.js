// 한국어: 수업 페이지에 넣는 위젯(web/widgets/, embed.js, embed.html). 키는 widget. 으로 시작한다.
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'widget.loading': '엔진을 불러오는 중…',
  'widget.waiting': '화면에 보이면 시작해요.',
  'widget.source': 'tinyformer에서 열기',
  'widget.model.ko-char': '한국어 글자 모델 (학습됨)',
  'widget.model.en-char': '영어 글자 모델 (학습됨)',

  'widget.tokens.title': '토큰과 번호',
  'widget.tokens.caption': '“{sentence}” → 토큰 {n}개. 칩 아래 숫자: 위치 · #어휘 번호.',
  'widget.tokens.unknown': '모델의 어휘에 없는 토큰: {n}개 (점선 칩).',

  'widget.attention.title': '어텐션 가중치',
  'widget.attention.caption': '층 {layer} · {headName}. 행: 바라보는 토큰, 열: 바라보이는 토큰. 각 행의 합은 1이에요.',
  'widget.attention.head': '헤드 {head}',
  'widget.attention.mean': '헤드 평균',
  'widget.attention.mask': '미래 토큰 (마스크: 볼 수 없음)',
  'widget.attention.rows': '바라보는 토큰',
  'widget.attention.cols': '바라보이는 토큰',
  'widget.attention.layer': '층',
  'widget.attention.headLabel': '헤드',
  'widget.attention.label': '어텐션 가중치 히트맵',

  'widget.next.title': '다음 토큰 확률',
  'widget.next.caption': '“{sentence}” 다음에 올 토큰: 확률이 높은 {k}개 (온도 {temperature}). 모든 어휘의 확률 합은 1이에요.',
  'widget.next.label': '다음 토큰 확률 막대그래프',
  'widget.next.detail': '#{id} · {rank}위',

  'widget.unknown.title': 'tinyformer 위젯',
  'widget.error.title': '이 위젯을 보여 줄 수 없어요',
  'widget.error.bad_model': '모르는 모델 이름이에요: “{value}”. 쓸 수 있는 모델: {choices}.',
  'widget.error.bad_widget': '모르는 위젯 이름이에요: “{value}”. 쓸 수 있는 위젯: {choices}.',
  'widget.error.bad_attribute': '{name} 속성에는 “{value}” 값을 쓸 수 없어요. 쓸 수 있는 값: {range}.',
  'widget.error.range': '{min}부터 {max}까지의 정수',
  'widget.error.empty_text': '문장이 비어 있어요. sentence 속성에 문장을 적어 주세요.',
  'widget.error.bad_utf16': '문장에 짝이 없는 서로게이트 문자(깨진 UTF-16)가 있어요: {position}번째 글자.',
  'widget.error.too_long': '문장이 너무 길어요: 토큰 {detail}개 (최대 {detail2}개).',
  'widget.error.fetch_failed': '파일을 불러오지 못했어요: {message}',
  'widget.error.engine_failed': '엔진을 시작하지 못했어요: {message}',
  'widget.error.internal': '예상하지 못한 오류가 났어요: {message}',
};
