module.exports = require('../../jest.integration.js')(__dirname, 'retrieval-eval');
