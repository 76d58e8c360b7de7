/**
 * Drawing tfjs webgl textures onto 2-D canvases without leaving the GPU.
 *
 * We borrow the webgl backend's own WebGL2 context: a tensor's texture (from `dataToGPU`) is only valid
 * there. A full-screen triangle with a tiny fragment shader writes the pixels into the top-left corner
 * of that context's default framebuffer (its canvas, which tfjs never draws to), and the caller then
 * `drawImage`s that canvas region into the target canvas: a GPU-to-GPU copy in Chrome.
 *
 * tfjs keeps GL state between its programs (its framebuffer stays bound, SCISSOR_TEST and CULL_FACE
 * stay enabled, textures stay on their units), so every draw saves all the state it touches and
 * restores it before returning; tests check that tfjs results are unchanged after a draw.
 */
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { colormapLut, LUT_SIZE, type ColormapName } from './colormap.ts';

const VERTEX_SHADER = `#version 300 es
// A triangle that covers the viewport, from gl_VertexID alone: no buffers, no attributes.
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
`;

const FRAGMENT_HEADER = `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
// Row of the default framebuffer that holds image row 0 (GL counts rows from the bottom).
uniform int u_top;
out vec4 outColor;
`;

/** An [H, W, 4] RGBA tensor decoded densely with texShape [H, W]: texel (x, y) is pixel (x, y). */
const RGBA_FRAGMENT = `${FRAGMENT_HEADER}
uniform sampler2D u_rgba;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec4 c = texelFetch(u_rgba, ivec2(p.x, u_top - p.y), 0);
  outColor = vec4(clamp(c.rgb, 0.0, 1.0), 1.0);
}
`;

/** Rows of the colour-map texture: row i holds LUT_ROWS[i]'s lookup table from colormap.ts. */
export const LUT_ROWS: readonly ColormapName[] = ['diverging', 'gray'];
const LUT_WIDTH = Math.max(...LUT_ROWS.map((name) => LUT_SIZE[name]));

/**
 * An [H, W] map decoded densely (4 consecutive values per texel, row-major, u_texCols texels a row)
 * plus a 1x1 texture holding [scale, offset]: colorize.ts's formula, fused, reading the very same
 * lookup tables (as an RGBA8 texture), so both paths give the same bytes.
 */
const MAP_FRAGMENT = `${FRAGMENT_HEADER}
uniform sampler2D u_map;
uniform sampler2D u_params;
uniform sampler2D u_lut;
uniform int u_width;
uniform int u_texCols;
uniform int u_abs;
uniform int u_lutRow;
uniform float u_lutLast;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int index = (u_top - p.y) * u_width + p.x;
  int texel = index >> 2;
  float v = texelFetch(u_map, ivec2(texel % u_texCols, texel / u_texCols), 0)[index & 3];
  if (u_abs == 1) v = abs(v);
  vec2 affine = texelFetch(u_params, ivec2(0, 0), 0).xy;
  float k = clamp(roundEven(v * affine.x + affine.y), 0.0, u_lutLast);
  outColor = vec4(texelFetch(u_lut, ivec2(int(k), u_lutRow), 0).rgb, 1.0);
}
`;

interface Program {
  program: WebGLProgram;
  uniforms: Map<string, WebGLUniformLocation>;
}

interface Resources {
  vao: WebGLVertexArrayObject;
  lut: WebGLTexture;
  rgba: Program;
  map: Program;
}

const resourcesByContext = new WeakMap<WebGL2RenderingContext, Resources>();

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('WebGL could not create a shader (context lost?)');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    const log = gl.getShaderInfoLog(shader);
    gl.deleteShader(shader);
    throw new Error(`renderer shader did not compile: ${log ?? ''}`);
  }
  return shader;
}

