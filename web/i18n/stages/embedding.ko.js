// 한국어: 입력 임베딩 단계(tf-stage-embedding)의 글. 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다.
export default {
  'embedding.lead':
    '임베딩 표(wte)에는 어휘의 토큰마다 한 줄이 있고, 한 줄은 숫자 {c}개예요. 토큰의 id가 곧 줄 번호라서, 모델은 id 번째 줄을 그대로 꺼내 와요.',
  'embedding.pick': '토큰을 골라 보세요 (마우스를 올리거나 누르기, 키보드는 Tab 키 다음 방향키)',
  'embedding.chip.aria': '위치 {pos}: 토큰 {text}, id {id}',
  'embedding.panel': '이 문장의 토큰 벡터들 (토큰 {t}개 × 숫자 {c}개)',
  'embedding.rows': '토큰',
  'embedding.cols': '차원',
  'embedding.vector': '위치 {pos}의 토큰 “{text}” (id {id}) = 표의 {id}번 줄:',
  'embedding.vectorHint':
    '이 숫자 {c}개가 모델에게 보이는 토큰 “{text}”의 모습이에요. 색이 진할수록 0에서 멀어요 (파랑 = 음수, 주황 = 양수).',
  'embedding.table': '임베딩 표 전체 wte (어휘 {v}개 × 숫자 {c}개)',
  'embedding.tableRows': '토큰 id',
  'embedding.tableHint':
    '오른쪽에 ◀ 표시가 있는 줄이 이 문장에 쓰인 줄이에요 (숫자는 문장 속 위치). 표는 상자 안에서 위아래로 스크롤돼요.',
  'embedding.notes': '문장 속 위치',
  'embedding.repeat': '토큰 “{text}”: 이 문장에 {n}번 나와요. 매번 같은 줄(id {id})을 꺼내니까 벡터도 똑같아요.',
  'embedding.random':
    '학습 전의 모델이라면 표의 숫자는 무작위로 정한 작은 값이에요. 학습하면 비슷하게 쓰이는 토큰끼리 비슷한 줄을 갖게 되곤 해요: 위의 “가장 비슷한 줄”에서 확인해 보세요.',
  'embedding.nearest.title': '표에서 “{text}”의 줄과 가장 비슷한 줄 {k}개 (코사인 유사도)',
  'embedding.nearest.hint':
    '코사인 유사도는 두 줄이 가리키는 방향이 얼마나 같은지예요: 같은 방향이면 1, 직각이면 0, 반대 방향이면 −1. 엔진이 표의 모든 줄(특별한 토큰 4개는 빼고)과 비교해서 골라요. 마우스를 올리거나 Tab 키로 고르면 아래 표에서 그 줄을 보여 줘요.',
  'embedding.nearest.trained':
    '학습된 모델에서는 비슷하게 쓰이는 토큰이 이 목록에 모이곤 해요. 그렇지 않은 토큰도 있어요: 숫자를 보고 판단해 보세요.',
  'embedding.nearest.untrained':
    '이 모델은 아직 학습 전이라 줄이 무작위예요: 이 목록은 우연히 가까이 놓인 줄일 뿐, 뜻이 없어요.',
  'embedding.nearest.aria': 'id {id}: {text}, 코사인 {cos}',
  'embedding.tied': '이 모델은 같은 표를 마지막 “선형” 단계에서도 다시 써요 (가중치 공유).',
};
