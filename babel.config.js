// babel-preset-taro: React + TypeScript, webpack5 compiler.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
}