function link(gl: WebGL2RenderingContext, fragment: string, uniformNames: readonly string[]): Program {
  const program = gl.createProgram();
  if (!program) throw new Error('WebGL could not create a program (context lost?)');
  const vs = compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
  const fs = compile(gl, gl.FRAGMENT_SHADER, fragment);
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
    throw new Error(`renderer program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
  }
  const uniforms = new Map<string, WebGLUniformLocation>();
  for (const name of uniformNames) {
    const location = gl.getUniformLocation(program, name);
    if (location) uniforms.set(name, location);
  }
  return { program, uniforms };
}

/** The colour maps' lookup tables as one RGBA8 texture, LUT_WIDTH x LUT_ROWS.length, made once. */
function createLutTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const bytes = new Uint8Array(LUT_WIDTH * LUT_ROWS.length * 4);
  LUT_ROWS.forEach((name, row) => {
    const lut = colormapLut(name);
    for (let i = 0; i < lut.length; i++) bytes[row * LUT_WIDTH * 4 + i] = Math.round((lut[i] ?? 0) * 255);
  });
  const texture = gl.createTexture();
  if (!texture) throw new Error('WebGL could not create a texture (context lost?)');
  // tfjs never changes the unpack state, but a texture upload depends on it: pin it and put it back.
  const saved = {
    active: gl.getParameter(gl.ACTIVE_TEXTURE) as number,
    unpackBuffer: gl.getParameter(gl.PIXEL_UNPACK_BUFFER_BINDING) as WebGLBuffer | null,
    alignment: gl.getParameter(gl.UNPACK_ALIGNMENT) as number,
    flipY: gl.getParameter(gl.UNPACK_FLIP_Y_WEBGL) as boolean,
    premultiply: gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean,
  };
  gl.activeTexture(gl.TEXTURE0);
  const savedTexture = gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null;
  try {
    gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, null);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(
      gl.TEXTURE_2D,
      0,
      gl.RGBA8,
      LUT_WIDTH,
      LUT_ROWS.length,
      0,
      gl.RGBA,
      gl.UNSIGNED_BYTE,
      bytes,
    );
  } finally {
    gl.bindTexture(gl.TEXTURE_2D, savedTexture);
    gl.activeTexture(saved.active);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, saved.premultiply);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, saved.flipY);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, saved.alignment);
    gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, saved.unpackBuffer);
  }
  return texture;
}

function resourcesFor(gl: WebGL2RenderingContext): Resources {
  let resources = resourcesByContext.get(gl);
  if (!resources) {
    const vao = gl.createVertexArray();
    if (!vao) throw new Error('WebGL could not create a vertex array (context lost?)');
    resources = {
      vao,
      lut: createLutTexture(gl),
      rgba: link(gl, RGBA_FRAGMENT, ['u_top', 'u_rgba']),
      map: link(gl, MAP_FRAGMENT, [
        'u_top',
        'u_map',
        'u_params',
        'u_width',
        'u_texCols',
        'u_abs',
        'u_lut',
        'u_lutRow',
        'u_lutLast',
      ]),
    };
    resourcesByContext.set(gl, resources);
    // A lost context takes every GL object with it; if it is ever restored, build afresh.
    gl.canvas.addEventListener('webglcontextlost', () => resourcesByContext.delete(gl), { once: true });
  }
  return resources;
}

/** The backend's context if it is a usable WebGL2 one (the GPU path needs texelFetch). */
export function webgl2Of(backend: MathBackendWebGL): WebGL2RenderingContext | null {
  const gl = backend.gpgpu.gl as unknown;
  if (typeof WebGL2RenderingContext === 'undefined' || !(gl instanceof WebGL2RenderingContext)) return null;
  return gl;
}

/** Everything a draw changes, as it was before. */
interface SavedState {
  drawFramebuffer: WebGLFramebuffer | null;
  readFramebuffer: WebGLFramebuffer | null;
  program: WebGLProgram | null;
  vao: WebGLVertexArrayObject | null;
  activeTexture: number;
  textures: (WebGLTexture | null)[];
  samplers: (WebGLSampler | null)[];
  viewport: Int32Array;
  scissorBox: Int32Array;
  colorMask: boolean[];
  enabled: [number, boolean][];
}

const TOGGLED_CAPABILITIES = (gl: WebGL2RenderingContext): number[] => [
  gl.SCISSOR_TEST,
  gl.CULL_FACE,
  gl.BLEND,
  gl.DEPTH_TEST,
  gl.STENCIL_TEST,
  gl.RASTERIZER_DISCARD,
];

function saveState(gl: WebGL2RenderingContext, units: number): SavedState {
  const activeTexture = gl.getParameter(gl.ACTIVE_TEXTURE) as number;
  const textures: (WebGLTexture | null)[] = [];
  const samplers: (WebGLSampler | null)[] = [];
  for (let unit = 0; unit < units; unit++) {
    gl.activeTexture(gl.TEXTURE0 + unit);
    textures.push(gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null);
    samplers.push(gl.getParameter(gl.SAMPLER_BINDING) as WebGLSampler | null);
  }
  gl.activeTexture(activeTexture);
  return {
    drawFramebuffer: gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null,
    readFramebuffer: gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null,
    program: gl.getParameter(gl.CURRENT_PROGRAM) as WebGLProgram | null,
    vao: gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null,
    activeTexture,
    textures,
    samplers,
    viewport: gl.getParameter(gl.VIEWPORT) as Int32Array,
    scissorBox: gl.getParameter(gl.SCISSOR_BOX) as Int32Array,
    colorMask: gl.getParameter(gl.COLOR_WRITEMASK) as boolean[],
    enabled: TOGGLED_CAPABILITIES(gl).map((cap) => [cap, gl.isEnabled(cap)]),
  };
}

function restoreState(gl: WebGL2RenderingContext, saved: SavedState): void {
  for (const [cap, on] of saved.enabled) {
    if (on) gl.enable(cap);
    else gl.disable(cap);
  }
  const [r = true, g = true, b = true, a = true] = saved.colorMask;
  gl.colorMask(r, g, b, a);
  const [sx = 0, sy = 0, sw = 0, sh = 0] = saved.scissorBox;
  gl.scissor(sx, sy, sw, sh);
  const [vx = 0, vy = 0, vw = 0, vh = 0] = saved.viewport;
  gl.viewport(vx, vy, vw, vh);
  saved.textures.forEach((texture, unit) => {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.bindSampler(unit, saved.samplers[unit] ?? null);
  });
  gl.activeTexture(saved.activeTexture);
  gl.bindVertexArray(saved.vao);
  gl.useProgram(saved.program);
  gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, saved.drawFramebuffer);
  gl.bindFramebuffer(gl.READ_FRAMEBUFFER, saved.readFramebuffer);
}

/**
 * Grows the context's canvas (never shrinks: reallocating the drawing buffer per size would cost more
 * than the spare pixels) and reports whether a width x height region fits in its drawing buffer.
 */
function ensureCanvasSize(gl: WebGL2RenderingContext, width: number, height: number): boolean {
  const canvas = gl.canvas;
  if (canvas.width < width) canvas.width = width;
  if (canvas.height < height) canvas.height = height;
  return gl.drawingBufferWidth >= width && gl.drawingBufferHeight >= height;
}

/** MAX_VIEWPORT_DIMS per context: a constant of the device, asked once. */
const viewportLimits = new WeakMap<WebGL2RenderingContext, { width: number; height: number }>();

/**
 * The largest region, up to width x height, that one draw can cover: the canvas is grown for it first,
 * a viewport is bounded by MAX_VIEWPORT_DIMS, and the drawing buffer may come out smaller than the
 * canvas (Chromium caps its area, ~5760² here, and scales it down past that). A region within the
 * buffer is still copied out right, as drawImage reads the buffer's own pixels (tested). A picture
 * larger than this is drawn in tiles of at most this size (tiles.ts).
 */
export function drawableRegion(
  gl: WebGL2RenderingContext,
  width: number,
  height: number,
): { width: number; height: number } {
  if (gl.isContextLost()) throw new Error('the WebGL context is lost');
  let viewport = viewportLimits.get(gl);
  if (!viewport) {
    const [maxWidth = 0, maxHeight = 0] = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
    viewport = { width: maxWidth, height: maxHeight };
    viewportLimits.set(gl, viewport);
  }
  const w = Math.min(width, viewport.width);
  const h = Math.min(height, viewport.height);
  ensureCanvasSize(gl, w, h);
  return { width: Math.min(w, gl.drawingBufferWidth), height: Math.min(h, gl.drawingBufferHeight) };
}

type Uniforms = (set: {
  int: (name: string, value: number) => void;
  float: (name: string, value: number) => void;
}) => void;

/**
 * Runs one renderer program over a width x height region at the top-left of the context's canvas,
 * with `textures[i]` on unit i, and leaves the GL state as it found it. Returns false (drawing nothing)
 * if the region does not fit the drawing buffer.
 */
function drawRegion(
  gl: WebGL2RenderingContext,
  which: 'rgba' | 'map',
  width: number,
  height: number,
  textures: readonly WebGLTexture[],
  uniforms: Uniforms,
): boolean {
  if (gl.isContextLost()) throw new Error('the WebGL context is lost');
  const resources = resourcesFor(gl);
  if (!ensureCanvasSize(gl, width, height)) return false;
  const { program, uniforms: locations } = resources[which];
  const saved = saveState(gl, textures.length);
  try {
    const bufferHeight = gl.drawingBufferHeight;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, bufferHeight - height, width, height);
    gl.enable(gl.SCISSOR_TEST);
    gl.scissor(0, bufferHeight - height, width, height);
    for (const cap of TOGGLED_CAPABILITIES(gl)) if (cap !== gl.SCISSOR_TEST) gl.disable(cap);
    gl.colorMask(true, true, true, true);
    gl.useProgram(program);
    gl.bindVertexArray(resources.vao);
    textures.forEach((texture, unit) => {
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.bindSampler(unit, null);
    });
    const int = (name: string, value: number): void => {
      const location = locations.get(name);
      if (location) gl.uniform1i(location, value);
    };
    const float = (name: string, value: number): void => {
      const location = locations.get(name);
      if (location) gl.uniform1f(location, value);
    };
    int('u_top', bufferHeight - 1);
    uniforms({ int, float });
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  } finally {
    restoreState(gl, saved);
  }
  return true;
}

/** Draws a densely decoded [H, W, 4] RGBA texture (texShape [H, W]) into the context's canvas. */
export function drawRgbaTexture(
  gl: WebGL2RenderingContext,
  texture: WebGLTexture,
  width: number,
  height: number,
): boolean {
  return drawRegion(gl, 'rgba', width, height, [texture], ({ int }) => int('u_rgba', 0));
}

export interface MapTextures {
  /** The map [H, W] decoded densely, `texCols` texels a row, 4 values a texel. */
  map: WebGLTexture;
  texCols: number;
  /** 1x1: [scale, offset] of colorize's affine step. */
  params: WebGLTexture;
}

/** Colours and draws a densely decoded [H, W] map into the context's canvas (the fused colorize). */
export function drawMapTexture(
  gl: WebGL2RenderingContext,
  textures: MapTextures,
  width: number,
  height: number,
  colour: { colormap: ColormapName; abs: boolean },
): boolean {
  const lut = resourcesFor(gl).lut;
  return drawRegion(gl, 'map', width, height, [textures.map, textures.params, lut], ({ int, float }) => {
    int('u_map', 0);
    int('u_params', 1);
    int('u_lut', 2);
    int('u_width', width);
    int('u_texCols', textures.texCols);
    int('u_abs', colour.abs ? 1 : 0);
    int('u_lutRow', LUT_ROWS.indexOf(colour.colormap));
    float('u_lutLast', LUT_SIZE[colour.colormap] - 1);
  });
}
