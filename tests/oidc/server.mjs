#!/usr/bin/env node
// Test-only OpenID Connect / OAuth 2.0 authorization server for mailsetup's OAuth2 tests.
//
// A real, certified implementation (oidc-provider) configured like a mail provider's:
// authorization code with PKCE required for the public client (RFC 7636), native loopback
// redirect URIs matched with any port (RFC 8252 §7.3), device authorization grant
// (RFC 8628), refresh tokens (issued when `offline_access` is asked for; rotated on every use
// by the public client), token introspection (RFC 7662, for Dovecot's oauth2 passdb) and
// revocation (RFC 7009). Logins and consents go through small pages of our own
// (/interaction/UID) with an "Allow" and a "Deny" button; the device flow's pages are ours
// too, so no page loads anything from outside loopback.
//
// Usage: node server.mjs CONFIG.json
// The config (written by tests/support/oidc.rs) names the host, the TLS certificate and key,
// the users, the clients, the lifetimes and the admin secret. The server listens on a random
// port of `host` over HTTPS, prints one line `READY port=PORT issuer=URL` on stdout, and
// exits when its stdin closes (the test process that started it is gone).
//
// Test-only admin endpoints (POST, JSON, header `Authorization: Bearer ADMIN_SECRET`):
//   /_test/code      {user, scope?, redirect_uri?, access_ttl?, refresh_ttl?}
//                    -> {code, code_verifier, redirect_uri}: an authorization code for the
//                    public client, as if `user` had signed in and consented; exchange it at
//                    the token endpoint (the tokens come from the real token endpoint).
//   /_test/inactive  {token} -> {found}: the token is deleted, introspection says inactive.
//   /_test/ttl       {access?, refresh?, device?} -> the lifetimes (seconds) from now on.
//   /_test/stats     {} -> {introspections, registrations, resources}: how often
//                    introspection was called; the clients registered dynamically (RFC 7591,
//                    their metadata as the server kept it, never a secret); the `resource`
//                    values (RFC 8707) each authorization and token request carried.
//
// Behind config flags (off unless the test asks, so other tests see the server as before):
//   `registration: true`   dynamic client registration (RFC 7591) at the metadata's
//                          `registration_endpoint`, open to anyone (no initial token);
//   `resource_indicators: true`  resource indicators (RFC 8707) accepted: a token for the
//                          resource named (its audience; opaque, introspectable by Dovecot);
//                          without the flag every `resource` is refused with `invalid_target`;
//   `oauth_metadata: true` the metadata also at /.well-known/oauth-authorization-server
//                          (RFC 8414 §3), not only at /.well-known/openid-configuration.
// Nothing it prints contains a token, a code or a password.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { randomBytes, createHash, generateKeyPairSync, timingSafeEqual } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const users = new Map(config.users.map((u) => [u.email, u]));
const ttl = {
  access: config.ttl?.access ?? 3600,
  refresh: config.ttl?.refresh ?? 14 * 24 * 3600,
  device: config.ttl?.device ?? 600,
};
// Lifetimes asked for one grant by /_test/code.
const grantTtl = new Map();
let introspections = 0;
// Clients registered dynamically, and the resource values seen (see the header).
const registrations = [];
const resources = [];

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-1', use: 'sig', alg: 'RS256' };

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:28em;margin:2em auto}input,button{display:block;margin:.5em 0;font-size:1em}</style>
</head><body><h1>${esc(title)}</h1>${body}</body></html>`;

// The loopback redirect URIs the public client registers; the port is not compared.
const loopbackPaths = config.redirect_paths ?? ['/', '/callback', '/oauth2/callback'];
const redirectUris = loopbackPaths.flatMap((p) => [`http://127.0.0.1${p}`, `http://[::1]${p}`]);

const clients = [
  {
    client_id: config.client_id,
    client_name: 'mailsetup (test)',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: [
      'authorization_code',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ],
    response_types: ['code'],
    redirect_uris: redirectUris,
  },
  // A confidential client (as Google's "desktop" clients are): it must authenticate with its
  // secret in the form (client_secret_post) at the token, device and revocation endpoints,
  // refresh grants included.
  ...(config.confidential_client ? [{
    client_id: config.confidential_client.id,
    client_secret: config.confidential_client.secret,
    client_name: 'mailsetup (test, confidential)',
    application_type: 'native',
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: [
      'authorization_code',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ],
    response_types: ['code'],
    redirect_uris: redirectUris,
  }] : []),
  {
    client_id: config.introspection_client.id,
    client_secret: config.introspection_client.secret,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: [],
    response_types: [],
    redirect_uris: [],
  },
];

function lifetime(kind, token) {
  const own = token?.grantId ? grantTtl.get(token.grantId) : undefined;
  return own?.[kind] ?? ttl[kind];
}

