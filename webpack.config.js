/* Builds the task pane and the ribbon's function file into dist/addin and serves them at
   https://localhost:3000 (`npm start`). office.js is served from the local @microsoft/office-js
   package: nothing is fetched from a CDN. Opened in a plain browser, taskpane.html is the preview
   (the same pane on the Excel simulator, a chunk of its own that Excel never loads). */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PORT = 3000;

/**
 * HTTPS with the Office dev certificates (Excel only loads add-ins over https). Installing them
 * needs a trusted-certificate store the user may change; where that fails (a container, no
 * rights) the preview is served over plain http on localhost, and says so.
 */
async function serverOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await Promise.race([
      devCerts.getHttpsServerOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out installing the certificates')), 20000)),
    ]);
    return { type: 'https', options };
  } catch (e) {
    const reason = String((e && e.message) || e).split('\n')[0];
    const lines = [
      'Office dev certificates could not be installed: serving over plain HTTP.',
      `Preview: http://localhost:${PORT}/taskpane.html`,
      'Excel loads add-ins over HTTPS only: run `npx office-addin-dev-certs install`',
      '(as a user who may trust certificates), then `npm start` again.',
    ];
    const width = Math.max(...lines.map((l) => l.length));
    const rule = '─'.repeat(width + 2);
    console.warn(['', `  ┌${rule}┐`, ...lines.map((l) => `  │ ${l.padEnd(width)} │`), `  └${rule}┘`, `  (${reason})`, ''].join('\n'));
    return { type: 'http' };
  }
}

const swc = {
  loader: 'swc-loader',
  options: { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } },
};

module.exports = async (_env, argv) => {
  const mode = argv.mode || 'production';
  const serving = !!process.env.WEBPACK_SERVE;
  return {
    mode,
    devtool: mode === 'development' ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.ts', commands: './src/commands/commands.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: swc }] },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ template: './src/commands/commands.html', filename: 'commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // Only what office.js needs in Excel and outside Office (the package holds every host, 86 MB);
          // outside Office it looks its host up in o15apptofilemappingtable.js.
          ...['office.js', 'o15apptofilemappingtable.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'zh-cn/**', 'en-us/**'].map((from) => ({
            from,
            to: 'office-js',
            context: 'node_modules/@microsoft/office-js/dist',
            info: { minimized: true }, // already minified: keep terser off 4 MB of Microsoft's code
          })),
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost', // this machine only

      static: false,
      server: serving ? await serverOptions() : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: false,
      client: { overlay: { warnings: false } },
    },
    performance: { hints: false },
  };
};
