/**
 * Every user-facing string, in English and Korean. Korean uses the course notes' terms:
 * 합성곱 (convolution), 필터 (filter), 특성 맵 (feature map), 스트라이드, 패딩, 풀링.
 */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  'app.title': 'Kernelscope',
  'app.tagline': 'See what a convolution filter does to your image, live.',
  'language.label': 'Language',
  'language.en': 'English',
  'language.ko': '한국어',

  'status.backend': 'Backend: {backend}',
  'status.loading': 'Starting tfjs…',
  'status.fallback': 'Backend: {backend} (WebGL unavailable: {reason})',
  'status.forced': 'Backend: {backend} (chosen by the link)',
  'status.frame': '{ms} ms per update',

  'image.heading': 'Image',
  'image.choose': 'Choose image',
  'image.dropZone': 'Image drop zone',
  'image.dropHint':
    'Drop an image here, paste one (Ctrl+V), or choose a file. Images never leave your browser.',
  'image.sample': 'Sample image',
  'image.samplesGroup.photos': 'Photos',
  'image.samplesGroup.fashion': 'Fashion-MNIST (28 × 28)',
  'image.loading': 'Loading {name}…',
  'image.loaded': 'Showing {name}',

  'error.dismiss': 'Dismiss',
  'error.notImage':
    '“{name}” is not an image this page can read (PNG, JPEG, GIF, WebP, BMP). The previous image is still shown.',
  'error.empty': '“{name}” is empty (0 bytes). The previous image is still shown.',
  'error.broken':
    '“{name}” looks like an image but could not be decoded; it may be damaged. The previous image is still shown.',
  'error.tooLarge':
    '“{name}” is {width} × {height} pixels; the largest this page takes is {max} pixels per side. The previous image is still shown.',
  'error.fileTooBig':
    '“{name}” is {mb} MB; the largest file this page takes is {maxMb} MB. The previous image is still shown.',
  'error.svg': '“{name}” is an SVG drawing; export it as PNG first. The previous image is still shown.',
  'error.spec': 'That setting was not applied: {detail}',
  'error.imageSpec': '“{name}” was not loaded: with the current settings {detail}',
  'error.link': 'The link’s settings could not be read ({detail}); the defaults are shown instead.',
  'error.backend': 'The computation failed on {backend}: {detail}',

  'kernel.heading': 'Filter (kernel)',
  'kernel.preset': 'Kernel preset',
  'kernel.custom': 'Custom',
  'kernel.cell': 'Filter {f} row {r} column {c}',
  'kernel.cellInvalid': 'Not a number: the last valid value is still used.',
  'kernel.bias': 'Bias',
  'preset.identity': 'Identity',
  'preset.sobelX': 'Sobel x',
  'preset.sobelY': 'Sobel y',
  'preset.boxBlur': 'Box blur',
  'preset.sharpen': 'Sharpen',
  'preset.laplacian': 'Laplacian',
  'presetInfo.identity': 'Copies the image: 1 in the centre, 0 elsewhere.',
  'presetInfo.sobelX': 'Finds vertical edges: left and right neighbours subtracted (changes along x).',
  'presetInfo.sobelY': 'Finds horizontal edges: rows above and below subtracted (changes along y).',
  'presetInfo.boxBlur': 'Averages each 3 × 3 neighbourhood: the image gets softer.',
  'presetInfo.sharpen': 'Boosts the centre against its neighbours: edges get crisper.',
  'presetInfo.laplacian': 'Second derivative: bright where intensity bends, zero on flat areas.',

  'layer.heading': 'Layer',
  'layer.stride': 'Stride',
  'layer.padding': 'Padding',
  'layer.valid': 'Valid',
  'layer.same': 'Same',
  'layer.validHint': 'no padding: the map shrinks',
  'layer.sameHint': 'zeros around the edge: the map keeps its size (at stride 1)',
  'layer.poolSize': 'Pool size',
  'layer.poolHint': 'window n × n, stride n',

  'display.heading': 'Display',
  'display.normalize': 'Feature map colours',
  'display.symmetric': 'Signed: blue < 0 < red',
  'display.minmax': 'Min–max gray',
  'display.abs': 'Magnitude |x|',
  'display.raw': 'Raw 0..255 (clipped)',

  'formula.heading': 'Output size',
  'formula.axisH': 'height',
  'formula.axisW': 'width',
  'formula.padNote': 'P = {before} + {after} pixels of padding',
  'formula.pool': 'pool',
  'footer.sources': 'Sample images: sources and licences',

  'stage.input': 'Input image',
  'stage.filter': 'Filter {f}',
  'stage.featureMap': 'Feature map {m}',
  'stage.maxPool': 'Max pooling {m}',
  'stage.avgPool': 'Average pooling {m}',
  'stage.inputTitle': 'Input',
  'stage.filterTitle': 'Filter',
  'stage.featureTitle': 'Feature map',
  'stage.maxTitle': 'Max pooling',
  'stage.avgTitle': 'Average pooling',
  'stage.gray': 'gray (luma)',
  'legend.range': 'blue = negative, white = 0, red = positive',

  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
} as const;

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  'app.title': 'Kernelscope',
  'app.tagline': '합성곱 필터가 내 이미지에 하는 일을 실시간으로 봅니다.',
  'language.label': '언어',
  'language.en': 'English',
  'language.ko': '한국어',

  'status.backend': '백엔드: {backend}',
  'status.loading': 'tfjs 시작 중…',
  'status.fallback': '백엔드: {backend} (WebGL 사용 불가: {reason})',
  'status.forced': '백엔드: {backend} (링크에서 지정)',
  'status.frame': '업데이트당 {ms} ms',

  'image.heading': '이미지',
  'image.choose': '이미지 선택',
  'image.dropZone': '이미지 놓는 곳',
  'image.dropHint':
    '이미지를 여기에 끌어다 놓거나, 붙여넣거나(Ctrl+V), 파일을 고르세요. 이미지는 브라우저 밖으로 나가지 않습니다.',
  'image.sample': '예제 이미지',
  'image.samplesGroup.photos': '사진',
  'image.samplesGroup.fashion': 'Fashion-MNIST (28 × 28)',
  'image.loading': '{name} 불러오는 중…',
  'image.loaded': '{name} 표시 중',

  'error.dismiss': '닫기',
  'error.notImage':
    '“{name}”은(는) 이 페이지가 읽을 수 있는 이미지가 아닙니다 (PNG, JPEG, GIF, WebP, BMP). 이전 이미지가 그대로 표시됩니다.',
  'error.empty': '“{name}”은(는) 빈 파일입니다 (0바이트). 이전 이미지가 그대로 표시됩니다.',
  'error.broken':
    '“{name}”은(는) 이미지처럼 보이지만 디코딩할 수 없습니다. 파일이 손상되었을 수 있습니다. 이전 이미지가 그대로 표시됩니다.',
  'error.tooLarge':
    '“{name}”은(는) {width} × {height} 픽셀입니다. 한 변의 최대 크기는 {max} 픽셀입니다. 이전 이미지가 그대로 표시됩니다.',
  'error.fileTooBig':
    '“{name}”은(는) {mb} MB입니다. 최대 파일 크기는 {maxMb} MB입니다. 이전 이미지가 그대로 표시됩니다.',
  'error.svg': '“{name}”은(는) SVG 그림입니다. 먼저 PNG로 내보내세요. 이전 이미지가 그대로 표시됩니다.',
  'error.spec': '설정이 적용되지 않았습니다: {detail}',
  'error.imageSpec': '“{name}”을(를) 불러오지 않았습니다. 현재 설정에서는 {detail}',
  'error.link': '링크의 설정을 읽을 수 없어 ({detail}) 기본값을 표시합니다.',
  'error.backend': '{backend}에서 계산에 실패했습니다: {detail}',

  'kernel.heading': '필터 (커널)',
  'kernel.preset': '커널 프리셋',
  'kernel.custom': '사용자 정의',
  'kernel.cell': '필터 {f} 행 {r} 열 {c}',
  'kernel.cellInvalid': '숫자가 아닙니다. 마지막으로 유효했던 값이 계속 사용됩니다.',
  'kernel.bias': '편향 (bias)',
  'preset.identity': '항등 (Identity)',
  'preset.sobelX': '소벨 x (Sobel x)',
  'preset.sobelY': '소벨 y (Sobel y)',
  'preset.boxBlur': '평균 블러 (Box blur)',
  'preset.sharpen': '샤프닝 (Sharpen)',
  'preset.laplacian': '라플라시안 (Laplacian)',
  'presetInfo.identity': '이미지를 그대로 복사합니다: 가운데 1, 나머지 0.',
  'presetInfo.sobelX': '세로선(세로 방향 경계)을 찾습니다: 좌우 이웃의 차이 (x 방향 변화).',
  'presetInfo.sobelY': '가로선(가로 방향 경계)을 찾습니다: 위아래 행의 차이 (y 방향 변화).',
  'presetInfo.boxBlur': '3 × 3 이웃의 평균: 이미지가 흐려집니다.',
  'presetInfo.sharpen': '가운데를 이웃보다 강조합니다: 경계가 또렷해집니다.',
  'presetInfo.laplacian': '2차 미분: 밝기가 꺾이는 곳은 밝고 평평한 곳은 0입니다.',

  'layer.heading': '층 (layer)',
  'layer.stride': '스트라이드',
  'layer.padding': '패딩',
  'layer.valid': 'Valid',
  'layer.same': 'Same',
  'layer.validHint': '패딩 없음: 특성 맵이 작아집니다',
  'layer.sameHint': '가장자리를 0으로 채움: 크기 유지 (스트라이드 1일 때)',
  'layer.poolSize': '풀링 크기',
  'layer.poolHint': 'n × n 윈도우, 스트라이드 n',

  'display.heading': '표시',
  'display.normalize': '특성 맵 색상',
  'display.symmetric': '부호: 파랑 < 0 < 빨강',
  'display.minmax': '최소–최대 회색조',
  'display.abs': '크기 |x|',
  'display.raw': '원래 값 0..255 (잘림)',

  'formula.heading': '출력 크기',
  'formula.axisH': '높이',
  'formula.axisW': '너비',
  'formula.padNote': 'P = {before} + {after} 픽셀 패딩',
  'formula.pool': '풀링',
  'footer.sources': '예제 이미지: 출처와 라이선스',

  'stage.input': '입력 이미지',
  'stage.filter': '필터 {f}',
  'stage.featureMap': '특성 맵 {m}',
  'stage.maxPool': '최대 풀링 {m}',
  'stage.avgPool': '평균 풀링 {m}',
  'stage.inputTitle': '입력',
  'stage.filterTitle': '필터',
  'stage.featureTitle': '특성 맵 (합성곱)',
  'stage.maxTitle': '최대 풀링',
  'stage.avgTitle': '평균 풀링',
  'stage.gray': '회색조 (luma)',
  'legend.range': '파랑 = 음수, 흰색 = 0, 빨강 = 양수',

  'share.copy': '링크 복사',
  'share.copied': '링크를 복사했습니다',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, ko };
