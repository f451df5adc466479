#!/usr/bin/env node
// Test-only browser: headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// acting as a person on the test authorization server's pages (tests/oidc/server.mjs).
//
//   browser.mjs URL                      authorization URL: sign in, consent (or deny), follow
//                                        the redirect to the app's loopback listener
//   browser.mjs --device URL [CODE]      device verification URL (with the code in it, or CODE
//                                        typed in): confirm, sign in, consent (or abort)
//
// Who signs in and what they answer comes from the environment, so the script can stand in
// as BROWSER=tests/oidc/browser.mjs for the app (which runs `$BROWSER URL`):
//   MAILSETUP_TEST_BROWSER_USER      the login (email)
//   MAILSETUP_TEST_BROWSER_PASSWORD  its password on the login page
//   MAILSETUP_TEST_BROWSER_ACTION    allow (default) | deny (consent page "Deny") |
//                                    cancel (login page "Cancel") | abort (device "Abort") |
//                                    wrong-state (the URL's `state` is changed before it is
//                                    opened, then allow: the redirect to the loopback
//                                    listener carries another `state` than the app sent)
//   MAILSETUP_TEST_BROWSER_CERT      the server certificate (PEM) to trust, by its key
//   MAILSETUP_TEST_BROWSER_RESULT    a file to append the one-line JSON result to
//   MAILSETUP_TEST_BROWSER_TIMEOUT   seconds for the whole run (default 60)
//   MAILSETUP_TEST_BROWSER_DETACH    1: return at once and drive the browser in the
//                                    background (as xdg-open returns)
//   MAILSETUP_TEST_CHROMIUM          the browser program (default: Debian's /usr/bin/chromium,
//                                    else chromium or google-chrome on PATH; never downloaded)
// Flags --user, --password, --action, --cert, --result override them.
//
// It prints one line of JSON on stdout: {"outcome": "redirected"|"device-done"|"error"|
// "login-failed", "landed": "http://127.0.0.1:PORT/path" (no query), "error": the `error`
// parameter of the redirect or the page's error, "steps": [...] }. It never prints a code,
// token, state or password. Exit status 0 when an end was reached, 1 otherwise.
// Only loopback addresses are loaded; anything else is blocked.

import { mkdtempSync, rmSync, readFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, delimiter } from 'node:path';
import { createHash, X509Certificate } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = {
  user: process.env.MAILSETUP_TEST_BROWSER_USER,
  password: process.env.MAILSETUP_TEST_BROWSER_PASSWORD,
  action: process.env.MAILSETUP_TEST_BROWSER_ACTION || 'allow',
  cert: process.env.MAILSETUP_TEST_BROWSER_CERT,
  result: process.env.MAILSETUP_TEST_BROWSER_RESULT,
  timeout: Number(process.env.MAILSETUP_TEST_BROWSER_TIMEOUT || 60) * 1000,
  detach: process.env.MAILSETUP_TEST_BROWSER_DETACH === '1',
  device: false,
};
const positional = [];
for (let i = 0; i < args.length; i += 1) {
  const a = args[i];
  if (a === '--device') opt.device = true;
  else if (['--user', '--password', '--action', '--cert', '--result'].includes(a)) opt[a.slice(2)] = args[++i];
  else positional.push(a);
}
const [startUrl, typedCode] = positional;

function finish(result, status) {
  const line = JSON.stringify(result);
  process.stdout.write(`${line}\n`);
  if (opt.result) appendFileSync(opt.result, `${line}\n`);
  process.exit(status);
}

if (!startUrl) finish({ outcome: 'error', error: 'usage: browser.mjs [--device] URL [CODE]' }, 2);

if (opt.detach) {
  // Like xdg-open: hand the work to a child and return at once.
  const env = { ...process.env, MAILSETUP_TEST_BROWSER_DETACH: '0' };
  const child = spawn(process.execPath, [process.argv[1], ...args], { env, detached: true, stdio: 'ignore' });
  child.unref();
  process.exit(0);
}

function findChromium() {
  if (process.env.MAILSETUP_TEST_CHROMIUM) return process.env.MAILSETUP_TEST_CHROMIUM;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'google-chrome', 'google-chrome-stable', 'chromium-browser']) {
    for (const dir of dirs) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  finish({ outcome: 'error', error: 'no Chromium: apt-get install chromium (or set MAILSETUP_TEST_CHROMIUM)' }, 1);
  return undefined;
}
const executablePath = findChromium();

