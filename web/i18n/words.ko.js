// 한국어: 단어 벡터 페이지(words.html)와 그 뷰. 키는 words. 로 시작한다.
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'words.page.title': 'tinyformer · 단어 벡터: 빈칸을 맞히며 배우는 단어의 자리',
  'words.page.tagline': 'CBOW가 한국어 문장에서 단어 벡터를 배우는 모습을 보고, 직접 학습시켜 보세요',
  'words.nav.watch': '← 단계별로 보기',
  'words.nav.train': '직접 학습시키기',
  'words.engine': '엔진: C++ → WebAssembly SIMD128 ({arch}) · 모든 숫자는 엔진이 계산합니다',
  'words.engineFailed': '엔진을 시작하지 못했습니다: {message}',

  'words.model.label': '단어 벡터',
  'words.model.demo': '미리 학습된 단어 벡터 (조사 분리 말뭉치)',
  'words.model.trained': '학습됨',
  'words.model.tab': '이 탭에서 학습',
  'words.model.tabName': '이 탭에서 학습한 단어 벡터 · 단계 {step}',
  'words.model.shape': '단어 수 {vocab} · 벡터 차원 {dim} · 창 크기 (양쪽) {window} · 방식 {mode}',

  'words.window.title': '1. 빈칸과 창: 학습 쌍은 이렇게 만들어집니다',
  'words.window.explain':
    'CBOW는 문장 속 한 단어를 가리고(빈칸), 양쪽 창 안의 단어들(문맥)로 그 단어를 맞히도록 배웁니다. 창을 한 칸씩 옮기면 문장 하나에서 학습 쌍이 단어 수만큼 생깁니다. 단어를 누르면 그 단어가 빈칸이 됩니다.',
  'words.window.label': '문장 (띄어쓰기로 단어를 나눕니다)',
  'words.window.blank': '빈칸',
  'words.window.context': '문맥',
  'words.window.prev': '← 이전 단어',
  'words.window.next': '다음 단어 →',
  'words.window.vectorsTitle': '문맥 단어의 입력 벡터와 그 평균',
  'words.window.vectorsExplain':
    'CBOW는 창 안 문맥 단어들의 입력 벡터를 평균해서(마지막 행) 모든 단어의 출력 벡터와 점수를 매깁니다. 위의 확률과 손실은 이 평균에서 나옵니다.',
  'words.window.mean': '평균',
  'words.window.pairsTitle': '이 문장이 만드는 학습 쌍 (문맥 → 맞힐 단어)',
  'words.window.pairLoss': '지금 벡터로 이 쌍을 맞힐 확률: {prob} · 손실 {loss}',
  'words.window.unknown': '모르는 단어',
  'words.window.position': '빈칸 위치: {n}번째 단어 (전체 {total}개)',

  'words.train.title': '2. 학습시키고 지켜보기',
  'words.train.explain':
    '학습을 누르면 단어 벡터를 무작위 값에서 처음부터 다시 배웁니다. 학습은 페이지와 따로 도는 워커에서 돌아가서 페이지가 멈추지 않습니다. 지도 위 점(단어)이 움직이며 같은 종류(색)끼리 모이는지, 가장 가까운 단어 목록이 어떻게 바뀌는지 보세요.',
  'words.corpus.legend': '학습할 글',
  'words.corpus.split': '조사를 뗀 문장 (나 는 밥 을 먹었다)',
  'words.corpus.raw': '띄어쓰기 그대로 (나는 밥을 먹었다)',
  'words.corpus.own': '내 글',
  'words.corpus.why':
    '왜 조사를 뗄까요? 한국어는 조사를 단어에 붙여 씁니다. 띄어쓰기로만 나누면 고양이는, 고양이가, 고양이를 세 개가 모두 다른 단어가 되어 한 단어의 예문이 여러 개로 쪼개지고, 각각은 드물어져서 잘 배우지 못합니다. 두 말뭉치로 학습해 보고 묶임 점수를 비교해 보세요.',
  'words.corpus.sample': '예: {sample}',
  'words.own.label': '내 글 (한 줄에 한 문장)',
  'words.own.placeholder': '고양이는 귀엽다\n강아지는 귀엽다\n나는 밥을 먹었다',
  'words.own.limits':
    '조사는 간단한 규칙으로 뗍니다: 단어 끝의 가장 긴 조사(은/는, 이/가, 을/를, 에서 …)를 받침에 맞을 때만 떼어 냅니다. 사전이 없어서 틀리기도 합니다: 조사 없이만 나오는 단어도 잘릴 수 있고(고양이 → 고양 + 이), 먹었다와 먹어요 같은 어미는 떼지 않으며, 학교에서는 같은 겹조사는 마지막 것만 뗍니다.',
  'words.train.window': '창 크기 (양쪽)',
  'words.train.tableLabel': '지도와 이웃에 쓸 벡터',
  'words.table.output': '출력 벡터',
  'words.table.input': '입력 벡터',
  'words.train.start': '처음부터 학습',
  'words.train.stop': '잠시 멈춤',
  'words.train.resume': '이어서 학습',
  'words.train.reset': '미리 학습된 벡터로 돌아가기',
  'words.train.running': '학습 중 · 단계 {step} / {total} · 손실 {loss} · {seconds}초',
  'words.train.done': '학습 끝 · 단계 {step} · 손실 {loss} · {seconds}초',
  'words.train.stopped': '잠시 멈춤 · 단계 {step} · 손실 {loss}',
  'words.train.diverged': '학습이 발산해서 멈췄습니다(손실이 줄지 않고 커졌습니다). 처음부터 다시 학습해 보세요.',
  'words.train.shown': '보이는 벡터: 미리 학습된 단어 벡터. 학습을 누르면 처음부터 다시 배웁니다.',

  'words.err.empty': '글이 비어 있습니다. 한 줄에 한 문장씩 적어 주세요.',
  'words.err.oneWord': '단어가 너무 적습니다. 빈칸을 문맥으로 맞히려면 여러 단어로 된 문장이 몇 개 필요합니다.',
  'words.err.tooLarge': '글이 너무 큽니다 (크기 {size} MB, 최대 {limit} MB). 일부만 붙여 넣어 주세요.',
  'words.err.noKorean':
    '이 글에는 한글이 없습니다. 그대로 학습하지만 조사 떼기는 아무것도 하지 않고, 단어 종류 색과 묶임 점수는 한국어 단어 목록에 있는 단어에만 있습니다.',
  'words.err.wideWindow':
    '창 크기(양쪽 {window})가 가장 긴 문장보다 넓습니다. 학습은 되지만 문장 밖 자리는 비어 있을 뿐이라 더 넓게 보지는 않습니다.',
  'words.err.noCategories': '이 글의 단어 중 종류가 알려진 단어가 없어서 묶임 점수를 계산할 수 없습니다.',
  'words.err.failed': '학습을 시작하지 못했습니다: {message}',

  'words.map.title': '단어 지도 (2차원 PCA)',
  'words.map.explain':
    '벡터를 가장 많이 퍼진 두 방향으로 눌러 그린 지도입니다. 가까운 점은 비슷한 자리에 쓰이는 단어입니다. 점을 누르면 그 단어의 이웃을 봅니다.',
  'words.map.axes': '가로축이 설명하는 분산: {x} · 세로축: {y}',
  'words.map.label': '단어 지도',
  'words.category.people': '사람',
  'words.category.animals': '동물',
  'words.category.foods': '음식',
  'words.category.places': '장소',
  'words.category.times': '때',
  'words.category.verbs': '동사',
  'words.category.adjectives': '형용사',
  'words.category.things': '물건',
  'words.category.feelings': '감정',
  'words.category.numbers': '수',
  'words.category.other': '그 밖 (조사 등)',

  'words.near.title': '가장 가까운 단어 (코사인 유사도)',
  'words.near.explain': '고른 단어와 벡터 방향이 가장 비슷한 단어들입니다. 1에 가까울수록 비슷합니다.',
  'words.near.pick': '단어',
  'words.near.same': '같은 종류',

  'words.loss.title': '손실 (낮을수록 빈칸을 잘 맞힘)',
  'words.loss.series': '학습 손실',
  'words.loss.x': '단계',
  'words.loss.y': '손실',
  'words.score.title': '묶임 점수',
  'words.score.chart': '묶임 점수의 변화',
  'words.charts.empty': '학습을 누르면 손실과 묶임 점수가 단계마다 그려집니다.',
  'words.score.explain':
    '종류가 알려진 단어 중, 가장 가까운 세 이웃이 같은 종류인 비율입니다 (단어 종류는 색칠과 측정에만 쓰고 학습에는 쓰지 않습니다).',
  'words.score.now':
    '같은 종류 이웃 비율 {share} (우연이면 {chance}) · 같은 종류끼리 코사인 평균 {within} · 다른 종류끼리 {across} · 차이 {gap} · 측정한 단어 {words}개',
  'words.score.share': '같은 종류 이웃 비율',
  'words.score.gap': '코사인 차이 (같은 종류 − 다른 종류)',

  'words.heat.title': '입력 벡터와 출력 벡터',
  'words.heat.explain':
    '각 단어는 두 벡터를 가집니다: 문맥으로 쓰일 때의 입력 벡터와, 빈칸 후보로 점수를 받을 때의 출력 벡터. 자주 나오는 단어 {n}개의 행을 보여 줍니다. 빨강은 양수, 파랑은 음수입니다.',
  'words.heat.input': '입력 벡터 (문맥일 때)',
  'words.heat.output': '출력 벡터 (빈칸 후보일 때)',
  'words.heat.cols': '차원',
  'words.heat.rows': '단어',

  'words.blank.title': '3. 빈칸 채우기',
  'words.blank.explain':
    '문장에 ___ 를 하나 넣으면, 문맥 단어들의 입력 벡터 평균으로 모든 단어의 점수를 매겨 확률이 높은 후보를 보여 줍니다. 빈칸에 붙은 조사는 따로 한 단어입니다: 나는 ___을 먹었다처럼 쓰세요.',
  'words.blank.label': '빈칸(___)이 있는 문장',
  'words.blank.examples': '예시',
  'words.blank.guess': '후보',
  'words.blank.prob': '확률',
  'words.blank.read': '엔진이 읽은 단어: {words}',
  'words.blank.noBlank': '빈칸이 없습니다. 맞힐 자리에 ___ 를 하나 넣어 주세요 (예: 나는 ___을 먹었다).',
  'words.blank.unknown': '모르는 단어가 있습니다: {word}. 학습한 글에 나온 단어로 바꿔 보세요.',
  'words.blank.empty': '문장을 적어 주세요.',
  'words.compare.title': '4. 비교: 단어마다 하나, 토큰마다 하나, 문맥 속 단어마다 하나',
  'words.compare.explain':
    '위의 단어 벡터는 단어마다 벡터가 하나뿐입니다. 문장이 달라도 같은 단어면 같은 벡터입니다. GPT의 입력 임베딩도 마찬가지로 토큰마다 행이 하나입니다. 블록을 지나면서 비로소 같은 단어가 문장마다 다른 벡터(문맥 벡터)가 됩니다. 같은 단어를 세 가지로 나란히 봅니다: 왼쪽은 단어 벡터(CBOW), 가운데와 오른쪽은 미리 학습된 한국어 GPT(글자 단위)입니다.',
  'words.compare.word': '단어',
  'words.compare.sentences': '문장과 뜻',
  'words.compare.format':
    '한 줄에 한 문장, 뜻은 | 뒤에 씁니다 (예: 나는 빨간 사과를 샀다 | 과일). 한 문장에 단어가 두 번 나오면 뜻을 쉼표로 나눠 차례대로 적습니다. 뜻을 비우면 그 문장은 평균에서 빠집니다.',
  'words.compare.sense.apple': '과일',
  'words.compare.sense.apology': '사죄',
  'words.compare.cbowTitle': '단어 벡터 (CBOW): 단어마다 하나',
  'words.compare.cbowExplain':
    '단어 벡터 표({table})에서 고른 단어의 행 하나 ({dim}차원). 아래 어느 문장에서든 이 단어는 이 벡터 하나입니다. 그 가장 가까운 이웃:',
  'words.compare.cbowSenses':
    '이 말뭉치에서 사과는 한 문장만 빼고 모두 과일 뜻으로 나옵니다. 그래서 사과의 한 벡터는 과일 쪽에 있고 이웃도 음식입니다. 두 뜻이 고르게 나오는 말뭉치라도 단어 벡터는 두 뜻을 벡터 하나에 섞을 수밖에 없습니다.',
  'words.compare.embedTitle': 'GPT 입력 임베딩: 토큰마다 하나',
  'words.compare.embedExplain':
    '글자 단위 GPT가 이 단어를 읽는 토큰은 {tokens}입니다. 임베딩 표에서 그 행들을 꺼냅니다 ({dim}차원). 어느 문장에서든 같은 행입니다. 아래 표는 문장마다 꺼낸 마지막 토큰의 행끼리 잰 코사인입니다.',
  'words.compare.cosTitle': '문장끼리 코사인 유사도',
  'words.compare.contextTitle': 'GPT 문맥 벡터: 문맥 속 단어마다 하나',
  'words.compare.contextExplain':
    '같은 단어의 마지막 토큰 자리에서 블록을 지난 은닉 벡터입니다. 문장마다 달라지고, 뜻이 같은 문장끼리 더 비슷해집니다. GPT는 앞의 글자만 보므로 뜻을 정하는 말이 단어 앞에 있는 문장을 골랐습니다 (보기 페이지의 사과 수업과 같은 엔진 함수).',
  'words.compare.layer': '어디에서 볼까요?',
  'words.compare.layer0': '임베딩 직후 (위치 벡터를 더함)',
  'words.compare.layerN': '{n}번째 블록 뒤',
  'words.compare.groups': '같은 뜻끼리 평균 {within} (쌍 {wp}개) · 다른 뜻끼리 평균 {across} (쌍 {ap}개)',
  'words.compare.noGroups': '뜻이 붙은 문장이 둘 이상이어야 뜻별 평균을 잴 수 있습니다.',
  'words.compare.occurrences': '문장 (표의 번호)',
  'words.compare.unlabelled': '뜻 없음',
  'words.compare.model': 'GPT: 미리 학습된 한국어 글자 모델 (층 {layers}개, {dim}차원, 토큰 {vocab}개)',
  'words.compare.loading': 'GPT를 불러오는 중…',
  'words.compare.empty': '단어와 그 단어가 든 문장을 적어 주세요.',
  'words.compare.notFound': '적은 문장 어디에도 이 단어가 없습니다: {word}',
  'words.compare.unknownGpt':
    'GPT가 모르는 글자가 있어서 이 단어를 읽을 수 없습니다: {word}. 미리 학습된 한국어 문장에 나오는 글자로 된 단어를 골라 보세요.',
  'words.compare.unknownCbow':
    '단어 벡터에 없는 단어입니다: {word}. 단어 벡터의 이웃은 보이지 않지만 GPT 쪽 비교는 그대로 봅니다.',
  'words.compare.tooLong':
    '문장이 GPT가 한 번에 읽을 수 있는 길이보다 깁니다 ({detail}토큰, 최대 {detail2}토큰). 짧게 나눠 주세요.',
};
