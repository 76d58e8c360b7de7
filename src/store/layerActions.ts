/** Actions of the layer controls: channels, stride, dilation, padding, activation, pooling. */
export {};
