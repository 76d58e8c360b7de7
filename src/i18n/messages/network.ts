/**
 * The network view: the "Network" panel (layers, add, remove), a deeper layer's input and what it feeds
 * on, the layer regions of the results (receptive field, small multiples) and a deeper kernel's slices.
 * Korean uses the course notes' terms: 층 (layer), 특성 맵, 최대 풀링, 평균 풀링, 수용 영역.
 */
export const en = {
  'network.heading': 'Network',
  'network.intro':
    'Layers stacked: each one’s result feeds the next. The filters and settings below edit the layer chosen here.',
  'network.layer': 'Layer {n}',
  'network.edit': 'Edit layer {n}',
  'network.summary': '{kh}×{kw}×{f}',
  'network.summaryFeeds': '{kh}×{kw}×{f} → {feed}',
  'network.feedShort.maxpool': 'pool',
  'network.feedShort.avgpool': 'avg pool',
  'network.feedShort.conv': 'maps',
  'network.add': 'Add layer',
  'network.addHint': 'Adds a layer after the last: a 3 × 3 kernel on every map fed in, ReLU, 2 × 2 pooling.',
  'network.full': 'A network holds at most {max} layers: remove one to add another.',
  'network.remove': 'Remove layer {n}',

  'network.kernelHeading': 'Layer {n} filters',
  'network.layerHeading': 'Layer {n} settings',
  'network.input': 'Input: {c} maps from layer {n} ({what})',
  'network.inputOne': 'Input: 1 map from layer {n} ({what})',
  'network.inputFrom.maxpool': 'its max pooling',
  'network.inputFrom.avgpool': 'its average pooling',
  'network.inputFrom.conv': 'its feature maps',
  'network.inputHint':
    'Each filter sums over all {c} input maps, as a Conv2D layer does: one feature map per filter.',
  'network.feeds': 'Feeds the next layer',
  'network.feeds.maxpool': 'Max pooling',
  'network.feeds.avgpool': 'Average pooling',
  'network.feeds.conv': 'Feature maps',
  'network.feedsHint.maxpool': 'Layer {n} reads the max-pooled maps: smaller, and it sees more of the image.',
  'network.feedsHint.avgpool': 'Layer {n} reads the average-pooled maps: smaller and smoother.',
  'network.feedsHint.conv': 'Layer {n} reads the feature maps themselves, after the activation, unpooled.',

  'network.inputMap': 'Input map',
  'network.inputMapOption': 'Input map {c}',
  'network.cell': 'Filter {f} row {r} column {c} input map {k}',
  'network.sliceLabel': 'Input map {k} weights of filter {f}',
  'network.kernel2D':
    'One {kh} × {kw} kernel on every one of the {c} input maps, summed into one feature map; a preset applies to every input map.',
  'network.kernel3D':
    'This filter has its own {kh} × {kw} slice for each of the {c} input maps ({kh} × {kw} × {c}): choose the input map whose slice to edit.',

  'network.receptiveField': 'Receptive field {h} × {w}',
  'network.fieldMeaning': 'input pixels one pixel of these feature maps sees',
  'network.fieldChain': 'r per axis {chain}',
  'network.fieldRows': 'rows {chain}',
  'network.fieldColumns': 'columns {chain}',
  'network.pooledStep': '{r} (pooled)',
  'network.featureMap': 'Layer {n} feature map {m}',
  'network.maxPool': 'Layer {n} max pooling {m}',
  'network.avgPool': 'Layer {n} average pooling {m}',
  'network.preActivation': 'Layer {n} before activation {m}',
  'network.stageMaps': '{maps} maps of {shape}',
  'network.stageMap': 'one map of {shape}',
  'network.feedsNext': 'feeds layer {n}',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'network.heading': '네트워크',
  'network.intro':
    '층을 쌓습니다: 각 층의 결과가 다음 층의 입력이 됩니다. 아래의 필터와 설정은 여기서 고른 층을 편집합니다.',
  'network.layer': '{n}층',
  'network.edit': '{n}층 편집',
  'network.summary': '{kh}×{kw}×{f}',
  'network.summaryFeeds': '{kh}×{kw}×{f} → {feed}',
  'network.feedShort.maxpool': '풀링',
  'network.feedShort.avgpool': '평균 풀링',
  'network.feedShort.conv': '특성 맵',
  'network.add': '층 추가',
  'network.addHint':
    '마지막 층 뒤에 층을 하나 더합니다: 들어오는 모든 맵에 같은 3 × 3 커널, ReLU, 2 × 2 풀링.',
  'network.full': '네트워크에는 층을 최대 {max}개까지 쌓을 수 있습니다: 하나를 지워야 더할 수 있습니다.',
  'network.remove': '{n}층 삭제',

  'network.kernelHeading': '{n}층 필터',
  'network.layerHeading': '{n}층 설정',
  'network.input': '입력: {n}층의 맵 {c}개 ({what})',
  'network.inputOne': '입력: {n}층의 맵 1개 ({what})',
  'network.inputFrom.maxpool': '최대 풀링 결과',
  'network.inputFrom.avgpool': '평균 풀링 결과',
  'network.inputFrom.conv': '특성 맵',
  'network.inputHint': '각 필터는 입력 맵 {c}개 모두에 대해 더합니다 (Conv2D 층처럼): 필터마다 특성 맵 하나.',
  'network.feeds': '다음 층에 넘기는 결과',
  'network.feeds.maxpool': '최대 풀링',
  'network.feeds.avgpool': '평균 풀링',
  'network.feeds.conv': '특성 맵',
  'network.feedsHint.maxpool': '{n}층은 최대 풀링한 맵을 읽습니다: 더 작고, 이미지를 더 넓게 봅니다.',
  'network.feedsHint.avgpool': '{n}층은 평균 풀링한 맵을 읽습니다: 더 작고 더 부드럽습니다.',
  'network.feedsHint.conv': '{n}층은 풀링하지 않은 특성 맵 (활성화 후)을 그대로 읽습니다.',

  'network.inputMap': '입력 맵',
  'network.inputMapOption': '입력 맵 {c}',
  'network.cell': '필터 {f} 행 {r} 열 {c} 입력 맵 {k}',
  'network.sliceLabel': '필터 {f}의 입력 맵 {k} 가중치',
  'network.kernel2D':
    '{kh} × {kw} 커널 하나를 입력 맵 {c}개 모두에 적용하고 더해 특성 맵 하나를 만듭니다. 프리셋도 모든 입력 맵에 적용됩니다.',
  'network.kernel3D':
    '이 필터는 입력 맵 {c}개마다 {kh} × {kw} 조각을 따로 가집니다 ({kh} × {kw} × {c}): 편집할 입력 맵을 고르세요.',

  'network.receptiveField': '수용 영역 {h} × {w}',
  'network.fieldMeaning': '이 특성 맵의 한 픽셀이 보는 입력 픽셀',
  'network.fieldChain': '축마다 r: {chain}',
  'network.fieldRows': '행 {chain}',
  'network.fieldColumns': '열 {chain}',
  'network.pooledStep': '{r} (풀링)',
  'network.featureMap': '{n}층 특성 맵 {m}',
  'network.maxPool': '{n}층 최대 풀링 {m}',
  'network.avgPool': '{n}층 평균 풀링 {m}',
  'network.preActivation': '{n}층 활성화 전 {m}',
  'network.stageMaps': '{shape} 맵 {maps}개',
  'network.stageMap': '{shape} 맵 1개',
  'network.feedsNext': '{n}층의 입력',
};
