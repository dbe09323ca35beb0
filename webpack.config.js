/* Builds the task pane into dist/addin and serves it at https://localhost:3000 (`npm start`).
   office.js is served from the local @microsoft/office-js package: nothing is fetched from a CDN. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (_env, argv) => ({
  mode: argv.mode || 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: { taskpane: './src/taskpane/index.ts' },
  output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } } },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets' },
        { from: 'src/taskpane/help.html', to: 'help.html' },
        // Only what office.js needs in Excel and outside Office (the package holds every host, 86 MB).
        ...['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'zh-cn/**', 'en-us/**'].map((from) => ({
          from,
          to: 'office-js',
          context: 'node_modules/@microsoft/office-js/dist',
          info: { minimized: true }, // already minified: keep terser off 4 MB of Microsoft's code
        })),
      ],
    }),
  ],
  devServer: {
    port: 3000,
    static: false,
    headers: { 'Access-Control-Allow-Origin': '*' },
  },
  performance: { hints: false },
});
