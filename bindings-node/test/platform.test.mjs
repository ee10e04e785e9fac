// The loader of the native addon (lib/platform.js): the package it picks per platform, what it
// says when that package is missing or the platform has none, and that its list agrees with
// package.json's napi.targets and the platform packages under npm/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { PLATFORM_PACKAGES, platformKey, loadNative } = require('../lib/platform.js');
const manifest = require('../package.json');

/** A `require` rooted in an empty directory: no package resolves from there. */
function emptyRequire() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infobip-loader-'));
  return createRequire(path.join(dir, 'index.js'));
}

test('platform keys follow napi-rs names, with the libc on Linux and msvc on Windows', () => {
  assert.equal(platformKey('linux', 'x64', false), 'linux-x64-gnu');
  assert.equal(platformKey('linux', 'x64', true), 'linux-x64-musl');
  assert.equal(platformKey('linux', 'arm64', false), 'linux-arm64-gnu');
  assert.equal(platformKey('darwin', 'arm64', false), 'darwin-arm64');
  assert.equal(platformKey('darwin', 'x64', false), 'darwin-x64');
  assert.equal(platformKey('win32', 'x64', false), 'win32-x64-msvc');
});

test('a supported platform whose package is not installed is told which package to install', () => {
  const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infobip-native-'));
  assert.throws(
    () => loadNative({ platform: 'darwin', arch: 'arm64', musl: false, requireFn: emptyRequire(), localDir }),
    (error) => {
      assert.match(error.message, /native addon for darwin-arm64 is the package infobip-sdk-darwin-arm64, which is not installed/);
      assert.match(error.message, new RegExp(`npm install infobip-sdk-darwin-arm64@${manifest.version.replaceAll('.', '\\.')}`));
      assert.equal(error.cause?.code, 'MODULE_NOT_FOUND');
      return true;
    },
  );
});

test('a platform without an addon is named, with the platforms that have one', () => {
  for (const [platform, arch, musl, key] of [
    ['freebsd', 'x64', false, 'freebsd-x64'],
    ['linux', 'arm64', true, 'linux-arm64-musl'],
    ['win32', 'ia32', false, 'win32-ia32-msvc'],
  ]) {
    assert.throws(
      () => loadNative({ platform, arch, musl, requireFn: emptyRequire() }),
      new RegExp(`no native addon for ${key}; addons exist for linux-x64-gnu, linux-arm64-gnu, linux-x64-musl, darwin-x64, darwin-arm64, win32-x64-msvc`),
    );
  }
});

test('a platform package of another version is refused by name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infobip-loader-'));
  const pkg = path.join(dir, 'node_modules', 'infobip-sdk-darwin-x64');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'infobip-sdk-darwin-x64', version: '0.0.1' }));
  const requireFn = createRequire(path.join(dir, 'index.js'));
  assert.throws(
    () => loadNative({ platform: 'darwin', arch: 'x64', musl: false, requireFn, localDir: dir }),
    new RegExp(`infobip-sdk ${manifest.version.replaceAll('.', '\\.')} needs infobip-sdk-darwin-x64@.*infobip-sdk-darwin-x64@0\\.0\\.1 is installed`),
  );
});

test('the loader, package.json and npm/ list the same six platforms', () => {
  const triples = {
    'linux-x64-gnu': 'x86_64-unknown-linux-gnu',
    'linux-arm64-gnu': 'aarch64-unknown-linux-gnu',
    'linux-x64-musl': 'x86_64-unknown-linux-musl',
    'darwin-x64': 'x86_64-apple-darwin',
    'darwin-arm64': 'aarch64-apple-darwin',
    'win32-x64-msvc': 'x86_64-pc-windows-msvc',
  };
  assert.deepEqual(Object.keys(PLATFORM_PACKAGES).sort(), Object.keys(triples).sort());
  assert.deepEqual([...manifest.napi.targets].sort(), Object.values(triples).sort());
  assert.deepEqual(fs.readdirSync(path.join(here, '..', 'npm')).sort(), Object.keys(triples).sort());
  for (const [key, name] of Object.entries(PLATFORM_PACKAGES)) {
    const platformManifest = JSON.parse(fs.readFileSync(path.join(here, '..', 'npm', key, 'package.json'), 'utf8'));
    assert.equal(platformManifest.name, name);
    assert.equal(platformManifest.version, manifest.version, `${name}: one version for every package`);
    assert.equal(platformManifest.main, `infobip-sdk.${key}.node`);
    const [platform, arch, libc] = key.split('-');
    assert.deepEqual(platformManifest.os, [platform]);
    assert.deepEqual(platformManifest.cpu, [arch]);
    assert.deepEqual(platformManifest.libc, platform === 'linux' ? [libc === 'musl' ? 'musl' : 'glibc'] : undefined);
    assert.equal(platformKey(platform, arch, libc === 'musl'), key);
  }
});

test('this machine loads its addon from a checkout (native/)', () => {
  const native = require('../lib/native.js');
  assert.equal(typeof native.NativeClient, 'function');
});
