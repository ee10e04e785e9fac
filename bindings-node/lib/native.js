'use strict';
// The native addon of this platform (see platform.js for where it is found).
module.exports = require('./platform.js').loadNative();
