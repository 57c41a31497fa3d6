// Mocha inside the real extension host (loaded through the payload route). CommonJS, plain JS:
// the extension host requires it as is.
const path = require('node:path');
const Mocha = require(path.resolve(__dirname, '../node_modules/mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.resolve(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
};
