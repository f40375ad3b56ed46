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
  'widget.next.caption':
    '“{sentence}” 다음에 올 토큰: 확률이 높은 {k}개 (온도 {temperature}). 모든 어휘의 확률 합은 1이에요.',
  'widget.next.label': '다음 토큰 확률 막대그래프',
  'widget.next.detail': '#{id} · {rank}위',

  'widget.unknown.title': 'tinyformer 위젯',
  'widget.race.title': '옵티마이저 경주',
  'widget.race.play': '학습 시작',
  'widget.race.pause': '잠시 멈춤',
  'widget.race.again': '처음부터 다시',
  'widget.race.restart': '처음부터',
  'widget.race.progress': '단계 {step} / {steps}',
  'widget.race.step': '학습 단계',
  'widget.race.loss': '손실',
  'widget.race.label': '옵티마이저별 학습 손실 그래프',
  'widget.race.caption':
    '같은 모델, 같은 시작 가중치, 같은 배치 (말뭉치: {corpus}). 모든 손실은 엔진이 계산해요. 화면에서 벗어나면 학습도 쉬어요.',
  'widget.race.last': '지금 손실: {losses}.',
  'widget.race.open': 'tinyformer에서 이어서 보기 →',
  'widget.race.optimizersRange': '종류:학습률을 쉼표로 1~4개 (종류: {kinds}; 학습률은 0보다 크고 10 이하)',

  'widget.embedding.title': '입력 임베딩',
  'widget.embedding.rows': '토큰',
  'widget.embedding.cols': '차원',
  'widget.embedding.label': '토큰별 임베딩 벡터 히트맵',
  'widget.embedding.caption.token':
    '토큰 {T}개, 토큰마다 {C}차원 벡터: 임베딩 표에서 그 토큰의 행이에요. 같은 토큰은 어디에 나와도 같은 행이에요.',
  'widget.embedding.caption.position': '위치마다 {C}차원 벡터 (토큰 {T}개의 자리): 모델이 학습한 위치 벡터예요.',
  'widget.embedding.caption.sum': '토큰 벡터 + 위치 벡터 ({T} × {C}): 첫 층이 받는 입력이에요.',

  'widget.positional.title': '위치 인코딩 (사인파)',
  'widget.positional.position': '위치',
  'widget.positional.value': '값',
  'widget.positional.dimension': '차원',
  'widget.positional.dim': '차원 {d}',
  'widget.positional.wavesLabel': '차원별 위치 인코딩 물결 그래프',
  'widget.positional.tableLabel': '위치 인코딩 표 히트맵',
  'widget.positional.caption':
    '위치 {T}개 × 폭 {C}. 짝수 차원은 sin, 홀수 차원은 cos이고, 뒤 차원일수록 물결이 느려요. 모든 값은 엔진이 계산해요.',
  'widget.positional.dimsRange': '0부터 {max}까지의 차원을 쉼표로 1~8개',

  'widget.activation.title': '활성화 함수',
  'widget.activation.label': '활성화 함수 곡선',
  'widget.activation.caption': 'x가 {from}부터 {to}까지일 때 각 함수의 값. 모든 f(x)는 엔진의 커널이 계산해요.',
  'widget.activation.toRange': 'from보다 큰 수',

  'widget.blank.title': '빈칸 맞히기 (CBOW)',
  'widget.blank.label': '빈칸에 올 단어의 확률',
  'widget.blank.caption':
    '조사를 뗀 문장: {words}. 주변 단어({context})의 벡터 평균으로 빈칸을 맞혀요. 확률은 엔진이 계산해요.',

  'widget.translate.title': '번역과 크로스 어텐션',
  'widget.translate.rows': '쓴 영어 토큰',
  'widget.translate.cols': '읽은 한국어 토큰',
  'widget.translate.label': '크로스 어텐션 히트맵',
  'widget.translate.caption':
    '“{sentence}” → “{text}”. 디코더 층 {layer} · {headName}: 영어 토큰을 하나 쓸 때마다 한국어 토큰을 얼마나 봤는지. 각 행의 합은 1이에요.',

  'widget.qkv.title': '어텐션 계산, 한 단계씩',
  'widget.qkv.steps': '어텐션 계산 단계',
  'widget.qkv.caption':
    '층 {layer} · 헤드 {head}, 문장 “{sentence}”. 모든 행렬은 엔진이 이 문장을 읽으며 기록한 값이에요. 칸에 마우스를 올리거나 방향키로 고르면 식에 그 칸의 숫자가 들어가요.',

  'widget.addnorm.title': '더하기와 정규화 (Add & Norm)',
  'widget.addnorm.attention': '어텐션',
  'widget.addnorm.ffn': '피드포워드',
  'widget.addnorm.row.input': 'x (들어온 벡터)',
  'widget.addnorm.row.sub': '{sub}의 출력',
  'widget.addnorm.row.sum': 'x + {sub} 출력',
  'widget.addnorm.row.norm': 'LayerNorm(합)',
  'widget.addnorm.mean': '평균 μ',
  'widget.addnorm.std': '표준편차 σ',
  'widget.addnorm.gamma':
    'LayerNorm은 벡터를 평균 0, 표준편차 1로 맞춘 뒤 학습된 γ를 곱하고 β를 더해요. 그래서 마지막 줄이 꼭 0과 1은 아니에요. 평균과 표준편차는 엔진이 잰 값이에요.',
  'widget.addnorm.label': '한 토큰의 네 벡터 히트맵',
  'widget.addnorm.dimension': '차원',
  'widget.addnorm.where': '토큰 ‘{token}’, 차원 k = {k} (0–{last}). 다른 칸에 마우스를 올리면 그 차원의 식이 나와요.',
  'widget.addnorm.caption.pre':
    '토큰 ‘{token}’, 블록 {layer}, 잔차 연결: {sub} 층의 출력을 원래 벡터에 더해요. 이 모델은 정규화를 층 앞에 두는 pre-LN이라, 더한 합을 정규화한 값이 다음 층의 입력이 돼요.',
  'widget.addnorm.caption.post':
    '토큰 ‘{token}’, 블록 {layer}, 잔차 연결: {sub} 층의 출력을 원래 벡터에 더해요. 이 모델은 정규화를 더한 뒤에 두는 post-LN이라, 정규화한 값이 그대로 다음으로 넘어가요.',

  'widget.forcing.title': '티처 포싱과 자유 생성',
  'widget.forcing.caption':
    '번역하는 문장: “{sentence}”. 학습 때는 정답 영어를 한 토큰씩 넣어 주고(티처 포싱), 쓸 때는 자기가 방금 쓴 토큰을 넣어요(자유 생성). 모든 확률은 엔진이 계산해요.',

  'widget.sagwa.title': '같은 단어, 다른 벡터: 사과',
  'widget.sagwa.caption': '한국어 데모 모델이 읽은 문장 {n}개에서 ‘사과’의 벡터를 층마다 비교해요.',

  'widget.train.title': '탭 안에서 학습하기',
  'widget.train.label': '학습 손실과 검증 손실 그래프',
  'widget.train.trainLoss': '{name} 학습 손실',
  'widget.train.heldOut': '{name} 검증 손실',
  'widget.train.teacher': '티처 포싱',
  'widget.train.free': '자유 생성 (자기 추측 확률 {p})',
  'widget.train.samples': '모델이 쓴 글 (최근 것이 위)',
  'widget.train.sampleStep': '단계 {step} · {name}',
  'widget.train.diverged': '손실이 발산해서 멈췄어요. 학습률을 낮춰 보세요.',
  'widget.train.caption.train':
    '작은 GPT를 처음부터 학습해요 (말뭉치: {corpus}). 실선은 배치마다의 학습 손실, 점선은 학습에 쓰지 않은 글로 잰 검증 손실이에요. 화면에서 벗어나면 학습도 쉬어요.',
  'widget.train.caption.tf':
    '같은 모델을 두 가지로 학습해요 (말뭉치: {corpus}): 정답을 넣어 주는 티처 포싱, 가끔 자기 추측을 넣는 자유 생성. 화면에서 벗어나면 학습도 쉬어요.',
  'widget.train.last': '지금 검증 손실: {losses}.',

  'widget.error.no_blank': '빈칸이 없어요. 맞힐 자리에 ___ 를 하나 넣어 주세요 (예: 나는 ___을 먹었다).',
  'widget.error.unknown_word': '모르는 단어가 있어요: {word}. 학습한 글에 나온 단어로 바꿔 보세요.',

  'widget.error.empty_reference': '정답 영어가 비어 있어요. reference 속성이나 상자에 영어 문장을 적어 주세요.',
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
