// 한국어: 입력 단계(tf-stage-inputs)의 글. 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다.
export default {
  'inputs.lead': '모델 안으로 들어가기 전에, 문장은 세 단계를 거쳐 숫자 목록이 돼요.',
  'inputs.step.sentence': '문장',
  'inputs.chars': '글자 {n}개 (띄어쓰기 포함)',
  'inputs.arrow.split': '토크나이저가 {kind} 단위로 잘라요 → 토큰 {n}개',
  'inputs.kind.char': '글자',
  'inputs.kind.word': '단어',
  'inputs.kind.jamo': '자모',
  'inputs.step.tokens': '토큰 → id',
  'inputs.tokens.hint': '각 토큰을 어휘 사전에서 찾아 번호(id)로 바꿔요. 위의 작은 숫자는 토큰의 위치(0부터 셈)예요.',
  'inputs.legend.pos': '위치',
  'inputs.legend.token': '토큰',
  'inputs.legend.id': 'id',
  'inputs.col.aria': '위치 {pos}: 토큰 {text}, id {id}',
  'inputs.unknown': '점선 칸은 어휘 사전에 없는 토큰이에요. 그 자리는 <unk> 토큰(id {id})으로 바뀌어요.',
  'inputs.arrow.collect': '번호만 순서대로 모아요',
  'inputs.step.ids': '모델이 받는 숫자 목록 (토큰 id)',
  'inputs.ids.hint':
    '토큰 {n}개 → 숫자 {n}개. 순서도 정보예요: 같은 숫자라도 순서를 바꾸면 다른 목록이 돼요 (3단계 위치 인코딩에서 확인해요).',
  'inputs.vocab.title': '어휘 사전: 모델이 아는 토큰 {v}개',
  'inputs.vocab.hint':
    'id는 이 사전에서의 자리 번호예요. 파란 칸이 이 문장에 나온 토큰이에요. 위의 토큰 칸에 마우스를 올리거나 Tab 키와 방향키로 고르면 사전에서 찾아 보여 줘요.',
  'inputs.vocab.special': '<pad> · <bos> · <eos> · <unk>는 특별한 토큰이에요: 빈칸 채우기 · 시작 · 끝 · 모르는 토큰.',
  'inputs.vocab.partial': '어휘가 커서 일부만 보여요 ({shown}개 / 전체 {v}개).',
  'inputs.vocab.aria': 'id {id}: {text}',
};
