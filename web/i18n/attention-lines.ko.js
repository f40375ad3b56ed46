// 한국어: 어텐션 선 그림(tf-attention-lines)의 문구. 키는 attention.lines. 로 시작한다.
export default {
  'attention.lines.queries': '보는 토큰 (Q)',
  'attention.lines.keys': '보이는 토큰 (K)',
  'attention.lines.hint': '토큰에 마우스를 올리거나 눌러 보세요. 선이 굵고 진할수록 많이 봐요.',
  'attention.lines.looksAt': '‘{token}’ → 주로 보는 토큰: {list}',
  'attention.lines.lookedBy': '‘{token}’ ← 이 토큰을 많이 보는 토큰: {list}',
  'attention.lines.onlyItself': '맨 앞 토큰 ‘{token}’ → 앞에 아무것도 없어서 자기 자신만 봐요 ({w}).',
  'attention.lines.nobody': '‘{token}’ ← 이 토큰을 보는 토큰이 없어요.',
  'attention.lines.label': '토큰 사이 어텐션 선 그림',
  'attention.lines.tokenQuery': '{pos}번 토큰 ‘{token}’: 어디를 보나요?',
  'attention.lines.tokenKey': '{pos}번 토큰 ‘{token}’: 누가 보나요?',
  'attention.lines.pruned': '토큰이 {T}개라 선이 너무 많아요. 토큰마다 가장 굵은 선 {k}개만 그렸어요.',
};
