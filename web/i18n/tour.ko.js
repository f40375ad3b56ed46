// 둘러보기(tour)의 한국어 문자열. 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로):
// 문장을 값 둘레로 짠다. 학습자 노트(seed)의 말을 맞는 곳에 쓴다.
export default {
  'tour.page.title': 'tinyformer · 둘러보기',
  'tour.page.tagline': '살아 있는 작은 모델로 트랜스포머를 13단계로 따라가요',
  'tour.nav.watch': '← 모델 들여다보기',
  'tour.nav.label': '둘러보기 장',
  'tour.progress': '{total}장 중 {n}장',
  'tour.prev': '← 이전 장',
  'tour.next': '다음 장 →',
  'tour.look': '살펴볼 곳',
  'tour.goto': '표시된 곳으로 이동',
  'tour.try': '해 볼 것',
  'tour.tried': '좋아요. 모델이 새 숫자를 계산했어요. 이제 아래 질문이 열렸어요.',
  'tour.predict': '먼저 예상해 보세요',
  'tour.locked': '위의 "해 볼 것"을 한 번 해 보면 질문이 열려요.',
  'tour.choices': '답 고르기',
  'tour.right': '맞았어요!',
  'tour.wrong': '아쉬워요. 모델의 답은 이래요.',
  'tour.waiting': '모델이 계산을 끝내길 기다리는 중…',
  'tour.takeaway': '기억할 한 줄',
  'tour.highlight': '표시된 곳: {what}',
  'tour.loading': '모델을 불러오는 중…',
  'tour.error': '이 장을 보여 주지 못했어요: {message}',
  'tour.unknownChapter': '그런 장은 없어요: {chapter}. 첫 장부터 보여 줄게요.',
  'tour.same': '같다',
  'tour.different': '다르다',
  'tour.yes': '예',
  'tour.no': '아니요',
  'tour.layerHead': '레이어 {layer} · 헤드 {head}',
  'tour.layerMean': '레이어 {layer} · 헤드 평균',
  'tour.layer': '레이어 {layer}',
  'tour.temperature': '온도(temperature) {t}',

  'tour.ch.tokens.title': '1. 문장은 순서가 있는 데이터',
  'tour.ch.tokens.look':
    '자연어 처리는 순서가 있는 데이터의 처리예요. 표시된 칸들이 모델이 읽는 토큰이에요. 칸마다 위치와 번호(id)가 있어요.',
  'tour.ch.tokens.highlight': '토큰 칸들(위치와 id)',
  'tour.ch.tokens.try': '다른 문장을 골라 토큰이 어떻게 바뀌는지 보세요.',
  'tour.ch.tokens.question':
    '이 모델은 글자 하나하나(띄어쓰기 포함)를 토큰으로 읽어요. 「{sentence}」 문장은 토큰 몇 개가 될까요?',
  'tour.ch.tokens.reveal': '토큰 수: {n}. 모델이 자른 토큰: {tokens}',
  'tour.ch.tokens.takeaway': '모델은 문장을 토큰의 줄로 읽고, 토큰마다 번호(id)를 붙여요.',

  'tour.ch.embedding.title': '2. 입력 임베딩: 글자를 숫자로',
  'tour.ch.embedding.look':
    '컴퓨터는 글자를 그대로 이해하지 못해요. 그래서 글자를 숫자로 바꿔줘요. 마치 비밀 코드처럼요! 표시된 표의 한 줄이 한 토큰의 숫자들(벡터)이에요.',
  'tour.ch.embedding.highlight': '임베딩 표: 줄마다 토큰 하나의 벡터',
  'tour.ch.embedding.try': '다른 문장을 골라 보세요. 같은 글자는 늘 같은 줄을 받아요.',
  'tour.ch.embedding.question':
    '학습된 임베딩 표에서, 「{token}」 토큰의 줄과 가장 비슷한(코사인이 가장 큰) 줄은 어느 토큰일까요?',
  'tour.ch.embedding.reveal':
    '가장 비슷한 토큰: {best} (코사인 {cosBest}). 고른 후보 중 가장 먼 토큰: {worst} (코사인 {cosWorst}).',
  'tour.ch.embedding.takeaway': '임베딩은 토큰마다 배운 숫자 줄이고, 비슷하게 쓰이는 토큰은 비슷한 줄을 갖게 돼요.',

  'tour.ch.positional.title': '3. 위치 인코딩: 순서를 기억하기',
  'tour.ch.positional.look':
    '"나는 밥을 먹었다"와 "밥을 나는 먹었다"는 느낌이 달라요. 위치 인코딩은 글자의 순서를 모델이 기억하도록 도와줘요. 위는 사인·코사인 물결 표, 아래(표시된 곳)는 모델이 실제로 받는 입력(토큰 벡터 + 위치 벡터)이에요.',
  'tour.ch.positional.highlight': '모델이 받는 입력: 토큰 벡터와 위치 벡터의 합',
  'tour.ch.positional.try': '어순을 바꾼 문장을 골라, 아래 표가 어떻게 바뀌는지 보세요.',
  'tour.ch.positional.question':
    '두 문장 「{a}」, 「{b}」에서, 「{token}」 토큰이 모델에 들어가는 숫자(입력 줄)는 같을까요, 다를까요?',
  'tour.ch.positional.reveal': '자리 {p1} → 자리 {p2}. 그 줄의 첫 숫자: {v1} 대 {v2}. 답: {answer}',
  'tour.ch.positional.takeaway':
    '같은 토큰도 자리가 다르면 다른 입력이 돼요. 이 모델은 위치 벡터를 학습했고, 물결 표는 원 논문의 고정된 방식이에요.',

  'tour.ch.attention.title': '4. 멀티 헤드 셀프 어텐션',
  'tour.ch.attention.look':
    '모델은 중요한 단어를 집중해서 봐요. 표시된 지도에서 줄은 보는 토큰, 칸은 보이는 토큰이고, 진할수록 더 주목해요. 빗금 칸은 아직 오지 않은 뒤쪽 토큰이라 가려져 있어요.',
  'tour.ch.attention.highlight': '어텐션 지도: 줄마다 합이 1',
  'tour.ch.attention.try': '다른 레이어와 헤드를 골라 보세요. 헤드마다 보는 곳이 달라요.',
  'tour.ch.attention.question': '{where}에서, 마지막 토큰 「{token}」 줄은 어느 토큰을 가장 많이 볼까요?',
  'tour.ch.attention.reveal': '가장 많이 보는 토큰: {answer} (가중치 {weight}).',
  'tour.ch.attention.takeaway': '셀프 어텐션은 토큰마다 문장 안의 어느 토큰을 얼마나 볼지 숫자로 정해요.',

  'tour.ch.qkv.title': '5. MatMul과 Softmax: Q, K, V',
  'tour.ch.qkv.look':
    '임베딩 벡터에 가중치 행렬을 곱해(MatMul) Query, Key, Value를 만들어요. Q·Kᵀ가 점수, √d로 나누고, 뒤쪽을 가린 뒤 softmax(exp를 합으로 나누기)로 확률을 만들고, 그 확률로 V를 가중합해요.',
  'tour.ch.qkv.highlight': '한 쿼리 토큰의 어텐션 계산 단계',
  'tour.ch.qkv.try': '다른 쿼리 토큰을 골라 보세요.',
  'tour.ch.qkv.question': '레이어 1, 헤드 1에서, 쿼리 「{token}」의 점수(Q·Kᵀ÷√d)가 가장 큰 키는 어느 토큰일까요?',
  'tour.ch.qkv.reveal': '점수가 가장 큰 키: {answer} (점수 {score}). softmax 뒤 그 키의 가중치: {prob}',
  'tour.ch.qkv.takeaway':
    '점수가 가장 큰 키가 softmax 뒤에도 가장 큰 가중치를 받아요. softmax는 순서를 지키며 합을 1로 만들어요.',

  'tour.ch.addnorm.title': '6. 덧셈과 정규화 (Add & Norm)',
  'tour.ch.addnorm.look':
    '정보를 처리하다 보면 숫자가 너무 커지거나 흩어져 혼란스러울 수 있어요. 원래 입력을 더하고(잔차), 정규화로 정보를 조절해요.',
  'tour.ch.addnorm.highlight': '한 토큰의 잔차 덧셈과 정규화',
  'tour.ch.addnorm.try': '다른 토큰을 골라 보세요.',
  'tour.ch.addnorm.question':
    '레이어 1에서, 「{token}」 토큰의 벡터는 정규화 전(잔차 합)과 정규화 뒤 중 어느 쪽이 더 넓게 퍼져(분산이 커) 있을까요?',
  'tour.ch.addnorm.reveal': '분산: 정규화 전 {before}, 정규화 뒤 {after}. 더 퍼진 쪽: {answer}',
  'tour.ch.addnorm.before': '정규화 전',
  'tour.ch.addnorm.after': '정규화 뒤',
  'tour.ch.addnorm.takeaway':
    '정규화는 토큰마다 숫자의 평균과 퍼짐을 맞춰서, 다음 층이 늘 비슷한 크기의 숫자를 받게 해요.',

  'tour.ch.ffn.title': '7. 피드 포워드와 활성화 함수',
  'tour.ch.ffn.look':
    '피드 포워드는 입력된 정보를 받아 새로운 정보를 만들어 내요. 그 가운데의 활성화 함수(ReLU, GELU, sigmoid…)가 표시된 곡선이에요.',
  'tour.ch.ffn.highlight': '활성화 함수 곡선',
  'tour.ch.ffn.try': '다른 함수 묶음을 골라 곡선을 비교해 보세요.',
  'tour.ch.ffn.question': 'x = −1에서 0보다 작은 값을 내는 함수는 어느 것일까요?',
  'tour.ch.ffn.reveal': 'x = −1일 때: {values}. 0보다 작은 함수: {answer}. 이 모델이 쓰는 함수: {model}',
  'tour.ch.ffn.takeaway': '활성화 함수는 음수를 얼마나 통과시킬지 정해요. ReLU는 모두 0으로, GELU는 조금 남겨요.',

  'tour.ch.output.title': '8. 선형과 소프트맥스: 다음 토큰 고르기',
  'tour.ch.output.look':
    '마지막에 모델은 다음에 올 토큰마다 확률을 내고, 가장 가능성이 높은 답변을 선택해요. 표시된 막대가 그 확률이에요.',
  'tour.ch.output.highlight': '다음 토큰 확률 막대',
  'tour.ch.output.try': '온도를 바꿔 보세요. 낮추면 1등이 더 뚜렷해지고, 높이면 고르게 퍼져요.',
  'tour.ch.output.question': '온도 {t}일 때, 「{sentence}」 다음에 모델이 가장 높은 확률을 주는 토큰은 어느 것일까요?',
  'tour.ch.output.reveal': '1등 토큰: {answer} (확률 {prob}). 매번 1등만 골라 이어 쓰면: 「{text}」',
  'tour.ch.output.takeaway': '생성은 다음 토큰 하나를 고르고 이어 붙이기를 되풀이하는 일이에요.',

  'tour.ch.forcing.title': '9. 자기회귀와 teacher forcing',
  'tour.ch.forcing.look':
    '자기회귀(auto regressive) 생성은 진행 중에 원 문장의 의미를 잃어버려 결괏값이 기댓값에 못 미칠 수 있어요. 학습할 때는 정답 토큰을 넣어 주는 teacher forcing을 써요. 아래에서는 같은 작은 모델을 두 방식으로 이 탭에서 학습시키고 있어요.',
  'tour.ch.forcing.highlight': 'teacher forcing과 혼자 쓰기 비교',
  'tour.ch.forcing.try': '다른 문장을 골라 보세요.',
  'tour.ch.forcing.question':
    '문장 「{source}」 번역을 정답 없이 혼자 쓰게 하면, 정답 문장과 끝까지 똑같이 쓸까요? (정답: 「{reference}」)',
  'tour.ch.forcing.reveal': '혼자 쓴 번역: 「{free}」. 처음 틀린 자리: {first}. 답: {answer}',
  'tour.ch.forcing.none': '없음',
  'tour.ch.forcing.takeaway':
    'teacher forcing은 정답을 보며 한 걸음씩 배우게 하고, 혼자 쓰기는 한 번 틀리면 그 실수 위에 이어 써요.',

  'tour.ch.cross.title': '10. 크로스 어텐션: 번역',
  'tour.ch.cross.look':
    '크로스 어텐션은 원문의 단어와 번역할 단어 사이의 관계를 찾아내요. 표시된 지도에서 줄은 쓰고 있는 영어 토큰, 칸은 인코더가 읽은 한국어 토큰이에요.',
  'tour.ch.cross.highlight': '크로스 어텐션 지도',
  'tour.ch.cross.try': '다른 레이어를 골라 보세요.',
  'tour.ch.cross.question':
    '디코더 레이어 {layer}에서 첫 영어 토큰(「{word}」)을 쓸 때, 어느 한국어 토큰을 가장 많이 볼까요? (헤드 평균)',
  'tour.ch.cross.reveal': '가장 많이 보는 토큰: {answer} (가중치 {weight}). 번역: 「{text}」',
  'tour.ch.cross.takeaway': '번역하는 쪽(디코더)은 영어 토큰을 하나 쓸 때마다 한국어 문장의 어디를 볼지 다시 정해요.',

  'tour.ch.cbow.title': '11. 워드 임베딩과 CBOW: 빈칸 채우기',
  'tour.ch.cbow.look':
    '워드 임베딩은 비슷한 개념끼리 단어를 군집화해요. CBOW는 문장의 컨텍스트(주변 단어)로 빈칸을 맞히며 배워요. 표시된 막대가 빈칸 후보의 확률이에요.',
  'tour.ch.cbow.highlight': '빈칸 후보 확률 막대',
  'tour.ch.cbow.try': '다른 빈칸 문장을 골라 보세요.',
  'tour.ch.cbow.question': '「{sentence}」의 빈칸에 CBOW가 가장 높은 확률을 주는 단어는 어느 것일까요?',
  'tour.ch.cbow.reveal': '1등 단어: {answer} (확률 {prob}).',
  'tour.ch.cbow.takeaway':
    '주변 단어의 벡터 평균으로 빈칸을 맞히다 보면, 같은 자리에 오는 단어들이 가까운 벡터를 갖게 돼요.',

  'tour.ch.race.title': '12. SGD 대 Adam',
  'tour.ch.race.look':
    'SGD는 한 단계씩 문제를 풀며 나아가요. Adam은 이동 평균과 변동성 측정으로 변수마다 걸음 크기를 조절해요. 같은 모델, 같은 시드, 같은 데이터로 이 탭에서 진짜로 학습해요. 곡선이 손실(loss)이에요.',
  'tour.ch.race.highlight': '옵티마이저 경주의 시작 버튼',
  'tour.ch.race.try': '표시된 시작 버튼을 눌러 경주를 출발시키세요. 곡선이 그려지는 동안 질문에 답해 보세요.',
  'tour.ch.race.question': '{steps}단계가 끝났을 때 손실이 더 낮은 쪽은 어느 것일까요?',
  'tour.ch.race.reveal': '{steps}단계 뒤 손실: {losses}. 더 낮은 쪽: {answer}',
  'tour.ch.race.takeaway': '같은 출발점에서도 옵티마이저와 학습률에 따라 손실이 내려가는 빠르기가 달라요.',

  'tour.ch.sagwa.title': '13. 사과: 같은 단어, 다른 의미',
  'tour.ch.sagwa.look':
    '"사과의 의미로 사과를 구매해서 드렸다"에서 두 사과는 뜻이 달라요. 임베딩 표에서는 같은 줄이지만, 레이어를 지나며 문맥이 섞인 벡터는 달라져요.',
  'tour.ch.sagwa.highlight': '사과의 벡터 비교',
  'tour.ch.sagwa.try': '표시된 레이어 버튼 가운데 하나를 눌러 보세요.',
  'tour.ch.sagwa.question':
    '수업 문장 {n}개의 「사과」는 입력 임베딩에서 모두 같은 줄이에요(코사인 {input}). 마지막 레이어 뒤에는 같은 뜻끼리가 다른 뜻끼리보다 더 비슷할까요?',
  'tour.ch.sagwa.reveal': '마지막 레이어 뒤 평균 코사인: 같은 뜻끼리 {within}, 다른 뜻끼리 {across}. 답: {answer}',
  'tour.ch.sagwa.takeaway':
    '같은 글자라도 문맥을 지나며 다른 벡터가 돼요. 하지만 작은 모델이 뜻을 정확히 구분하는지는 따로 확인해야 해요.',
};
