'use strict';

// The plugin is written in TypeScript and compiled with the application (tsconfig.json → dist/).
module.exports = require('../../../dist/src/plugins/import-projets/server').default;
