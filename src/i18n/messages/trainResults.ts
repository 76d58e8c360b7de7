/**
 * Strings of the training views (src/components/train: curves, filters, followed maps, confusion
 * matrix, mistakes) and the ten Fashion-MNIST class names. Korean uses the course notes' terms: 학습,
 * 손실, 정확도, 필터, 특성 맵, 층; "held-out" (images 9000–9999, never trained on) is 검증용.
 */
export const en = {
  'class.0': 'T-shirt/top',
  'class.1': 'Trouser',
  'class.2': 'Pullover',
  'class.3': 'Dress',
  'class.4': 'Coat',
  'class.5': 'Sandal',
  'class.6': 'Shirt',
  'class.7': 'Sneaker',
  'class.8': 'Bag',
  'class.9': 'Ankle boot',

  'curves.heading': 'Loss and accuracy',
  'curves.lossAxis': 'loss (log scale)',
  'curves.accuracyAxis': 'accuracy',
  'curves.epochAxis': 'epoch',
  'curves.trainBatch': 'training, each batch',
  'curves.trainSmoothed': 'training, smoothed',
  'curves.heldOut': 'held-out, each epoch',
  'curves.lossChart': 'Loss by epoch',
  'curves.accuracyChart': 'Accuracy by epoch',
  'curves.waiting': 'The curves start with the first batch.',
  'curves.hint':
    'The training values are measured on each batch as the weights change; the 1,000 held-out images are never trained on and are measured at the end of each epoch.',

  'filters.heading': 'First layer’s filters',
  'filters.filter': 'Filter {n}',
  'filters.tile': 'Filter {n}, {kh} × {kw}: values {min} to {max}',
  'filters.scale': 'One colour scale for all filters: blue < 0 < red, up to ±{limit}',
  'filters.cellTitle': 'row {row}, column {col}: {value}',
  'filters.waiting': 'The filters appear when training starts.',

  'follow.heading': 'Every layer’s maps for one image',
  'follow.image': 'Image {index}: {name}',
  'follow.imageAlt': 'Fashion-MNIST image {index}, a {name}, 28 × 28 pixels',
  'follow.predicted': 'the model says: {name}',
  'follow.layer': 'Layer {n}: {count} maps of {height} × {width}',
  'follow.map': 'Layer {layer}, map {map}',
  'follow.mapValues': 'Layer {layer}, map {map}: values {min} to {max}',
  'follow.normalised':
    'Each map is scaled on its own, black at its lowest value and white at its highest, so a faint map is not lost next to a strong one.',
  'follow.pickHeading': 'Follow another held-out image',
  'follow.pick': 'Follow image {index}: {name}',
  'follow.waiting': 'The maps appear when training starts.',

  'confusion.heading': 'Confusion matrix',
  'confusion.caption':
    'Held-out images ({total}): rows are the true class, columns what the model said. Overall accuracy {accuracy}.',
  'confusion.trueClass': 'True class',
  'confusion.predicted': 'Predicted',
  'confusion.classAccuracy': 'Accuracy',
  'confusion.cell': '{count} {truth} taken for {said}',
  'confusion.correct': '{count} of {total} {truth} right',

  'mistakes.heading': 'Mistakes',
  // A no-break space before the dot: a narrow caption breaks after it, never before.
  'mistakes.caption': 'true: {truth}\u00a0· said: {said}',
  'mistakes.alt': 'Image {index}: a {truth} the model took for a {said}',
  'mistakes.count': 'Held-out images the model got wrong: {shown} shown.',
  'mistakes.none': 'No mistakes on the held-out images.',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'class.0': '티셔츠/탑',
  'class.1': '바지',
  'class.2': '풀오버',
  'class.3': '드레스',
  'class.4': '코트',
  'class.5': '샌들',
  'class.6': '셔츠',
  'class.7': '스니커즈',
  'class.8': '가방',
  'class.9': '앵클 부츠',

  'curves.heading': '손실과 정확도',
  'curves.lossAxis': '손실 (로그 눈금)',
  'curves.accuracyAxis': '정확도',
  'curves.epochAxis': '에포크',
  'curves.trainBatch': '학습, 배치마다',
  'curves.trainSmoothed': '학습, 평활',
  'curves.heldOut': '검증용, 에포크마다',
  'curves.lossChart': '에포크별 손실',
  'curves.accuracyChart': '에포크별 정확도',
  'curves.waiting': '첫 배치부터 곡선이 그려집니다.',
  'curves.hint':
    '학습 값은 가중치가 바뀌는 동안 배치마다 잰 값입니다. 검증용 이미지 1,000장은 학습에 쓰지 않으며 에포크가 끝날 때마다 잽니다.',

  'filters.heading': '1층의 필터',
  'filters.filter': '필터 {n}',
  'filters.tile': '필터 {n}, {kh} × {kw}: 값 {min}부터 {max}까지',
  'filters.scale': '모든 필터에 같은 색 눈금: 파랑 < 0 < 빨강, ±{limit}까지',
  'filters.cellTitle': '{row}행 {col}열: {value}',
  'filters.waiting': '학습이 시작되면 필터가 나타납니다.',

  'follow.heading': '이미지 하나에 대한 모든 층의 특성 맵',
  'follow.image': '이미지 {index}: {name}',
  'follow.imageAlt': 'Fashion-MNIST 이미지 {index}, {name}, 28 × 28 픽셀',
  'follow.predicted': '모델의 예측: {name}',
  'follow.layer': '{n}층: {height} × {width} 특성 맵 {count}개',
  'follow.map': '{layer}층, 특성 맵 {map}',
  'follow.mapValues': '{layer}층, 특성 맵 {map}: 값 {min}부터 {max}까지',
  'follow.normalised':
    '맵마다 따로 눈금을 맞춥니다: 가장 작은 값이 검정, 가장 큰 값이 흰색이라 약한 맵도 강한 맵 옆에서 묻히지 않습니다.',
  'follow.pickHeading': '다른 검증용 이미지 따라가기',
  'follow.pick': '이미지 {index} 따라가기: {name}',
  'follow.waiting': '학습이 시작되면 특성 맵이 나타납니다.',

  'confusion.heading': '혼동 행렬',
  'confusion.caption':
    '검증용 이미지 {total}장: 행은 정답 클래스, 열은 모델의 예측입니다. 전체 정확도 {accuracy}.',
  'confusion.trueClass': '정답 클래스',
  'confusion.predicted': '예측',
  'confusion.classAccuracy': '정확도',
  'confusion.cell': '{truth} {count}장을 {said}(으)로 예측',
  'confusion.correct': '{truth} {total}장 중 {count}장 정답',

  'mistakes.heading': '틀린 예',
  'mistakes.caption': '정답: {truth}\u00a0· 예측: {said}',
  'mistakes.alt': '이미지 {index}: 모델이 {said}(으)로 본 {truth}',
  'mistakes.count': '모델이 틀린 검증용 이미지: {shown}장을 보여 줍니다.',
  'mistakes.none': '검증용 이미지에서 틀린 것이 없습니다.',
};
