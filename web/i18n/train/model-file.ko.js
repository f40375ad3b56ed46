// 한국어: the model-file card on the training page (model-file.js).
// 바뀌는 값 바로 뒤에는 조사를 붙이지 않는다(받침에 따라 달라지므로): 문장을 값 둘레로 짠다.
export default {
  'train.file.saveTitle': '학습한 모델 저장하기',
  'train.file.saveExplain':
    '가중치와 토큰 목록, 설정, 옵티마이저 상태를 .safetensors 파일 하나에 담아요. 나중에 여기서 다시 열거나, 명령줄 도구(tinyformer generate --model …)로 쓸 수 있어요.',
  'train.file.which': '저장할 모델',
  'train.file.save': '모델 저장 (.safetensors)',
  'train.file.saved': '{step}단계 모델을 저장했어요: {name} ({kb} KB).',
  'train.file.again': '다시 내려받기',
  'train.file.loadTitle': '모델 파일 열기',
  'train.file.loadExplain':
    '이 페이지나 명령줄 도구로 학습한 .safetensors 파일을 열면, 설정을 보여 주고, 위의 “들여다보기”와 “정답을 보고 예측하기 vs 혼자 이어 쓰기” 비교에서 쓸 수 있어요.',
  'train.file.open': '.safetensors 파일 열기…',
  'train.file.loaded': '“{name}” 파일을 열었어요.',
  'train.file.failed': '“{name}” 파일을 열 수 없어요: {message}',
  'train.file.config':
    '층 {L} · 헤드 {H} · 폭 {C} · 문맥 {T} · 어휘 {V}개 · 파라미터 {P}개 · 위치 {pos} · 정규화 {norm} · 활성화 {act} · 토큰 {tok}',
  'train.file.sample': '“{prompt}” 다음을 이 모델이 가장 그럴듯하게 이어 쓰면:',
  'train.file.none': '아직 학습한 모델이 없어요.',
  'train.error.checkpoint_corrupt': '모델 파일이 손상되었거나 safetensors 형식이 아니에요: {message}',
  'train.error.checkpoint_invalid': '모델 파일의 내용이 올바르지 않아요: {message}',
  'train.error.checkpoint_mismatch': '모델 파일의 텐서가 설정과 맞지 않아요: {message}',
  'train.error.bad_tokenizer': '모델 파일의 토큰 목록이 올바르지 않아요: {message}',
  'train.error.wrong_arch':
    '이 파일은 번역용 인코더-디코더 모델이에요. 여기서는 다음 토큰을 예측하는 GPT 모델만 이어서 학습할 수 있어요.',
};
