// 한국어: 멀티 헤드 어텐션 단계(tf-stage-attention)의 글. 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다.
export default {
  'attention.heads.title': '헤드 고르기',
  'attention.heads.explain':
    '헤드마다 보는 방식이 달라요. 작은 그림은 헤드별 어텐션 가중치예요(밝을수록 많이 봐요). 눌러서 헤드를 고르세요.',
  'attention.heads.label': '헤드 {n}의 어텐션 보기',
  'attention.overview.title': '층 {l} · 헤드 {h}: 어떤 토큰이 어떤 토큰을 볼까요?',
  'attention.overview.explain':
    '각 토큰은 자기 자신과 앞에 나온 토큰만 볼 수 있고, 한 토큰이 보는 비율을 모두 더하면 1이에요. 학습 전 모델은 거의 고르게 나눠 보고, 학습하면 몇 곳으로 몰려요. 이 모델은 문장을 {kind} 단위로 읽어요. 단어 사이의 관계는 아래 “단어 단위로 보기”에서 조각들을 모아서 봐요.',
  'attention.lines.title': '선으로 보기',
  'attention.heatmap.title': '표로 보기 (행: 보는 토큰, 열: 보이는 토큰)',
  'attention.words.title': '단어 단위로 보기 (조각을 모아서)',
  'attention.words.rule':
    '규칙: 단어 A가 단어 B를 보는 양 = A의 조각 하나하나가 B의 조각들에 준 가중치를 더하고, 그 합을 A의 조각들에 대해 평균한 값이에요. 단어는 자기 자신과 앞 단어만 볼 수 있어요 (회색 칸). 띄어쓰기와 특수 토큰에 간 몫은 “나머지” 열에 모여서, 한 행을 모두 더하면 1이에요. 계산은 엔진이 해요.',
  'attention.words.which': '어느 헤드의 가중치로 볼까요?',
  'attention.words.head': '고른 헤드 (헤드 {h})',
  'attention.words.mean': '모든 헤드의 평균',
  'attention.words.table': '단어 × 단어 (행: 보는 단어, 열: 보이는 단어)',
  'attention.words.rows': '보는 단어',
  'attention.words.cols': '보이는 단어',
  'attention.words.rest': '나머지',
  'attention.words.restLong': '띄어쓰기·특수 토큰',
  'attention.words.says.head': '층 {l}, 헤드 {h}에서 ‘{word}’의 조각들은 주의를 평균 이렇게 나눠요:',
  'attention.words.says.mean': '층 {l}, 모든 헤드의 평균으로 ‘{word}’의 조각들은 주의를 평균 이렇게 나눠요:',
  'attention.words.part': '‘{word}’ {pct}%',
  'attention.words.self': '자기 자신 ‘{word}’ {pct}%',
  'attention.words.partRest': '띄어쓰기·특수 토큰 {pct}%',
  'attention.words.pick': '표의 행에 마우스를 올리거나 방향키로 움직이면 그 단어의 몫을 읽어 줘요.',
  'attention.words.none': '이 문장에는 단어가 없어요 (띄어쓰기와 특수 토큰뿐이에요).',
  'attention.steps.title': '어떻게 계산될까요? 실제 숫자로 한 단계씩',
  'attention.steps.explain':
    '층 {l}, 헤드 {h}의 진짜 행렬로 계산 과정을 따라가요. 단계를 누르거나 이전/다음 버튼을 쓰세요(← → 키도 돼요).',
  'attention.steps.list': '어텐션 계산 단계',
  'attention.steps.prev': '← 이전',
  'attention.steps.next': '다음 →',
  'attention.steps.position': '{n} / {total} 단계',
};
