/**
 * Builds the task pane page alone (production, as `npm run build` makes it) into the folder given
 * as the first argument, for the bundle scan when dist/ is missing or older than the sources. Run
 * as a child process so that webpack and ts-loader run in plain Node, outside jest's sandbox.
 */
'use strict';

const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createConfig } = require('../../../webpack.config.js');

const root = path.resolve(__dirname, '..', '..', '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node build-taskpane.js <output folder>');
  process.exit(2);
}

const config = createConfig({ root, mode: 'production' });
config.entry = { taskpane: config.entry.taskpane };
config.plugins = config.plugins.filter(
  (plugin) => !(plugin instanceof HtmlWebpackPlugin) || plugin.userOptions.filename === 'taskpane.html',
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
  console.log(`task pane built into ${out}`);
});
