/**
 * Builds one page of the add-in alone into a folder: `node build-page.js <page> <mode> <out>`, e.g.
 * `preview development` (as `npm start` serves it) or `taskpane production` (as `npm run build`
 * makes it). Run as a child process so that webpack and ts-loader run in plain Node rather than
 * inside jest's module sandbox.
 */
'use strict';

const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createConfig } = require('../../webpack.config.js');

const root = path.resolve(__dirname, '..', '..');
const [page, mode, out] = process.argv.slice(2);
if (!page || !['development', 'production'].includes(mode) || !out) {
  console.error('usage: node build-page.js <page> development|production <output folder>');
  process.exit(2);
}

const config = createConfig({ root, mode, env: { preview: page === 'preview' } });
if (!config.entry[page]) {
  console.error(`webpack.config.js has no entry "${page}" (is its source missing?)`);
  process.exit(1);
}
config.entry = { [page]: config.entry[page] };
// Only this page's HTML; the other pages are not needed here.
config.plugins = config.plugins.filter(
  (plugin) => !(plugin instanceof HtmlWebpackPlugin) || plugin.userOptions.filename === `${page}.html`,
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
  console.log(`${page} built into ${out} in ${stats.endTime - stats.startTime} ms`);
});
