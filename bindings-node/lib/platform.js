'use strict';
// Which native addon this machine needs and where it comes from. The main package `infobip-sdk`
// ships no binary: each platform's addon is a package of its own (`infobip-sdk-<platform>`), listed
// in `optionalDependencies`, of which npm installs the one whose `os`/`cpu`/`libc` match. A
// development checkout loads `native/infobip-sdk.<platform>.node` (`npm run build`) instead.

const fs = require('node:fs');
const path = require('node:path');
const { version } = require('../package.json');

/** Every platform an addon is built for (Node's `platform-arch[-libc]`), and its package. */
const PLATFORM_PACKAGES = Object.freeze({
  'linux-x64-gnu': 'infobip-sdk-linux-x64-gnu',
  'linux-arm64-gnu': 'infobip-sdk-linux-arm64-gnu',
  'linux-x64-musl': 'infobip-sdk-linux-x64-musl',
  'darwin-x64': 'infobip-sdk-darwin-x64',
  'darwin-arm64': 'infobip-sdk-darwin-arm64',
  'win32-x64-msvc': 'infobip-sdk-win32-x64-msvc',
});

/** Whether this Linux runs on musl (Node's report names a glibc version only on glibc). */
function isMusl() {
  if (process.platform !== 'linux') return false;
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : undefined;
  return !report?.header?.glibcVersionRuntime;
}

/** `linux-x64-gnu`, `darwin-arm64`, `win32-x64-msvc`, … for a platform, an architecture and a libc. */
function platformKey(platform, arch, musl) {
  if (platform === 'linux') return `linux-${arch}-${musl ? 'musl' : 'gnu'}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

/**
 * Loads the addon for this machine (the arguments exist for tests: another platform, another
 * `require`). Throws an Error naming the missing package, or the platforms there are addons for.
 */
function loadNative({
  platform = process.platform,
  arch = process.arch,
  musl = isMusl(),
  requireFn = require,
  localDir = path.join(__dirname, '..', 'native'),
} = {}) {
  const key = platformKey(platform, arch, musl);
  const name = PLATFORM_PACKAGES[key];
  if (name === undefined) {
    throw new Error(
      `infobip-sdk has no native addon for ${key}; addons exist for ${Object.keys(PLATFORM_PACKAGES).join(', ')}`,
    );
  }
  const local = path.join(localDir, `infobip-sdk.${key}.node`);
  if (fs.existsSync(local)) return requireFn(local);
  let installed;
  try {
    installed = requireFn(`${name}/package.json`).version;
  } catch (error) {
    throw new Error(
      `infobip-sdk: its native addon for ${key} is the package ${name}, which is not installed. ` +
        'npm installs it as an optional dependency of infobip-sdk; it is left out when optional ' +
        'dependencies are omitted (--omit=optional) or the lockfile was made without it. ' +
        `Install it with: npm install ${name}@${version}`,
      { cause: error },
    );
  }
  if (installed !== version) {
    throw new Error(`infobip-sdk ${version} needs ${name}@${version}, but ${name}@${installed} is installed`);
  }
  return requireFn(name);
}

module.exports = { PLATFORM_PACKAGES, platformKey, loadNative };
