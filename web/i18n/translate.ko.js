// 한국어: the translation page (translate.html) and its views. Keys start with translate.
// Korean particles never follow a value that changes ({word}, {n}); sentences are built around them.
export default {
  'translate.page.title': 'tinyformer · 번역: 디코더가 인코더에게 묻는다',
  'translate.page.tagline': '한국어 문장을 영어로 옮기는 작은 인코더-디코더 트랜스포머를 보고, 직접 학습시켜요',
  'translate.nav.watch': '← 단계별로 보기',
  'translate.nav.train': '직접 학습시키기 →',
  'translate.nav.here': '번역 (크로스 어텐션)',
  'translate.engine': '엔진: C++ → WebAssembly SIMD128 ({arch}) · 모든 숫자는 엔진이 계산해요',
  'translate.engineFailed': '엔진을 시작하지 못했어요: {message}',

  'translate.model.label': '모델',
  'translate.model.demo': '한→영 데모 모델 (단어 단위)',
  'translate.model.trained': '학습된 모델',
  'translate.model.tab': '이 탭에서 학습한 모델',
  'translate.model.shape':
    '인코더 {enc}층 · 디코더 {dec}층 · 헤드 {heads}개 · 폭 {width} · 한국어 어휘 {src} · 영어 어휘 {tgt} · 파라미터 {params}',
  'translate.model.open': '모델 파일 열기 (.safetensors)',
  'translate.model.loadFailed': '모델 파일을 열 수 없어요 ({name}): {message}',
  'translate.model.wrongArch':
    '이 파일은 다음 토큰을 예측하는 GPT 모델이에요. 번역 페이지는 인코더-디코더(번역) 모델만 열 수 있어요. GPT 모델은 “단계별로 보기” 페이지에서 열어 주세요.',
  'translate.model.usingTab': '이 탭에서 {step}단계까지 학습한 모델로 바꿨어요.',

  'translate.input.title': '1. 번역하기',
  'translate.input.notes':
    '학습 노트의 말로: 크로스 어텐션은 “원문의 단어와 번역할 단어 사이의 관계를 찾아내는 데” 쓰여요. 아래에서 그 관계가 숫자로, 선으로 보여요.',
  'translate.input.label': '한국어 문장을 입력하세요',
  'translate.input.placeholder': '예: 나는 밥을 먹었다',
  'translate.input.clear': '지우기',
  'translate.input.examples': '예시',
  'translate.input.tiles': '모델이 아는 단어로 만들기',
  'translate.input.tilesMore': '단어 더 보기 (전체 {n}개)',
  'translate.input.tilesLess': '접기',
  'translate.input.explain':
    '인코더가 한국어 문장 전체를 한 번에 읽어 숫자 표(메모리)를 만들어요. 디코더는 영어를 한 단어씩 쓰는데, 한 단어를 쓸 때마다 그 메모리에게 “지금 어디를 보면 돼?” 하고 물어요. 이 물음이 크로스 어텐션이에요.',
  'translate.input.unknown':
    '모델이 모르는 단어가 있어요: {words}. <unk>(모르는 단어)로 읽고 번역해요. 아래 단어 조각으로 문장을 만들면 모르는 단어가 없어요.',
  'translate.input.english': '영어처럼 보여요. 이 모델은 한국어 → 영어 방향만 배웠어요. 한국어 문장을 입력해 주세요.',
  'translate.input.noSource': '한국어 문장을 입력하면 번역이 나타나요.',

  'translate.steps.title': '영어가 한 단어씩 나와요',
  'translate.steps.explain':
    '디코더는 지금까지 쓴 영어를 보고 다음 단어를 골라요. 단계를 넘기면서, 그 단어를 쓸 때 한국어의 어디를 봤는지(크로스 어텐션, 헤드 평균) 확인해 보세요.',
  'translate.steps.first': '처음',
  'translate.steps.prev': '이전',
  'translate.steps.next': '다음',
  'translate.steps.play': '재생',
  'translate.steps.pause': '멈춤',
  'translate.steps.all': '끝까지',
  'translate.steps.counter': '{k} / {n} 단계',
  'translate.steps.writing': '{k}단계: ‘{token}’ 쓰기 (확률 {p})',
  'translate.steps.looked': '이 단어를 쓸 때 본 한국어 토큰 (층 {layer}, {head})',
  'translate.steps.eos': '<eos>는 “번역 끝”이라는 신호예요.',
  'translate.steps.unfinished': '최대 길이({n}토큰)에 닿아서 멈췄어요. 아직 <eos>를 쓰지 못했어요.',
  'translate.steps.result': '번역',

  'translate.head.mean': '헤드 평균',
  'translate.head.one': '헤드 {n}',
  'translate.pick.layer': '층',
  'translate.pick.head': '헤드',
  'translate.pick.layerOption': '{n}층',

  'translate.three.title': '2. 어텐션 세 가지: Q, K, V는 어디에서 올까?',
  'translate.three.explain':
    '같은 어텐션 계산이 세 군데에서 쓰여요. 다른 것은 Q(묻는 쪽)와 K·V(답하는 쪽)가 어디에서 오는지, 그리고 무엇을 가리는지(마스크)뿐이에요. 각 표의 한 행을 더하면 1이에요.',
  'translate.three.encoder': '인코더 셀프 어텐션 (한국어 × 한국어)',
  'translate.three.encoderQkv': 'Q, K, V 모두 한국어 문장에서 · 가리는 것 없음: 문장 전체를 앞뒤로 다 봐요',
  'translate.three.decoder': '디코더 셀프 어텐션 (영어 × 영어)',
  'translate.three.decoderQkv': 'Q, K, V 모두 지금까지 쓴 영어에서 · 인과 마스크: 아직 쓰지 않은 뒤쪽 단어는 못 봐요',
  'translate.three.cross': '크로스 어텐션 (영어 × 한국어)',
  'translate.three.crossQkv': 'Q는 디코더(쓰고 있는 영어)에서, K와 V는 인코더 출력(한국어)에서 · 패딩만 가려요',
  'translate.three.rowWriting': '쓰는 단어 (Q)',
  'translate.three.rowKo': '보는 토큰 (Q)',
  'translate.three.colKo': '한국어 토큰 (K, V)',
  'translate.three.colEn': '이미 쓴 영어 (K, V)',
  'translate.three.masked': '가려짐 = 아직 쓰지 않은 단어',
  'translate.three.rowLabel': '{k} → {token}',

  'translate.align.title': '3. 정렬: 어떤 영어 단어가 어떤 한국어 단어를 봤을까?',
  'translate.align.explain':
    '선이 굵고 진할수록 그 영어 단어를 쓸 때 그 한국어 단어를 많이 봤다는 뜻이에요. 한국어는 동사가 끝에 오고(나는 밥을 먹었다) 영어는 두 번째에 와요(I ate rice). 그래서 선이 서로 엇갈려요.',
  'translate.align.rule':
    '단어 단위로 묶는 규칙(엔진이 계산): 한 단어의 값 = 영어 단어를 이루는 토큰들의 평균 × 한국어 단어를 이루는 토큰들의 합, 그리고 헤드 평균. <bos>, <eos>와 공백은 어느 단어에도 속하지 않아요.',
  'translate.align.rest': '‘{word}’: 단어가 아닌 토큰(<bos>, <eos>)으로 간 몫 {p}',
  'translate.align.ko': '한국어',
  'translate.align.en': '영어',
  'translate.align.label': '영어 단어와 한국어 단어 사이의 크로스 어텐션 선',
  'translate.align.top': '‘{en}’ → 가장 많이 본 한국어 단어: ‘{ko}’ ({p})',
  'translate.align.none': '단어가 있어야 선을 그릴 수 있어요.',

  'translate.cross.title': '4. 크로스 어텐션을 실제 행렬로 한 단계씩',
  'translate.cross.explain':
    '디코더의 Q와 인코더의 K, V로 GPT의 어텐션과 같은 여덟 단계를 밟아요. 행은 영어를 쓰는 단계, 열은 한국어 토큰이에요. 모두 엔진이 기록한 진짜 숫자예요.',
  'translate.cross.pad': '학습 배치처럼 <pad> {n}개를 붙여 보기 (패딩 마스크 확인)',
  'translate.cross.step.qkv': 'Q·K·V',
  'translate.cross.step.scores': 'QKᵀ',
  'translate.cross.step.scale': '÷√d',
  'translate.cross.step.mask': '패딩 마스크',
  'translate.cross.step.softmax': '소프트맥스',
  'translate.cross.step.weighted': '× V',
  'translate.cross.step.concat': '헤드 잇기',
  'translate.cross.step.proj': '× W_O',
  'translate.cross.qkv.explain':
    'Q는 디코더 쪽 입력 X_dec(지금까지 쓴 영어를 거친 값)에 W_Q를 곱해서, K와 V는 인코더의 출력 메모리(한국어)에 W_K, W_V를 곱해서 만들어요. 그래서 Q는 {T}행, K와 V는 {S}행이에요.',
  'translate.cross.qkv.xdec': 'X_dec: 디코더 쪽 입력 ({name})',
  'translate.cross.qkv.memory': '메모리: 인코더 출력 (enc.out)',
  'translate.cross.qkv.weights': '가중치 W_Q, W_K, W_V 보기 (헤드 {h}의 몫)',
  'translate.cross.scores.explain':
    '영어 쪽 Q 한 줄과 한국어 쪽 K 한 줄을 내적하면 점수 하나가 나와요. 점수가 클수록 “지금 쓰는 단어에 이 한국어 토큰이 잘 맞는다”는 뜻이에요. 칸에 마우스를 올리면 곱한 두 벡터가 보여요.',
  'translate.cross.scale.explain':
    '헤드 하나의 폭 d로 점수를 나눠 크기를 맞춰요. 그래야 소프트맥스가 한 칸에만 몰리지 않아요.',
  'translate.cross.mask.explain':
    '크로스 어텐션에는 인과 마스크가 없어요. 한국어 문장은 인코더가 이미 다 읽었으니 어느 위치든 볼 수 있어요. 가리는 것은 <pad>(길이를 맞추려고 붙인 빈칸)뿐이에요. 위의 상자를 켜면 <pad> 열이 −∞가 되는 것을 볼 수 있어요.',
  'translate.cross.mask.note': '−∞ = <pad>는 보지 않음',
  'translate.cross.mask.none': '지금은 <pad>가 없어서 가려진 칸이 없어요.',
  'translate.cross.softmax.explain':
    '행마다 exp를 씌우고 행의 합으로 나눠서 비율로 만들어요. 한 행의 합은 1이에요(오른쪽 열은 엔진 숫자를 더해 본 검산). <pad> 열은 정확히 0이에요.',
  'translate.cross.softmax.sum': '합 (검산)',
  'translate.cross.weighted.explain':
    '비율만큼 한국어 쪽 V를 섞어서, 영어의 각 위치가 한국어에서 가져온 정보를 만들어요.',
  'translate.cross.concat.explain':
    '헤드 {H}개의 결과({d}칸씩)를 옆으로 이어 붙이면 다시 {C}칸이 돼요. 주황색 테두리가 지금 고른 헤드예요.',
  'translate.cross.proj.explain':
    'W_O를 곱해 헤드들의 정보를 섞으면 크로스 어텐션의 출력이에요. 이 값이 디코더의 잔차에 더해져요.',
  'translate.cross.pickHead': '이 단계들은 헤드 하나씩 보여 줘요. 헤드 평균 대신 헤드 1을 보여 줄게요.',

  'translate.forcing.title': '5. 교사 강요 vs 자유 생성 (번역)',
  'translate.forcing.explain':
    '학습할 때 디코더는 정답 영어를 입력으로 받아요(교사 강요). 실제로 쓸 때는 자기가 방금 쓴 단어를 다시 입력으로 받아요(자유 생성). 자유 생성에서 한 번 틀리면, 그 틀린 단어를 보고 다음 단어를 골라서 실수가 이어질 수 있어요.',
  'translate.forcing.reference': '정답 영어 (바꿔 볼 수 있어요)',
  'translate.forcing.position': '위치',
  'translate.forcing.should': '정답',
  'translate.forcing.forced': '교사 강요: 1등 단어',
  'translate.forcing.free': '자유 생성: 쓴 단어',
  'translate.forcing.refProb': '정답 확률',
  'translate.forcing.same': '자유 생성이 정답과 끝까지 같아요.',
  'translate.forcing.first':
    '자유 생성은 {k}번째 위치에서 처음 정답과 달라졌어요: 정답 ‘{want}’ 대신 ‘{got}’. 그 뒤로는 자기가 쓴 단어를 보고 이어 써요.',
  'translate.forcing.forcedMistakes': '교사 강요에서 1등이 정답이 아닌 위치: {n}곳 · 손실 {loss}',
  'translate.forcing.refHint':
    '예: 정답을 일부러 바꿔 보세요 (I ate rice → I ate bread). 교사 강요는 매 위치 정답으로 되돌아가지만, 자유 생성은 자기 길을 가요.',

  'translate.trainCard.title': '6. 이 탭에서 처음부터 학습시키기',

  'translate.error.wrong_arch':
    '이 파일은 다음 토큰을 예측하는 GPT 모델이에요. 번역 페이지는 인코더-디코더(번역) 모델만 열 수 있어요.',
};
