/**
 * A small 3-layer network for the engine's tests (2, 3 and 2 filters, one of them kh x kw x C; replicate
 * padding, a pooling of stride 1), as JSON layers: a fresh copy each call, for a test to edit.
 */
export type LayerJson = Record<string, unknown> & { filters: Array<Record<string, unknown>> };

export function threeLayers(): LayerJson[] {
  return [
    {
      filters: [
        {
          weights: [
            [1, 0, -1],
            [2, 0, -2],
            [1, 0, -1],
          ],
        },
        {
          weights: [
            [0, 1, 0],
            [1, -4, 1],
            [0, 1, 0],
          ],
          bias: 2,
        },
      ],
      padding: 'same',
      activation: 'relu',
      output: 'conv',
    },
    {
      filters: [
        {
          weights: [
            [1, 2],
            [3, 4],
          ],
        },
        {
          weights: [
            [-1, 0],
            [0, 1],
          ],
          bias: -1,
        },
        {
          weights: [
            [
              [1, -1],
              [0, 2],
            ],
            [
              [0.5, 0],
              [1, 1],
            ],
          ],
        },
      ],
      padding: [0, 1, 0, 1],
      padMode: 'replicate',
      activation: 'abs',
      pool: { size: [2, 2], stride: [1, 1] },
    },
    {
      filters: [
        {
          weights: [
            [1, 0],
            [0, -1],
          ],
        },
        {
          weights: [
            [0, 1],
            [1, 0],
          ],
          bias: 3,
        },
      ],
      activation: 'relu',
    },
  ];
}
