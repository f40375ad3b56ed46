// 한국어: the corpus picker on the training page (corpus-picker.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'train.corpus.builtin': '준비된 글',
  'train.corpus.own': '내 글 쓰기 / 붙여넣기',
  'train.corpus.name.ko-small': '한국어 짧은 문장 (학습 노트의 예문)',
  'train.corpus.name.ko': '한국어 문장 모음',
  'train.corpus.name.en': '영어 문장 모음',
  'train.corpus.name.sagwa': '“사과” 문장 (사과 = 과일 / 사죄)',
  'train.corpus.name.ko-words': '한국어 문장, 조사를 띄어 쓴 것 (고양이 는 귀엽다)',
  'train.corpus.lang.ko': '한국어',
  'train.corpus.lang.en': '영어',
  'train.corpus.preview': '글 미리 보기',
  'train.corpus.textLabel': '모델이 배울 글',
  'train.corpus.placeholder': '여기에 글을 붙여 넣거나 쓰세요. 예: 나는 밥을 먹었다. 고양이는 귀엽다. …',
  'train.corpus.file': '.txt 파일 열기',
  'train.corpus.fileLoaded': '파일을 열었어요: {name} ({bytes}바이트)',
  'train.corpus.waiting': '지금 모델은 아직 예전 글로 배운 모델이에요. “처음부터”를 누르면 이 글로 새로 학습해요.',
  'train.corpus.waitingError': '이 글로는 아직 학습할 수 없어요. 지금 모델은 예전 글로 배운 그대로 남아 있어요.',
  'train.corpus.bytes': '{chars}글자 · {bytes}바이트',
  'train.corpus.notInLink':
    '글이 {max}바이트보다 길어서 공유 링크에는 들어가지 않아요. 링크를 받은 사람도 같은 글을 넣어야 같은 실험이 돼요.',
  'train.corpus.linkEmpty': '이 링크는 “내 글”로 학습한 실험이에요. 같은 글을 다시 붙여 넣어 주세요.',
  'train.corpus.checking': '엔진이 글을 살펴보는 중…',
  'train.corpus.vocab': '엔진이 만든 어휘: 토큰 {n}개',
  'train.corpus.split': '학습용 토큰 {train}개 · 평가용(떼어 둔) 토큰 {val}개',
  'train.corpus.noSplit':
    '학습용 토큰 {train}개. 글이 짧아서 평가용으로 떼어 둘 부분이 없어요 — 평가 손실도 학습한 글에서 재요.',
  'train.corpus.moreVocab': '… 외 {n}개',
  'train.corpus.loadFailed': '준비된 글을 불러오지 못했어요: {file}',
  'train.error.corpus_too_short':
    '글이 너무 짧아요: 토큰이 {detail}개예요. 이 모델은 한 번에 {detail2}개(문맥 길이 + 1)의 토큰이 필요해요. 글을 더 넣거나 문맥 길이를 줄이세요.',
  'train.error.text_too_large': '글이 너무 커요: {detail}바이트예요. 최대 {detail2}바이트까지 학습할 수 있어요.',
  'train.error.invalid_utf8':
    '글에 깨진 문자가 있어요: {detail}번째 바이트가 UTF-8이 아니에요. 파일을 UTF-8로 저장해서 다시 열어 주세요.',
  'train.error.binary_text': '텍스트 파일이 아닌 것 같아요 ({detail}번째 바이트가 NUL이에요). .txt 파일을 골라 주세요.',
  'train.error.empty_text': '글이 비어 있어요. 학습할 글을 넣어 주세요.',
  'train.error.bad_config': '모델 설정이 맞지 않아요: {message}',
  'train.error.bad_train_config': '학습 설정이 맞지 않아요: {message}',
  'train.error.bad_optimizer_config': '옵티마이저 설정이 맞지 않아요: {message}',
};
