// Used by `taro build` only; jest transforms with swc (../jest.preset.cjs).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