const configuration = {
  clients,
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'offline_access', 'email', 'profile'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  // The ID token carries the claims of the scopes asked for (`email`), as Microsoft's and
  // Google's do: the app can see which account signed in without the userinfo call.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    deviceFlow: {
      enabled: true,
      userCodeInputSource: async (ctx, form, out, err) => {
        const msg = err ? '<p id="error">That code is not right, or has expired.</p>' : '';
        ctx.body = page('Enter the code', `${msg}${form}
<button type="submit" form="op.deviceInputForm" id="submit">Continue</button>`);
      },
      userCodeConfirmSource: async (ctx, form, client, info, userCode) => {
        ctx.body = page('Confirm the device', `<p>${esc(client.clientName ?? client.clientId)}
asks to sign in. Code: <code id="user-code">${esc(userCode)}</code></p>${form}
<button type="submit" form="op.deviceConfirmForm" id="confirm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" value="yes" name="abort" id="abort">Abort</button>`);
      },
      successSource: async (ctx) => {
        ctx.body = page('Signed in', '<p id="device-done">You can close this page.</p>');
      },
    },
    introspection: {
      enabled: true,
      // The mail server (confidential client) may introspect access tokens only, like a
      // resource server; the public client only its own tokens.
      allowedPolicy: async (ctx, client, token) => {
        introspections += 1;
        if (client.clientId === config.introspection_client.id) {
          return token.kind === 'AccessToken';
        }
        return client.clientAuthMethod !== 'none' || token.clientId === client.clientId;
      },
    },
    revocation: { enabled: true },
    registration: { enabled: config.registration === true },
    resourceIndicators: {
      enabled: true,
      // A token for the mail server when a client names it; without `resource`, the
      // userinfo token as before.
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, indicator) => {
        if (config.resource_indicators !== true) {
          throw new errors.InvalidTarget();
        }
        return {
          scope: 'openid email offline_access',
          audience: indicator,
          accessTokenFormat: 'opaque',
        };
      },
    },
  },
  // Access tokens carry the address as `email` (introspection shows it beside `sub`).
  extraTokenClaims: async (ctx, token) => {
    const user = users.get(token.accountId);
    return user ? { email: user.email, username: user.email } : undefined;
  },
  findAccount: async (ctx, id) => {
    const user = users.get(id);
    if (!user) return undefined;
    return {
      accountId: id,
      claims: async () => ({ sub: id, email: user.email, email_verified: true, name: user.name ?? id }),
    };
  },
  // A refresh token with every code or device grant of the public client. (oidc-provider
  // would keep `offline_access` only with `prompt=consent`, which mail providers do not ask.)
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  // Refresh tokens for the public client rotate on every use (as Microsoft's do).
  rotateRefreshToken: () => config.rotate_refresh_tokens !== false,
  ttl: {
    AccessToken: (ctx, token) => lifetime('access', token),
    RefreshToken: (ctx, token) => lifetime('refresh', token),
    DeviceCode: () => ttl.device,
    AuthorizationCode: 120,
    Grant: 365 * 24 * 3600,
    IdToken: 3600,
    Interaction: 600,
    Session: 3600,
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<p id="oidc-error">${esc(out.error)}: ${esc(out.error_description ?? '')}</p>`);
  },
};

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

// The login and consent pages.
async function interaction(provider, req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    send(res, 400, 'text/html', page('Sign-in error', '<p>This sign-in page is out of date.</p>'));
    return;
  }
  const { prompt, params } = details;
  if (req.method === 'GET') {
    if (prompt.name === 'login') {
      const hint = params.login_hint ? ` value="${esc(params.login_hint)}"` : '';
      send(res, 200, 'text/html', page('Sign in', `
<form method="post" action="/interaction/${esc(uid)}/login" id="login-form">
<label>Email <input name="login" id="login" autocomplete="off"${hint}></label>
<label>Password <input name="password" id="password" type="password"></label>
<button type="submit" id="sign-in">Sign in</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" id="cancel">Cancel</button></form>`));
    } else {
      const scopes = String(params.scope ?? '').split(' ').filter(Boolean);
      send(res, 200, 'text/html', page('Allow access', `
<p id="consent-text">${esc(params.client_id)} asks for: ${scopes.map(esc).join(', ')}</p>
<p>Signed in as <span id="account">${esc(details.session?.accountId ?? '')}</span></p>
<form method="post" action="/interaction/${esc(uid)}/confirm"><button type="submit" id="allow">Allow</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" id="deny">Deny</button></form>`));
    }
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (action === 'login') {
    const user = users.get(form.get('login') ?? '');
    if (!user || user.password !== form.get('password')) {
      send(res, 200, 'text/html', page('Sign in', `<p id="login-error">Wrong email or password.</p>
<form method="post" action="/interaction/${esc(uid)}/login" id="login-form">
<label>Email <input name="login" id="login" autocomplete="off"></label>
<label>Password <input name="password" id="password" type="password"></label>
<button type="submit" id="sign-in">Sign in</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" id="cancel">Cancel</button></form>`));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.email } }, { mergeWithLastSubmission: false });
  } else if (action === 'confirm') {
    const { grantId: existing, details: missing } = { grantId: details.grantId, details: prompt.details };
    const grant = existing
      ? await provider.Grant.find(existing)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    if (missing.missingResourceScopes) {
      for (const [indicator, scope] of Object.entries(missing.missingResourceScopes)) {
        grant.addResourceScope(indicator, scope.join(' '));
      }
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } else if (action === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user denied access.',
    }, { mergeWithLastSubmission: false });
  } else {
    send(res, 404, 'text/plain', 'not found');
  }
}

