'use strict';
// The napi-generated loader (`npm run build` writes it to native/; not committed).
module.exports = require('../native/binding.js');
