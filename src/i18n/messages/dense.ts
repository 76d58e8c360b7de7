/** Strings of dense against convolution (src/components/dense/). */
export const en = {
  'dense.region': 'Dense against convolution',
  'dense.why':
    'A Dense layer gives every value of its input its own weight in every unit and ties nothing to a position, so its weights grow with the image. A filter’s weights are shared by every position of the image, so the convolution’s do not. The notes (문제점 2): “500 x 500의 이미지가 은닉층 하나를 거칠 때 Weight 250,000개가 필요하다”.',
  'dense.inputImage': 'Layer {n} reads the image: {h} × {w} × {c}, flattened into {values} values.',
  'dense.inputMaps':
    'Layer {n} reads the {c} maps of layer {before}: {h} × {w} × {c}, flattened into {values} values.',
  'dense.units': 'Dense units',
  'dense.unitsTyped': 'Dense units (type a number)',
  'dense.unitsValue': '{n} units',
  'dense.unitsOne': '1 unit',
  'dense.unitsRange': '1 to {max}; the slider is on a log scale',
  'dense.row.dense': 'Dense layer on layer {layer}’s input, N = {n} units',
  'dense.row.conv': 'This convolution (layer {layer})',
  'dense.row.notes': 'The notes’ example: 500 × 500 × 1 image, 1 unit',
  'dense.formula.dense': 'H·W·C·N + N',
  'dense.formula.conv': 'kh·kw·C·F + F',
  'dense.formula.depthwise': 'kh·kw·C·F + C·F (a bias per map)',
  'dense.times': '×{ratio} the convolution',
  'dense.same': 'the convolution itself',
  'dense.chartText': 'Parameters on a log scale: {items}.',
  'dense.bar.dense': 'Dense, N = {n}',
  'dense.bar.conv': 'This convolution',
  'dense.bar.notes': 'Notes: 500 × 500, 1 unit',
  'dense.noImage': 'Load an image to compare its Dense layer with the convolution.',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'dense.region': 'Dense와 합성곱 비교',
  'dense.why':
    'Dense 층은 입력의 모든 값에 유닛마다 각자의 가중치를 주고 위치를 전혀 묶지 않으므로, 가중치가 이미지 크기와 함께 늘어납니다. 필터의 가중치는 이미지의 모든 위치가 함께 쓰므로 합성곱의 가중치는 늘지 않습니다. 노트의 문제점 2: “500 x 500의 이미지가 은닉층 하나를 거칠 때 Weight 250,000개가 필요하다”.',
  'dense.inputImage': '{n}층은 이미지를 읽습니다: {h} × {w} × {c}, 펼치면 값 {values}개입니다.',
  'dense.inputMaps':
    '{n}층은 {before}층의 특성 맵 {c}개를 읽습니다: {h} × {w} × {c}, 펼치면 값 {values}개입니다.',
  'dense.units': 'Dense 유닛 수',
  'dense.unitsTyped': 'Dense 유닛 수 (직접 입력)',
  'dense.unitsValue': '유닛 {n}개',
  'dense.unitsOne': '유닛 1개',
  'dense.unitsRange': '1부터 {max}까지, 슬라이더는 로그 눈금입니다',
  'dense.row.dense': '{layer}층의 입력을 받는 Dense 층, 유닛 N = {n}개',
  'dense.row.conv': '이 합성곱 ({layer}층)',
  'dense.row.notes': '노트의 예: 500 × 500 × 1 이미지, 유닛 1개',
  'dense.formula.dense': 'H·W·C·N + N',
  'dense.formula.conv': 'kh·kw·C·F + F',
  'dense.formula.depthwise': 'kh·kw·C·F + C·F (특성 맵마다 편향 하나)',
  'dense.times': '합성곱의 ×{ratio}',
  'dense.same': '합성곱 자신',
  'dense.chartText': '로그 눈금의 파라미터 수: {items}.',
  'dense.bar.dense': 'Dense, N = {n}',
  'dense.bar.conv': '이 합성곱',
  'dense.bar.notes': '노트: 500 × 500, 유닛 1개',
  'dense.noImage': '이미지를 불러오면 그 Dense 층과 합성곱을 비교합니다.',
};
