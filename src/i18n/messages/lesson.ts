/** The first screen: the introduction, the folded sections' headings, the lesson path. */
export const en = {
  'intro.heading': 'What this page shows',
  'intro.text':
    'A filter (kernel) slides over the image; each pixel of the feature map is the sum of the filter’s weights times the pixels under it, and pooling then shrinks the map. Try another kernel preset first, then the stride and the padding, and watch the shape under each picture change.',
  'intro.lesson': 'Start the lesson ({steps} steps)',
  'intro.hide': 'Hide the introduction',
  'lesson.menuDetail': 'the examples above, one step at a time, with what to look at',

  'fold.filter': 'Filter tools: operations, bias, flip, saved kernels',
  'fold.layer': 'More layer options: dilation, padding mode, activation',
  'fold.padded': 'Padded input: zeros, reflect, replicate',
  'fold.shrink': 'Stride against pooling, and moving the picture',
  'fold.dense': 'Dense against convolution: how many weights',
  'fold.numbers': 'The numbers: output size, shapes, parameters',
  'fold.code': 'Equivalent code: TensorFlow.js, Keras, PyTorch',

  'lesson.region': 'Lesson',
  'lesson.step': 'Step {step} of {steps}',
  'lesson.previous': 'Previous step',
  'lesson.next': 'Next step',
  'lesson.close': 'Close the lesson',

  'lesson.outputSize':
    'A 7 × 7 filter fits in 28 − 7 + 1 = 22 places along each axis, so the feature map is 22 × 22: (W − F + 2P) / S + 1 = (28 − 7 + 0) / 1 + 1. Each output pixel sums 49 products, which is why the boot looks blurred. Open “The numbers” to see the formula with these values.',
  'lesson.sobel27':
    'Two Sobel filters on a 27 × 27 image give two 25 × 25 maps, since (27 − 3) / 1 + 1 = 25. The first lights up horizontal edges, the second vertical ones, and the magnitude √(h² + v²) joins them into one outline. Pooling 25 by 2 drops the last row and column: 12 × 12.',
  'lesson.same':
    'SAME padding adds a ring of zeros around the image (one pixel for a 3 × 3 filter), so the map stays 28 × 28. Switch Padding to Valid and it shrinks to 26 × 26. Point at a corner of the map: the inspector shows the zeros it read.',
  'lesson.stride2':
    'With stride 2 the filter jumps two pixels at a time, so only every other position is computed: ⌈28 / 2⌉ = 14. The map is a coarser copy of the stride-1 map. Try stride 3: ⌈28 / 3⌉ = 10.',
  'lesson.pool':
    'Without padding the map is 26 × 26, and ReLU keeps only its positive values. A 2 × 2 window with stride 2 keeps the largest (max) or the mean (average) of each block: 13 × 13. Max pooling keeps the strongest edge of each block; average pooling softens it.',
  'lesson.flip':
    'This filter is not symmetric, so turning it 180° changes the result. With “Flip kernel” on, the page computes a true convolution and shows the flipped kernel; off, it computes the cross-correlation that CNN layers use. Toggle it under “Filter tools” and compare the maps.',
  'lesson.rgb':
    'A colour image has 3 channels, so the filter has one slice per channel: 3 × 3 × 3. The three slices’ results are summed into one feature map of 300 × 451. Switch Channels to Gray and the filter becomes 3 × 3 again.',
  'lesson.filters':
    'Four filters make four feature maps from the same image: Sobel x, Sobel y, a Laplacian and sharpen. In a Conv2D layer the number of filters is the number of output channels. Each map answers to a different pattern.',
  'lesson.relu':
    'ReLU, max(0, x), turns every negative value into 0 and passes the positive ones. The map before the activation is shown beside the one after: the blue (negative) edges are gone. A CNN puts such a nonlinearity after each convolution.',
  'lesson.stack3':
    'Three layers of 3 × 3 filters, each followed by 2 × 2 max pooling: a pixel of layer 1’s maps sees 3 × 3 pixels of the image, of layer 2’s 8 × 8, of layer 3’s 18 × 18. Each pooling doubles the jump j between neighbouring outputs, so each later 3 × 3 filter reaches further: r = 3 → 4 → 8 → 10 → 18. “The numbers” writes out every step; point at a layer-3 pixel to see its field on the image.',
  'lesson.smallCnn':
    'The small CNN of the notes: 8 filters of 3 × 3 with ReLU and 2 × 2 pooling, then 16 filters that each span the 8 maps, pooled again: 28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16. Layer 2 holds 3 · 3 · 8 · 16 = 1,152 weights and 16 biases, and does 14 · 14 · 16 · 72 = 225,792 multiply-adds. “The numbers” lists every layer’s shapes and cost, and the code builds the same network.',
  'lesson.window':
    'The sliding window stands at row 7, column 7 of the 14 × 14 feature map: the 3 × 3 window over the boot’s left edge, its nine products and their sum written out with the real numbers. Step forward and it jumps 2 pixels right (the stride), at the end of a row 2 pixels down; SAME padding adds one row of zeros at the bottom and one column at the right. Play runs it; then the pooling window goes over the map the same way.',
  'lesson.shrink':
    'Three ways to get a 14 × 14 map from the 28 × 28 boot: a stride-2 convolution computes only every other position (a quarter of the multiply-adds), stride 1 then 2 × 2 max pooling keeps the strongest answer of each block, average pooling their mean. Move the picture by a pixel or more with the slider: the bars show how much each map changes, and where. The notes say pooling evens out a feature that moved: see how far that holds for a move of 1 pixel and of 2.',
  'lesson.dense':
    'Flattened, the 300 × 451 photo is 135,300 values, and a Dense layer gives each of them its own weight in every unit: 128 units need 300 · 451 · 1 · 128 + 128 = 17,318,528 parameters. The 3 × 3 filter needs 3 · 3 · 1 · 1 + 1 = 10 whatever the image’s size, because every position shares it. The notes’ example: a 500 × 500 image needs 250,000 weights for one hidden unit.',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'intro.heading': '이 페이지가 보여주는 것',
  'intro.text':
    '필터(커널)가 이미지 위를 움직이며, 특성 맵의 각 픽셀은 필터의 가중치와 그 아래 픽셀을 곱해 더한 값입니다. 풀링은 특성 맵을 줄입니다. 먼저 다른 커널 프리셋을 골라 보고, 그다음 스트라이드와 패딩을 바꾸며 각 그림 아래의 크기가 어떻게 변하는지 보세요.',
  'intro.lesson': '단계별 학습 시작 ({steps}단계)',
  'intro.hide': '소개 숨기기',
  'lesson.menuDetail': '위의 예제를 한 단계씩, 무엇을 볼지 설명과 함께',

  'fold.filter': '필터 도구: 연산, 편향, 뒤집기, 저장한 커널',
  'fold.layer': '레이어 추가 설정: 팽창(dilation), 패딩 방식, 활성화 함수',
  'fold.padded': '패딩된 입력: 0, 반사, 가장자리 반복',
  'fold.shrink': '스트라이드와 풀링 비교, 그리고 이미지 이동',
  'fold.dense': 'Dense와 합성곱 비교: 가중치 개수',
  'fold.numbers': '숫자로 보기: 출력 크기, 텐서 모양, 파라미터',
  'fold.code': '같은 계산의 코드: TensorFlow.js, Keras, PyTorch',

  'lesson.region': '단계별 학습',
  'lesson.step': '{steps}단계 중 {step}단계',
  'lesson.previous': '이전 단계',
  'lesson.next': '다음 단계',
  'lesson.close': '학습 닫기',

  'lesson.outputSize':
    '7 × 7 필터는 각 축에서 28 − 7 + 1 = 22곳에 놓일 수 있어 특성 맵은 22 × 22입니다: (W − F + 2P) / S + 1 = (28 − 7 + 0) / 1 + 1. 출력 픽셀마다 49개의 곱을 더하므로 부츠가 흐리게 보입니다. “숫자로 보기”를 열면 이 값으로 쓴 공식을 볼 수 있습니다.',
  'lesson.sobel27':
    '27 × 27 이미지에 소벨 필터 두 개를 적용하면 (27 − 3) / 1 + 1 = 25이므로 25 × 25 특성 맵이 두 개 나옵니다. 첫 번째는 가로 경계, 두 번째는 세로 경계에 반응하고, 크기 √(h² + v²)는 둘을 합쳐 하나의 윤곽을 만듭니다. 25를 2로 풀링하면 마지막 행과 열이 버려져 12 × 12가 됩니다.',
  'lesson.same':
    'SAME 패딩은 이미지 둘레에 0을 한 줄(3 × 3 필터일 때) 채워 특성 맵이 28 × 28로 유지됩니다. 패딩을 Valid로 바꾸면 26 × 26으로 줄어듭니다. 특성 맵의 모서리를 가리키면 검사기가 읽은 0들을 보여줍니다.',
  'lesson.stride2':
    '스트라이드 2에서는 필터가 두 픽셀씩 이동하므로 한 칸 건너 위치만 계산됩니다: ⌈28 / 2⌉ = 14. 특성 맵은 스트라이드 1 결과를 성기게 옮긴 것입니다. 스트라이드 3도 해 보세요: ⌈28 / 3⌉ = 10.',
  'lesson.pool':
    '패딩이 없으면 특성 맵은 26 × 26이고, ReLU는 양수 값만 남깁니다. 스트라이드 2의 2 × 2 창은 블록마다 최댓값(최대 풀링) 또는 평균(평균 풀링)을 남겨 13 × 13이 됩니다. 최대 풀링은 블록에서 가장 강한 경계를 남기고, 평균 풀링은 부드럽게 만듭니다.',
  'lesson.flip':
    '이 필터는 대칭이 아니어서 180° 돌리면 결과가 달라집니다. “커널 뒤집기”를 켜면 진짜 합성곱을 계산하고 뒤집힌 커널을 보여주며, 끄면 CNN 레이어가 쓰는 교차 상관을 계산합니다. “필터 도구”에서 켜고 꺼 보며 특성 맵을 비교하세요.',
  'lesson.rgb':
    '컬러 이미지는 채널이 3개이므로 필터도 채널마다 한 장씩, 3 × 3 × 3입니다. 세 장의 결과를 더해 300 × 451 특성 맵 하나가 됩니다. 채널을 회색조로 바꾸면 필터는 다시 3 × 3이 됩니다.',
  'lesson.filters':
    '필터 네 개는 같은 이미지에서 특성 맵 네 개를 만듭니다: 소벨 x, 소벨 y, 라플라시안, 샤프닝. Conv2D 레이어에서 필터 수는 출력 채널 수입니다. 특성 맵마다 다른 패턴에 반응합니다.',
  'lesson.relu':
    'ReLU, max(0, x)는 음수를 모두 0으로 바꾸고 양수는 그대로 통과시킵니다. 활성화 전 특성 맵이 활성화 후 특성 맵 옆에 보이며, 파란(음수) 경계가 사라집니다. CNN은 합성곱마다 이런 비선형 함수를 둡니다.',
  'lesson.stack3':
    '3 × 3 필터 층 세 개, 각각 뒤에 2 × 2 최대 풀링: 1층 특성 맵의 픽셀 하나는 이미지의 3 × 3 픽셀을, 2층은 8 × 8, 3층은 18 × 18을 봅니다. 풀링마다 이웃한 출력 사이의 간격 j가 두 배가 되어 다음 3 × 3 필터가 더 멀리 닿습니다: r = 3 → 4 → 8 → 10 → 18. “숫자로 보기”에 모든 단계가 있고, 3층의 픽셀을 가리키면 이미지에서 그 수용 영역을 볼 수 있습니다.',
  'lesson.smallCnn':
    '강의 노트의 작은 CNN: 3 × 3 필터 8개와 ReLU, 2 × 2 풀링, 그다음 8개 맵을 모두 덮는 필터 16개와 다시 풀링: 28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16. 2층의 가중치는 3 · 3 · 8 · 16 = 1,152개, 편향은 16개이고, 곱셈-덧셈은 14 · 14 · 16 · 72 = 225,792번입니다. “숫자로 보기”에 층마다 모양과 연산량이 있고, 코드는 같은 네트워크를 만듭니다.',
  'lesson.window':
    '슬라이딩 윈도우가 14 × 14 특성 맵의 7행 7열에 멈춰 있습니다: 부츠의 왼쪽 경계 위의 3 × 3 윈도우와, 실제 값으로 쓴 9개의 곱과 그 합. 노트의 말처럼 “필터의 윈도우를 일정한 간격으로 이동해가면 계산”합니다: 한 단계 앞으로 가면 오른쪽으로 2픽셀(스트라이드), 행 끝에서는 2픽셀 아래로 이동합니다. SAME 패딩은 아래에 0의 행 하나, 오른쪽에 0의 열 하나를 더하고, 재생하면 윈도우가 계속 움직인 뒤 풀링 윈도우가 같은 방식으로 특성 맵을 지나갑니다.',
  'lesson.shrink':
    '28 × 28 부츠에서 14 × 14 특성 맵을 얻는 세 방법: 스트라이드 2 합성곱은 한 칸 건너 위치만 계산하고(곱셈-덧셈 4분의 1), 스트라이드 1 뒤의 2 × 2 최대 풀링은 블록마다 가장 강한 값을, 평균 풀링은 평균을 남깁니다. 슬라이더로 이미지를 1픽셀 이상 옮기면 막대가 각 특성 맵이 얼마나, 어디서 변하는지 보여줍니다. 노트는 풀링이 “위치가 달라지면서 다르게 해석되는 현상을 중화시켜준다”고 합니다: 1픽셀과 2픽셀 이동에서 얼마나 그런지 확인해 보세요.',
  'lesson.dense':
    '300 × 451 사진을 펼치면 값 135,300개이고, Dense 층은 유닛마다 그 모든 값에 각자의 가중치를 줍니다: 유닛 128개면 300 · 451 · 1 · 128 + 128 = 17,318,528개의 파라미터가 필요합니다. 3 × 3 필터는 모든 위치가 함께 쓰므로 이미지 크기와 상관없이 3 · 3 · 1 · 1 + 1 = 10개입니다. 노트의 문제점 2: “500 x 500의 이미지가 은닉층 하나를 거칠 때 Weight 250,000개가 필요하다”.',
};
