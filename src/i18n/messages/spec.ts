/** Examples menu, reset, export and import of the spec; the course-note examples' names. */
export const en = {
  'spec.examples': 'Examples',
  'spec.examplesHint': 'Worked examples of the course notes',
  'spec.reset': 'Reset',
  'spec.resetHint': 'All settings back to the defaults; the image stays',
  'spec.export': 'Export spec',
  'spec.exportCompact': 'Compact JSON (only what differs from the defaults)',
  'spec.exportFull': 'Full JSON (every field)',
  'spec.import': 'Import spec',
  'spec.import.tooBig':
    '“{name}” was not imported: it is {kb} KB, and a spec file may be at most {maxKb} KB. The current settings stay.',
  'spec.import.notJson': '“{name}” was not imported: it is not JSON ({detail}). The current settings stay.',
  'spec.import.invalid':
    '“{name}” was not imported: the field “{field}” is wrong: {detail}. The current settings stay.',
  'spec.import.image':
    '“{name}” was not imported: it does not fit the current image ({detail}). The current settings stay.',
  'example.outputSize.title': '28 × 28 image, 7 × 7 filter, P = 0, S = 1 → 22 × 22',
  'example.outputSize.detail': '(W − F + 2P) / S + 1 = (28 − 7 + 0) / 1 + 1 = 22',
  'example.sobel27.title': '27 × 27 Fashion-MNIST, Sobel VALID → 25 × 25 and the magnitude',
  'example.sobel27.detail': 'horizontal and vertical Sobel filters, (27 − 3) / 1 + 1 = 25, then √(h² + v²)',
  'example.same.title': 'SAME padding keeps the size: 28 × 28 → 28 × 28',
  'example.same.detail': 'one ring of zeros around the image for a 3 × 3 filter',
  'example.stride2.title': 'Stride 2 halves the map: 28 × 28 → 14 × 14',
  'example.stride2.detail': 'the filter moves two pixels at a time: ⌈28 / 2⌉ = 14',
  'example.pool.title': '2 × 2 pooling, stride 2: 26 × 26 → 13 × 13',
  'example.pool.detail': 'max and average of each 2 × 2 block halve the feature map',
  'example.flip.title': 'Flip: an asymmetric filter gives another result',
  'example.flip.detail': 'true convolution rotates the filter 180°; toggle Flip to compare',
  'example.rgb.title': 'RGB input needs 3-channel filters: 3 × 3 × 3',
  'example.rgb.detail': 'one filter spans R, G and B and makes one feature map',
  'example.filters.title': '4 filters give 4 feature maps',
  'example.filters.detail': 'Sobel x, Sobel y, Laplacian and sharpen on the same image',
  'example.relu.title': 'ReLU turns negatives into 0',
  'example.relu.detail': 'Sobel x with ReLU: only the positive (red) edges stay',
  'example.stack3.title': '3 layers of 3 × 3 filters: the receptive field grows 3 → 8 → 18',
  'example.stack3.detail':
    'each 2 × 2 pooling doubles the step: a layer-3 pixel sees 18 × 18 of the 28 × 28 image',
  'example.smallCnn.title': 'Small CNN: 3 × 3 × 8 → pool → 3 × 3 × 16 → pool',
  'example.smallCnn.detail': '28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16',
  'example.window.title': 'Watch the window slide: Sobel x, stride 2, SAME padding',
  'example.window.detail':
    'step by step, the 3 × 3 window jumps 2 pixels and writes one cell of the 14 × 14 map',
  'example.shrink.title': 'Stride 2 against 2 × 2 pooling, and moving the picture',
  'example.shrink.detail':
    'three ways to halve the map: what each keeps, what it costs, how much a 1-pixel move changes it',
  'example.dense.title': 'Dense against convolution: 17,318,528 parameters or 10',
  'example.dense.detail':
    'a Dense layer of 128 units on the flattened 300 × 451 photo against one 3 × 3 filter',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'spec.examples': '예제',
  'spec.examplesHint': '강의 노트의 풀이 예제',
  'spec.reset': '초기화',
  'spec.resetHint': '모든 설정을 기본값으로 되돌립니다. 이미지는 그대로입니다',
  'spec.export': '스펙 내보내기',
  'spec.exportCompact': '간단한 JSON (기본값과 다른 값만)',
  'spec.exportFull': '전체 JSON (모든 필드)',
  'spec.import': '스펙 가져오기',
  'spec.import.tooBig':
    '“{name}”을(를) 가져오지 않았습니다: 파일이 {kb} KB입니다. 스펙 파일은 최대 {maxKb} KB입니다. 현재 설정이 유지됩니다.',
  'spec.import.notJson':
    '“{name}”을(를) 가져오지 않았습니다: JSON 형식이 아닙니다 ({detail}). 현재 설정이 유지됩니다.',
  'spec.import.invalid':
    '“{name}”을(를) 가져오지 않았습니다: “{field}” 필드가 잘못되었습니다 ({detail}). 현재 설정이 유지됩니다.',
  'spec.import.image':
    '“{name}”을(를) 가져오지 않았습니다: 현재 이미지에 맞지 않습니다 ({detail}). 현재 설정이 유지됩니다.',
  'example.outputSize.title': '28 × 28 이미지, 7 × 7 필터, P = 0, S = 1 → 22 × 22',
  'example.outputSize.detail': '(W − F + 2P) / S + 1 = (28 − 7 + 0) / 1 + 1 = 22',
  'example.sobel27.title': '27 × 27 Fashion-MNIST, 소벨 VALID → 25 × 25와 크기(magnitude)',
  'example.sobel27.detail': '가로선·세로선 소벨 필터, (27 − 3) / 1 + 1 = 25, 그리고 √(h² + v²)',
  'example.same.title': 'SAME 패딩은 크기를 유지: 28 × 28 → 28 × 28',
  'example.same.detail': '3 × 3 필터에는 이미지 둘레에 0을 한 줄 채웁니다',
  'example.stride2.title': '스트라이드 2는 특성 맵을 절반으로: 28 × 28 → 14 × 14',
  'example.stride2.detail': '필터가 두 픽셀씩 이동합니다: ⌈28 / 2⌉ = 14',
  'example.pool.title': '2 × 2 풀링, 스트라이드 2: 26 × 26 → 13 × 13',
  'example.pool.detail': '2 × 2 블록마다 최댓값과 평균: 특성 맵이 절반이 됩니다',
  'example.flip.title': '뒤집기(flip): 비대칭 필터는 결과가 달라집니다',
  'example.flip.detail': '합성곱은 필터를 180° 회전합니다. 뒤집기를 켜고 꺼서 비교하세요',
  'example.rgb.title': 'RGB 입력에는 3채널 필터: 3 × 3 × 3',
  'example.rgb.detail': '필터 하나가 R, G, B를 모두 덮고 특성 맵 하나를 만듭니다',
  'example.filters.title': '필터 4개는 특성 맵 4개',
  'example.filters.detail': '같은 이미지에 소벨 x, 소벨 y, 라플라시안, 샤프닝',
  'example.relu.title': 'ReLU는 음수를 0으로',
  'example.relu.detail': '소벨 x와 ReLU: 양수(빨강) 경계만 남습니다',
  'example.stack3.title': '3 × 3 필터 3개 층: 수용 영역이 3 → 8 → 18로 커집니다',
  'example.stack3.detail': '2 × 2 풀링마다 간격이 두 배: 3층의 픽셀 하나는 28 × 28 이미지의 18 × 18을 봅니다',
  'example.smallCnn.title': '작은 CNN: 3 × 3 × 8 → 풀링 → 3 × 3 × 16 → 풀링',
  'example.smallCnn.detail': '28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16',
  'example.window.title': '슬라이딩 윈도우 보기: 소벨 x, 스트라이드 2, SAME 패딩',
  'example.window.detail':
    '한 단계씩: 3 × 3 윈도우가 두 픽셀씩 이동하며 14 × 14 특성 맵의 칸을 하나씩 씁니다',
  'example.shrink.title': '스트라이드 2와 2 × 2 풀링 비교, 그리고 이미지 이동',
  'example.shrink.detail':
    '특성 맵을 절반으로 줄이는 세 방법: 무엇을 남기고, 연산량은 얼마이며, 1픽셀 이동에 얼마나 변하는지',
  'example.dense.title': 'Dense와 합성곱 비교: 파라미터 17,318,528개와 10개',
  'example.dense.detail': '펼친 300 × 451 사진에 유닛 128개의 Dense 층과 3 × 3 필터 하나',
};
