/**
 * The Keras and PyTorch snippets: the lines that carry the meaning (layouts, padding a framework cannot
 * express, depthwise layers, the flip, activations, SAME pooling). The PyTorch code is run in
 * pytorch-layer.test.ts; here no Python is run.
 */
import { describe, expect, it } from 'vitest';
import { layerGeometry, parseSpec } from '../../src/core/index.ts';
import { generateCode, type CodeLanguage } from '../../src/codegen/index.ts';
import { filtersLiteral, num, tuple } from '../../src/codegen/format.ts';

const IMAGE = { file: 'fashion-mnist-9.png', label: 'Fashion-MNIST 9: Ankle boot', crop: null };

function code(language: CodeLanguage, spec: unknown, height = 28, width = 28): string {
  const parsed = parseSpec(spec);
  return generateCode(language, parsed, layerGeometry(parsed, height, width), IMAGE);
}

describe('formatting', () => {
  it('writes numbers as short literals and tuples the Python way', () => {
    expect(num(-0)).toBe('0');
    expect(num(2)).toBe('2');
    expect(num(1 / 9)).toBe('0.111111111');
    expect(tuple([3])).toBe('(3,)');
    expect(tuple([2, 1])).toBe('(2, 1)');
  });

  it('writes filters one row per line, right-aligned', () => {
    expect(
      filtersLiteral(
        [
          [
            [-1, 10],
            [2, 0],
          ],
        ],
        '',
        '  ',
        '#',
      ),
    ).toBe('# filter 1\n[\n  [-1, 10],\n  [ 2,  0],\n],');
  });
});

