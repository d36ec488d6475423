/**
 * electron-builder's afterPack hook (electron-builder.json → "afterPack"). electron-builder requires this
 * file as plain CommonJS, so it registers tsx (a dependency) and hands over to the TypeScript hook, which
 * flips the fuses of electron/main/security/fuses.ts in the packed binary — one list, one place.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(). */
const { register } = require('tsx/cjs/api');

register();
const { afterPack } = require('./apply-fuses.ts');

exports.default = afterPack;
