// 한국어: 위치 인코딩 단계(tf-stage-positional)의 문구. 키는 positional. 로 시작한다.
export default {
  'positional.lead':
    '토큰 벡터만 보면 모델은 “몇 번째 토큰인지” 알 수 없어요. 그래서 위치마다 다른 벡터를 토큰 벡터에 더해요.',
  'positional.mode': '어떤 위치 정보를 더할까요?',
  'positional.mode.sinusoidal': '사인파 (공식)',
  'positional.mode.learned': '학습된 표',
  'positional.mode.none': '없음',
  'positional.about.sinusoidal':
    '사인파: 논문(“Attention Is All You Need”)의 공식으로 만든 표예요. 학습하지 않고, 엔진이 공식대로 계산해요.',
  'positional.about.learned': '학습된 표(wpe): 위치마다 한 줄씩 있는 표로, 임베딩 표처럼 학습으로 값이 정해져요.',
  'positional.about.none': '없음: 위치 정보를 더하지 않아요. 모델 입력은 토큰 벡터 그대로예요.',
  'positional.own': '이 모델이 실제로 쓰는 방식: {kind}',
  'positional.noLearned':
    '“학습된 표”는 고를 수 없어요: 이 모델에는 학습된 위치 표(wpe)가 없어요 ({kind} 방식으로 만든 모델).',
  'positional.whatIf':
    '지금 보는 것은 “{mode}” 방식이었다면 이 문장의 입력이 어떻게 되는지예요. 엔진이 그 방식으로 직접 계산했어요.',
  'positional.kind.sinusoidal': '사인파',
  'positional.kind.learned': '학습된 표',
  'positional.kind.none': '없음',
  'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))',
  'positional.formulaHint':
    'pos = 위치, i = 차원 번호의 절반, d = 벡터 길이({c}). 짝수 차원은 sin, 홀수 차원은 cos이에요.',
  'positional.table.sinusoidal': '사인파 위치 표 (차원 {c}개 × 위치 {p}개)',
  'positional.table.learned': '학습된 위치 표 wpe (차원 {c}개 × 위치 {p}개)',
  'positional.table.none': '“없음”을 골랐어요: 더할 표가 없어요. 모든 위치에 0을 더하는 것과 같아요.',
  'positional.tableHint':
    '가로가 위치, 세로가 차원이에요: 한 세로줄이 한 위치의 벡터예요. 주황 테두리는 이 문장이 쓰는 위치(0부터 {last}까지)예요. 칸에 마우스를 올리면 값이 보여요.',
  'positional.rows': '위치',
  'positional.cols': '차원',
  'positional.waves': '차원별 물결: 위치가 바뀌면 값이 어떻게 바뀔까요?',
  'positional.similarity': '위치끼리 얼마나 닮았을까요? (내적)',
  'positional.similarityTitle': '위치 벡터의 내적 PE[i]·PE[j]',
  'positional.similarityHint.sinusoidal':
    '대각선(자기 자신)이 가장 크고, 멀어질수록 작아져요. 가까운 위치끼리 닮았다는 뜻이라 모델이 "얼마나 떨어져 있는지"를 알 수 있어요.',
  'positional.similarityHint.learned':
    '학습된 표의 내적이에요. 학습 전에는 무작위라 무늬가 없고, 학습하면서 가까운 위치끼리 닮아 가요.',
  'positional.similarityHint.none': '위치 정보가 없으면 모든 내적이 0이에요: 모델은 어느 위치든 구별하지 못해요.',
  'positional.wavesPick': '볼 차원을 고르세요 (최대 {max}개):',
  'positional.dim': '차원 {d}',
  'positional.dimSin': '차원 {d} (sin)',
  'positional.dimCos': '차원 {d} (cos)',
  'positional.dimAdd': '다른 차원',
  'positional.dimAddButton': '추가',
  'positional.xTitle': '위치 (pos)',
  'positional.yTitle': '값',
  'positional.band': '이 문장',
  'positional.wavesHint.sinusoidal':
    '낮은 차원은 빠르게, 높은 차원은 천천히 출렁여요. 그래서 위치마다 여러 물결 값의 조합이 달라져 “주소”처럼 쓰여요.',
  'positional.wavesHint.learned':
    '학습된 표에는 공식이 없어요. 학습 전에는 무작위 값이라 물결 모양이 아니에요. 학습하면서 모양이 생겨요.',
  'positional.sum': '이 문장의 모델 입력 = 토큰 벡터 + 위치 벡터',
  'positional.token': '토큰 벡터 (2단계의 임베딩)',
  'positional.position': '위치 벡터 ({kind})',
  'positional.input': '모델 입력 (더한 결과)',
  'positional.sumHint':
    '칸마다 위 두 그림의 값을 더한 것이 맨 아래 값이에요 (엔진이 계산). 색 눈금은 그림마다 따로예요: 각 그림 아래 눈금 막대의 양 끝 숫자를 비교해 보세요. 한쪽 값이 훨씬 작으면, 더한 결과는 큰 쪽과 거의 비슷해 보여요.',
  'positional.order': '순서 바꾸기: 같은 토큰, 다른 순서',
  'positional.orderHint':
    '두 문장은 같은 조각으로 만들었지만 순서가 달라요. 아래는 각 문장의 모델 입력이에요. 한 문장의 줄에 마우스를 올리면 다른 문장에서 같은 토큰의 줄이 표시돼요. 문장은 고쳐 써도 돼요.',
  'positional.orderA': '문장 A',
  'positional.orderB': '문장 B',
  'positional.orderInput': '모델 입력 ({kind})',
  'positional.verdict.same':
    '위치 정보가 “없음”이면 두 입력은 똑같은 줄(행)들의 묶음이에요. 순서만 바뀌었을 뿐 줄 하나하나는 같아요: 예를 들어 A의 {ra}번 줄(토큰 “{tok}”)과 B의 {rb}번 줄은 숫자가 모두 같아요. 입력 숫자 안에는 순서 정보가 없어요 — 그래서 위치 인코딩이 필요해요.',
  'positional.verdict.different':
    '위치 벡터를 더하니 같은 토큰 “{tok}”도 A의 {ra}번 줄과 B의 {rb}번 줄의 숫자가 달라요. 두 입력은 더 이상 같은 줄들을 섞어 놓은 것이 아니에요: 순서가 입력 숫자 안에 들어갔어요.',
  'positional.verdict.otherTokens': '두 문장의 토큰이 달라요. 같은 조각을 순서만 바꿔서 써 보세요.',
  'positional.verdict.sameOrder': '두 문장이 순서까지 똑같아요. 한쪽의 순서를 바꿔 보세요.',
  'positional.compare': '같은 토큰 “{tok}”, 두 문장에서의 줄',
  'positional.compareRow': '{side}의 {row}번 줄 “{tok}”',
  'positional.compareSame':
    '두 줄의 숫자 {c}개가 모두 같아요 (위에는 앞의 {n}개만 적었어요). 모델 입력만 보면 이 토큰이 어느 자리에 있었는지 알 수 없어요.',
  'positional.compareSamePlace':
    '이 토큰은 두 문장에서 같은 자리({row}번)에 있어요. 그래서 더해진 위치 벡터도 같고, 숫자 {c}개가 모두 같아요. 자리가 바뀐 토큰(예: “나”, “밥”)에 마우스를 올려 보세요.',
  'positional.compareDifferent':
    '두 줄의 숫자가 달라요 (위에는 앞의 {n}개만 적었어요). 같은 토큰이라도 자리가 다르면 다른 위치 벡터가 더해졌기 때문이에요. 다른 줄에 마우스를 올려 비교해 보세요.',
};