const isLoopback = (u) => {
  try {
    const { hostname } = new URL(u);
    return ['127.0.0.1', '[::1]', '::1', 'localhost'].includes(hostname) || u.startsWith('data:') || u.startsWith('about:');
  } catch {
    return false;
  }
};

const flags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
if (opt.cert) {
  const cert = new X509Certificate(readFileSync(opt.cert));
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  flags.push(`--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`);
}

// The app opens its own loopback address `/start`, which redirects (303) to the
// authorization URL, so that URL never shows on a command line: learn where it leads.
let authUrl = startUrl;
if (isLoopback(startUrl) && new URL(startUrl).pathname === '/start') {
  const hop = await fetch(startUrl, { redirect: 'manual' });
  authUrl = hop.headers.get('location') ?? startUrl;
}
const issuerOrigin = new URL(authUrl).origin;
const profile = mkdtempSync(join(tmpdir(), 'mailsetup-chromium-'));
const steps = [];
let context;
const deadline = Date.now() + opt.timeout;
const timer = setTimeout(async () => {
  steps.push('timeout');
  try { await context?.close(); } catch { /* already gone */ }
  try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch { /* as below */ }
  finish({ outcome: 'error', error: 'timeout', steps }, 1);
}, opt.timeout);

// The address without its query or fragment (they hold the code and state).
const bare = (u) => {
  const p = new URL(u);
  return `${p.origin}${p.pathname}`;
};

const began = Date.now();
const timing = {};
async function main() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: flags,
    ignoreHTTPSErrors: !opt.cert,
    timeout: 30000,
  });
  timing.launch_ms = Date.now() - began;
  await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(Math.max(1000, deadline - Date.now()));
  let firstUrl = authUrl;
  if (opt.action === 'wrong-state') {
    // The authorization request is not the app's own: the server sends back another state.
    const tampered = new URL(authUrl);
    tampered.searchParams.set('state', `tampered-${Date.now()}`);
    firstUrl = tampered.toString();
    steps.push('state-changed');
  }
  await page.goto(firstUrl, { waitUntil: 'load' });
  steps.push('opened');

  const click = async (selector, what) => {
    steps.push(what);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  };

  for (let i = 0; i < 12; i += 1) {
    const url = page.url();
    if (new URL(url).origin !== issuerOrigin) {
      const error = new URL(url).searchParams.get('error');
      return { outcome: 'redirected', landed: bare(url), error: error ?? undefined, steps };
    }
    if (await page.$('#device-done')) return { outcome: 'device-done', steps };
    const oidcError = await page.$('#oidc-error');
    if (oidcError) return { outcome: 'error', error: (await oidcError.textContent()).trim(), steps };
    if (await page.$('#login-error')) return { outcome: 'login-failed', steps };
    if (await page.$('#error')) return { outcome: 'error', error: 'user code refused', steps };

    if (await page.$('#confirm')) {
      await click(opt.action === 'abort' ? '#abort' : '#confirm', opt.action === 'abort' ? 'device-abort' : 'device-confirm');
    } else if (await page.$('#submit') && await page.$('input[name="user_code"]:not([type="hidden"])')) {
      const field = await page.$('input[name="user_code"]:not([type="hidden"])');
      if (!(await field.inputValue()) && typedCode) await field.fill(typedCode);
      await click('#submit', 'user-code');
    } else if (await page.$('#login')) {
      if (opt.action === 'cancel') {
        await click('#cancel', 'login-cancel');
      } else {
        await page.fill('#login', opt.user ?? '');
        await page.fill('#password', opt.password ?? '');
        await click('#sign-in', 'login');
      }
    } else if (await page.$('#allow')) {
      const deny = opt.action === 'deny';
      await click(deny ? '#deny' : '#allow', deny ? 'deny' : 'allow');
    } else {
      const title = await page.title();
      return { outcome: 'error', error: `unknown page: ${title}`, steps };
    }
  }
  return { outcome: 'error', error: 'too many pages', steps };
}

let result;
try {
  result = await main();
} catch (err) {
  result = { outcome: 'error', error: String(err?.message ?? err).split('\n')[0].replace(/[?#]\S*/g, '?…'), steps };
}
clearTimeout(timer);
timing.pages_ms = Date.now() - began - (timing.launch_ms ?? 0);
const closing = Date.now();
try { await context?.close(); } catch { /* already gone */ }
timing.close_ms = Date.now() - closing;
result.timing = timing;
try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch { /* Chromium may still be writing */ }
finish(result, result.outcome === 'error' || result.outcome === 'login-failed' ? 1 : 0);
