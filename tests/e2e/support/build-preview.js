/**
 * Builds the preview page alone (webpack development build, as `npm start` serves it) into the
 * folder given as the first argument. Run as a child process so that webpack and ts-loader run in
 * plain Node rather than inside jest's module sandbox.
 */
'use strict';

const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createConfig } = require('../../../webpack.config.js');

const root = path.resolve(__dirname, '..', '..', '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node build-preview.js <output folder>');
  process.exit(2);
}

const config = createConfig({ root, mode: 'development' });
if (!config.entry.preview) {
  console.error('webpack.config.js built no preview entry (src/preview/index.tsx missing?)');
  process.exit(1);
}
config.entry = { preview: config.entry.preview };
// Only the preview page's HTML; the task pane and command pages are not needed here.
config.plugins = config.plugins.filter(
  (plugin) => !(plugin instanceof HtmlWebpackPlugin) || plugin.userOptions.filename === 'preview.html',
);
config.output = { ...config.output, path: path.resolve(out) };

webpack(config, (error, stats) => {
  if (error) {
    console.error(error.stack || String(error));
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
  console.log(`preview built into ${out} in ${stats.endTime - stats.startTime} ms`);
});