describe('Keras', () => {
  it('the 7 × 7 course example: Conv2D with set_weights, VALID, 22 × 22', () => {
    const k = code('keras', { padding: 'valid', filters: [{ weights: Array(7).fill(Array(7).fill(1)) }] });
    expect(k).toContain(
      "conv = layers.Conv2D(filters=1, kernel_size=(7, 7), strides=(1, 1), padding='valid', dilation_rate=(1, 1), activation=None)",
    );
    expect(k).toContain('conv.set_weights([kernel, bias])');
    expect(k).toContain(
      'kernel = filters[..., np.newaxis].transpose(1, 2, 3, 0)  # Conv2D: (kh, kw, C_in, F) = (7, 7, 1, 1)',
    );
    expect(k).toContain('print(y.shape)  # (1, 22, 22, 1)');
    expect(k).toContain("layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding='valid')(y)");
    expect(k).toContain('print(max_pool.shape, avg_pool.shape)  # (1, 11, 11, 1)');
    expect(k).toContain('0..255 (not 0..1');
  });

  it('relu goes into Conv2D, clip is a ReLU capped at 255, abs is applied after', () => {
    expect(code('keras', { activation: 'relu' })).toContain("activation='relu')");
    expect(code('keras', { activation: 'clip' })).toContain('layers.ReLU(max_value=255.0)(y)');
    expect(code('keras', { activation: 'abs' })).toContain('y = np.abs(y)');
  });

  it('reflect and replicate padding are done with np.pad, explicit zeros with ZeroPadding2D', () => {
    const reflect = code('keras', { padMode: 'reflect', padding: 2 });
    expect(reflect).toContain("x = np.pad(x, ((0, 0), (2, 2), (2, 2), (0, 0)), mode='reflect')");
    expect(reflect).toContain("padding='valid'");
    expect(code('keras', { padMode: 'replicate' })).toContain("mode='edge')");
    expect(code('keras', { padding: [0, 1, 2, 3] })).toContain(
      'x = layers.ZeroPadding2D(padding=((0, 1), (2, 3)))(x)',
    );
  });

  it('stride and dilation together: dense conv then every s-th row and column', () => {
    const k = code('keras', { stride: 2, dilation: 2, padding: 'valid' });
    expect(k).toContain('strides=(1, 1)');
    expect(k).toContain('dilation_rate=(2, 2)');
    expect(k).toContain('y = y[:, ::2, ::2]');
    expect(k).toContain('# (1, 12, 12, 1)');
  });

  it('rgb: 3-channel filters; rgb-per-channel: DepthwiseConv2D, tiled biases, reordered maps', () => {
    const rgb = code('keras', { channels: 'rgb' }, 300, 451);
    expect(rgb).toContain('np.repeat(filters[..., np.newaxis], 3, axis=3).transpose(1, 2, 3, 0)');
    expect(rgb).toContain('(kh, kw, C_in, F) = (3, 3, 3, 1)');
    expect(rgb).not.toContain('luma');
    const dw = code('keras', {
      channels: 'rgb-per-channel',
      filters: [{ weights: [[1]] }, { weights: [[2]], bias: 1 }],
    });
    expect(dw).toContain('layers.DepthwiseConv2D(kernel_size=(1, 1)');
    expect(dw).toContain('depth_multiplier=2');
    expect(dw).toContain('conv.set_weights([kernel, np.tile(bias, 3)])');
    expect(dw).toContain('y = y[..., [0, 2, 4, 1, 3, 5]]');
  });

  it('flip rotates the emitted weights by 180° and says so', () => {
    const k = code('keras', {
      flip: true,
      filters: [
        {
          weights: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      padding: 'valid',
    });
    expect(k).toContain('rotated 180°');
    expect(k).toMatch(/\[4, 3\],\n\s*\[2, 1\],/);
  });
});

describe('PyTorch', () => {
  it('Conv2d with symmetric padding and padding_mode, weights as (F, C_in, kh, kw)', () => {
    const p = code('pytorch', {
      padMode: 'reflect',
      filters: [
        {
          weights: [
            [0, 0, 0],
            [0, 1, 0],
            [0, 0, 0],
          ],
        },
      ],
    });
    expect(p).toContain(
      "conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=(1, 1), padding_mode='reflect')",
    );
    expect(p).toContain(
      'weight = filters[..., np.newaxis].transpose(0, 3, 1, 2)  # Conv2d: (F, C_in, kh, kw) = (1, 1, 3, 3)',
    );
    expect(p).toContain('conv.weight.copy_(torch.from_numpy(weight))');
    expect(p).toContain('x = torch.from_numpy(x).permute(0, 3, 1, 2)  # NCHW (1, 1, 28, 28)');
    expect(p).toContain('print(y.shape)  # torch.Size([1, 1, 28, 28])');
  });

  it('SAME with stride 2 pads unevenly with F.pad (0 before, 1 after)', () => {
    const p = code('pytorch', { stride: 2, padMode: 'replicate' });
    expect(p).toContain('SAME: height 1 → 0 before, 1 after; width 1 → 0 before, 1 after');
    expect(p).toContain("x = F.pad(x, (0, 1, 0, 1), mode='replicate')");
    expect(p).toContain('padding=0');
    expect(p).toContain('torch.Size([1, 1, 14, 14])');
  });

  it('activations: F.relu, torch.abs, torch.clamp to 0..255', () => {
    expect(code('pytorch', { activation: 'relu' })).toContain('y = F.relu(y)');
    expect(code('pytorch', { activation: 'abs' })).toContain('y = torch.abs(y)');
    expect(code('pytorch', { activation: 'clip' })).toContain('y = torch.clamp(y, 0, 255)');
    expect(code('pytorch', {})).not.toMatch(/relu|clamp|abs\(/);
  });

  it('SAME pooling ignores padded cells: -inf for max, sum over real cells for average', () => {
    const p = code('pytorch', { padding: 'valid', pool: { size: 2, stride: 2, padding: 'same' } }, 29, 29);
    // 29 → 27 (valid 3 × 3) → SAME pool: ⌈27 / 2⌉ = 14, total 1 → 0 before, 1 after
    expect(p).toContain(
      "nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))(F.pad(y, (0, 1, 0, 1), value=float('-inf')))",
    );
    expect(p).toContain('window_sum = nn.AvgPool2d(kernel_size=(2, 2), stride=(2, 2), divisor_override=1)');
    expect(p).toContain('torch.Size([1, 1, 14, 14])');
  });

  it('rgb-per-channel is groups=3 with (3F, 1, kh, kw) weights and reordered maps', () => {
    const p = code('pytorch', {
      channels: 'rgb-per-channel',
      filters: [{ weights: [[1, 2]] }, { weights: [[3, 4]] }],
      padding: 'valid',
    });
    expect(p).toContain('groups=3');
    expect(p).toContain('out_channels=6');
    expect(p).toContain(
      'weight = np.repeat(filters[..., np.newaxis], 3, axis=3).transpose(3, 0, 1, 2).reshape(6, 1, 1, 2)',
    );
    expect(p).toContain('y = y[:, [0, 2, 4, 1, 3, 5]]');
  });
});