function adminAllowed(req) {
  const given = Buffer.from(req.headers.authorization ?? '');
  const want = Buffer.from(`Bearer ${config.admin_secret}`);
  return given.length === want.length && timingSafeEqual(given, want);
}

async function admin(provider, req, res, url) {
  if (req.method !== 'POST' || !adminAllowed(req)) {
    send(res, 403, 'application/json', '{"error":"forbidden"}');
    return;
  }
  const body = JSON.parse((await readBody(req)) || '{}');
  const json = (status, value) => send(res, status, 'application/json', JSON.stringify(value));
  switch (url.pathname) {
    case '/_test/code': {
      const user = users.get(body.user);
      if (!user) return json(400, { error: 'unknown user' });
      const scope = body.scope ?? 'openid email offline_access';
      const client = await provider.Client.find(config.client_id);
      const grant = new provider.Grant({ accountId: user.email, clientId: client.clientId });
      grant.addOIDCScope(scope);
      const grantId = await grant.save();
      const own = {};
      if (body.access_ttl) own.access = body.access_ttl;
      if (body.refresh_ttl) own.refresh = body.refresh_ttl;
      grantTtl.set(grantId, own);
      const verifier = randomBytes(32).toString('base64url');
      const redirectUri = body.redirect_uri ?? 'http://127.0.0.1/callback';
      const code = new provider.AuthorizationCode({
        accountId: user.email,
        client,
        grantId,
        scope,
        redirectUri,
        authTime: Math.floor(Date.now() / 1000),
        expiresWithSession: false,
        codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
        codeChallengeMethod: 'S256',
      });
      return json(200, { code: await code.save(), code_verifier: verifier, redirect_uri: redirectUri });
    }
    case '/_test/inactive': {
      let found = false;
      for (const model of [provider.AccessToken, provider.RefreshToken]) {
        const token = await model.find(String(body.token ?? ''), { ignoreExpiration: true });
        if (token) {
          await token.destroy();
          found = true;
        }
      }
      return json(200, { found });
    }
    case '/_test/ttl':
      for (const k of ['access', 'refresh', 'device']) if (body[k]) ttl[k] = body[k];
      return json(200, ttl);
    case '/_test/stats':
      return json(200, { introspections, registrations, resources });
    default:
      return json(404, { error: 'not found' });
  }
}

const server = createServer({
  cert: readFileSync(config.cert),
  key: readFileSync(config.key),
});
// Node closes an idle kept-alive connection after 5 s; Dovecot's HTTP client keeps its
// introspection connections longer and may send a POST on one just as Node closes it, which
// Dovecot reports as a temporary authentication failure (454 over SMTP; seen once in a full
// run). The server outlives no test run by much: let the client close idle connections.
server.keepAliveTimeout = 10 * 60 * 1000;
server.listen(config.port ?? 0, config.host, () => {
  const { port } = server.address();
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const issuer = `https://${host}:${port}`;
  const provider = new Provider(issuer, configuration);
  // Lines on stderr name the event and the client, never a token or code.
  for (const e of ['server_error', 'grant.error', 'authorization.error', 'introspection.error', 'revocation.error', 'device_authorization.error']) {
    provider.on(e, (ctx, err) => console.error(`oidc: ${e}: ${err?.error ?? err?.name ?? ''} ${err?.error_description ?? err?.message ?? ''}`));
  }
  // RFC 8628 §3.2 `interval`: 1 s here (absent, clients wait 5 s between polls).
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/device/auth' && ctx.body?.device_code) {
      ctx.body.interval = config.device_interval ?? 1;
    }
  });
  // What the tests look at: registrations and resource values (never a secret).
  provider.on('registration_create.success', (ctx, client) => {
    const { client_secret: _secret, ...kept } = client.metadata();
    registrations.push(kept);
  });
  provider.use(async (ctx, next) => {
    await next();
    const route = ctx.oidc?.route;
    if ((route === 'authorization' || route === 'token') && ctx.oidc.params?.resource) {
      const given = ctx.oidc.params.resource;
      resources.push({ route, resource: Array.isArray(given) ? given : [given] });
    }
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const url = new URL(req.url, issuer);
    try {
      if (url.pathname.startsWith('/interaction/')) {
        await interaction(provider, req, res, url);
      } else if (url.pathname.startsWith('/_test/')) {
        await admin(provider, req, res, url);
      } else if (config.oauth_metadata && url.pathname === '/.well-known/oauth-authorization-server') {
        // RFC 8414 §3: the same document under the OAuth name.
        req.url = '/.well-known/openid-configuration';
        callback(req, res);
      } else {
        callback(req, res);
      }
    } catch (err) {
      console.error(`oidc: ${url.pathname.split('/').slice(0, 2).join('/')}: ${err?.name}: ${err?.message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'server error');
    }
  });
  process.stdout.write(`READY port=${port} issuer=${issuer}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
