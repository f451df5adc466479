//! A real OAuth 2.0 / OpenID Connect authorization server on loopback for the OAuth2 tests:
//! `oidc-provider` (npm, a certified implementation) run by Node.js from tests/oidc/server.mjs
//! over HTTPS with the run's test CA, issuer `https://127.0.0.1:PORT`.
//!
//! What it does, in order: writes the server's config (users, clients, lifetimes, a random
//! admin secret) into this run's scratch directory, starts `node server.mjs CONFIG`, waits for
//! its `READY port=…` line, reads its discovery document. The server exits when its stdin
//! closes, so it ends with the test process; an `AuthServer` from [`AuthServer::start`] is
//! also killed on drop. [`auth_server`] is one shared server per test binary.
//!
//! Flows (RFC 6749, RFC 7636 PKCE S256 required for the public client, RFC 8252 loopback
//! redirects with any port, RFC 8628 device grant, RFC 7662 introspection, RFC 7009
//! revocation). Refresh tokens are issued when the scope has `offline_access` and rotate on
//! every use unless `rotate_refresh_tokens` is false.
//!
//! The browser leg is in `oidc_browser` (headless Chromium driven by playwright-core).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::https_client::{self, HttpResponse};
use super::oidc_browser::Pkce;
use super::{pki, run_dir};

/// What to run when the Node packages or Node.js are missing.
pub const INSTALL_HINT: &str = "run scripts/test (it installs what the tests need), or: \
     apt-get install --no-install-recommends nodejs npm chromium && npm ci --prefix tests/oidc";

/// The public (native) client every test uses.
pub const CLIENT_ID: &str = "mailsetup-test";
/// A confidential client that must send its secret (client_secret_post) with every request,
/// refresh grants included, as Google's desktop clients must.
pub const CONFIDENTIAL_CLIENT_ID: &str = "mailsetup-confidential";
/// Its secret (a test value; tests grep outputs for it).
pub const CONFIDENTIAL_CLIENT_SECRET: &str = "confidential-secret-7d41c9a2e8";
/// The confidential client Dovecot introspects with.
pub const INTROSPECTION_CLIENT_ID: &str = "dovecot";
/// The scope that gets a refresh token.
pub const DEFAULT_SCOPE: &str = "openid email offline_access";

/// A person who can sign in on the server's login page. The `email` is also the `sub` and
/// the Dovecot user name. The password is plain on purpose: tests grep outputs for it.
#[derive(Clone, PartialEq, Eq)]
pub struct OAuthUser {
    pub email: String,
    pub password: String,
}

impl std::fmt::Debug for OAuthUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OAuthUser({})", self.email)
    }
}

/// Token lifetimes in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetimes {
    pub access: u64,
    pub refresh: u64,
    pub device_code: u64,
}

impl Default for Lifetimes {
    fn default() -> Self {
        Lifetimes {
            access: 3600,
            refresh: 14 * 24 * 3600,
            device_code: 600,
        }
    }
}

/// How to start a server of one's own.
#[derive(Debug, Clone)]
pub struct AuthServerOptions {
    pub lifetimes: Lifetimes,
    /// Whether each refresh returns a new refresh token (the old one then fails). Default true.
    pub rotate_refresh_tokens: bool,
    /// Loopback redirect paths the public client registers (any port is accepted).
    pub redirect_paths: Vec<String>,
    /// The device flow's polling `interval` (seconds) the server announces.
    pub device_interval: u64,
    /// Dynamic client registration (RFC 7591) open to anyone. Default false.
    pub registration: bool,
    /// Resource indicators (RFC 8707) accepted: tokens for the resource named. Default
    /// false (every `resource` is refused with `invalid_target`).
    pub resource_indicators: bool,
    /// The metadata also at `/.well-known/oauth-authorization-server` (RFC 8414). Default
    /// false (oidc-provider's own: OpenID Connect Discovery only).
    pub oauth_metadata: bool,
}

impl Default for AuthServerOptions {
    fn default() -> Self {
        AuthServerOptions {
            lifetimes: Lifetimes::default(),
            rotate_refresh_tokens: true,
            redirect_paths: vec!["/".into(), "/callback".into(), "/oauth2/callback".into()],
            device_interval: 1,
            registration: false,
            resource_indicators: false,
            oauth_metadata: false,
        }
    }
}

/// A token endpoint's answer. Debug shows no token.
#[derive(Clone)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub id_token: Option<String>,
    pub expires_in: u64,
    pub scope: String,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Tokens(expires_in={}, scope={:?}, refresh={})",
            self.expires_in,
            self.scope,
            self.refresh_token.is_some()
        )
    }
}

impl Tokens {
    fn from_json(v: &Value) -> Option<Tokens> {
        Some(Tokens {
            access_token: v["access_token"].as_str()?.to_string(),
            refresh_token: v["refresh_token"].as_str().map(str::to_string),
            id_token: v["id_token"].as_str().map(str::to_string),
            expires_in: v["expires_in"].as_u64().unwrap_or(0),
            scope: v["scope"].as_str().unwrap_or_default().to_string(),
        })
    }

    /// Every secret in it, for tests that grep outputs.
    pub fn secrets(&self) -> Vec<String> {
        let mut out = vec![self.access_token.clone()];
        out.extend(self.refresh_token.clone());
        out.extend(self.id_token.clone());
        out
    }
}

/// A code minted by the server's admin call. Debug shows no secret.
#[derive(Clone)]
pub struct MintedCode {
    pub code: String,
    pub verifier: String,
    pub redirect_uri: String,
}

impl std::fmt::Debug for MintedCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MintedCode(redirect_uri={})", self.redirect_uri)
    }
}

/// An OAuth error answer (`{"error": …, "error_description": …}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    pub status: u16,
    pub error: String,
    pub description: String,
}

/// The running server.
pub struct AuthServer {
    pub issuer: String,
    pub port: u16,
    /// The CA that signed its certificate (PEM).
    pub ca_file: PathBuf,
    pub client_id: String,
    /// Users: traveller, alice, wanderer (all @example.test), same names as Dovecot's.
    pub users: Vec<OAuthUser>,
    /// The discovery document (`/.well-known/openid-configuration`).
    pub discovery: Value,
    pub dir: PathBuf,
    pub log: PathBuf,
    /// How long start-up took (spawn to discovery read).
    pub startup: Duration,
    introspection_secret: String,
    admin_secret: String,
    child: Mutex<Option<(Child, ChildStdin)>>,
}

impl std::fmt::Debug for AuthServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuthServer({})", self.issuer)
    }
}

/// The authorization server of this test process (default options), started on first use.
pub fn auth_server() -> &'static AuthServer {
    static SERVER: LazyLock<AuthServer> =
        LazyLock::new(|| AuthServer::start(&AuthServerOptions::default()));
    &SERVER
}

/// tests/oidc in the source tree.
pub fn oidc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("oidc")
}

/// Panics with the install step when Node.js or the npm packages are missing.
pub fn require_node_packages() {
    let node = Command::new("node").arg("--version").output();
    if !matches!(&node, Ok(o) if o.status.success()) {
        panic!("Node.js (`node`) is missing: {INSTALL_HINT}");
    }
    for package in ["oidc-provider", "playwright-core"] {
        if !oidc_dir()
            .join("node_modules")
            .join(package)
            .join("package.json")
            .is_file()
        {
            panic!("the npm package {package} is not installed in tests/oidc: {INSTALL_HINT}");
        }
    }
}

pub(super) fn random_hex(n: usize) -> String {
    use ring::rand::SecureRandom;
    let mut bytes = vec![0u8; n];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .expect("random bytes");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl AuthServer {
    /// Starts a server of one's own (killed on drop).
    pub fn start(options: &AuthServerOptions) -> AuthServer {
        require_node_packages();
        let began = Instant::now();
        let dir = tempfile::Builder::new()
            .prefix("oidc-")
            .tempdir_in(run_dir())
            .expect("the server's directory")
            .keep();
        let users: Vec<OAuthUser> = ["traveller", "alice", "wanderer"]
            .iter()
            .map(|name| OAuthUser {
                email: format!("{name}@example.test"),
                password: format!("Web-{}-pw", random_hex(6)),
            })
            .collect();
        let introspection_secret = random_hex(16);
        let admin_secret = random_hex(16);
        let pki = pki();
        let config = json!({
            "host": "127.0.0.1",
            "port": 0,
            "cert": pki.server.chain_pem,
            "key": pki.server.key_pem,
            "client_id": CLIENT_ID,
            "introspection_client": { "id": INTROSPECTION_CLIENT_ID, "secret": introspection_secret },
            "confidential_client": { "id": CONFIDENTIAL_CLIENT_ID, "secret": CONFIDENTIAL_CLIENT_SECRET },
            "admin_secret": admin_secret,
            "users": users.iter().map(|u| json!({"email": u.email, "password": u.password})).collect::<Vec<_>>(),
            "ttl": {
                "access": options.lifetimes.access,
                "refresh": options.lifetimes.refresh,
                "device": options.lifetimes.device_code,
            },
            "rotate_refresh_tokens": options.rotate_refresh_tokens,
            "redirect_paths": options.redirect_paths,
            "device_interval": options.device_interval,
            "registration": options.registration,
            "resource_indicators": options.resource_indicators,
            "oauth_metadata": options.oauth_metadata,
        });
        let config_path = dir.join("config.json");
        std::fs::write(&config_path, config.to_string()).expect("write the server's config");
        let log = dir.join("server.log");
        let stderr = std::fs::File::create(&log).expect("the server's log");
        let mut child = Command::new("node")
            .arg(oidc_dir().join("server.mjs"))
            .arg(&config_path)
            .current_dir(oidc_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("could not run node: {e}: {INSTALL_HINT}"));
        let stdin = child.stdin.take().expect("the server's stdin");
        let stdout = child.stdout.take().expect("the server's stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) if line.starts_with("READY ") => line,
            other => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "the authorization server did not start ({other:?}); its log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|w| w.strip_prefix(name))
                .map(str::to_string)
                .unwrap_or_else(|| panic!("no {name} in the server's ready line {line:?}"))
        };
        let port: u16 = field("port=").parse().expect("port number");
        let issuer = field("issuer=");
        let discovery =
            https_client::get(&format!("{issuer}/.well-known/openid-configuration"), &[])
                .map(|r| r.json())
                .unwrap_or_else(|e| panic!("the server's discovery document: {e}"));
        assert_eq!(
            discovery["issuer"],
            issuer.as_str(),
            "discovery names the issuer"
        );
        AuthServer {
            issuer,
            port,
            ca_file: pki.ca_pem.clone(),
            client_id: CLIENT_ID.to_string(),
            users,
            discovery,
            dir,
            log,
            startup: began.elapsed(),
            introspection_secret,
            admin_secret,
            child: Mutex::new(Some((child, stdin))),
        }
    }

    /// The user with this address (panics for an unknown one).
    pub fn user(&self, email: &str) -> &OAuthUser {
        self.users
            .iter()
            .find(|u| u.email == email)
            .unwrap_or_else(|| panic!("no OAuth user {email}"))
    }

    /// traveller@example.test.
    pub fn traveller(&self) -> &OAuthUser {
        self.user("traveller@example.test")
    }

    /// alice@example.test (the "other user" of the wrong-account cases).
    pub fn alice(&self) -> &OAuthUser {
        self.user("alice@example.test")
    }

    fn endpoint(&self, name: &str) -> String {
        self.discovery[name]
            .as_str()
            .unwrap_or_else(|| panic!("discovery has no {name}"))
            .to_string()
    }

    pub fn authorization_endpoint(&self) -> String {
        self.endpoint("authorization_endpoint")
    }
    pub fn token_endpoint(&self) -> String {
        self.endpoint("token_endpoint")
    }
    pub fn device_authorization_endpoint(&self) -> String {
        self.endpoint("device_authorization_endpoint")
    }
    pub fn introspection_endpoint(&self) -> String {
        self.endpoint("introspection_endpoint")
    }
    pub fn revocation_endpoint(&self) -> String {
        self.endpoint("revocation_endpoint")
    }
    pub fn userinfo_endpoint(&self) -> String {
        self.endpoint("userinfo_endpoint")
    }

    /// The introspection URL with Dovecot's client credentials in it (for its oauth2 passdb).
    pub fn introspection_url_with_credentials(&self) -> String {
        let url = self.introspection_endpoint();
        let rest = url.strip_prefix("https://").expect("https issuer");
        format!(
            "https://{INTROSPECTION_CLIENT_ID}:{}@{rest}",
            self.introspection_secret
        )
    }

    /// The server's log (stderr) so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn admin(&self, path: &str, body: Value) -> Value {
        let auth = format!("Bearer {}", self.admin_secret);
        let answer = https_client::post_json(
            &format!("{}{path}", self.issuer),
            &[("Authorization", &auth)],
            &body,
        )
        .unwrap_or_else(|e| panic!("admin call {path}: {e}"));
        assert_eq!(
            answer.status,
            200,
            "admin call {path}: {}\nserver log:\n{}",
            answer.body,
            self.log_text()
        );
        answer.json()
    }

    /// Tokens for `user` without a browser: the server mints an authorization code as if the
    /// user had signed in and consented, and it is exchanged at the real token endpoint (with
    /// PKCE). `ttl` overrides the lifetimes of this grant's tokens (access, refresh).
    pub fn tokens_for(&self, user: &str, scope: &str, ttl: Option<(u64, u64)>) -> Tokens {
        let minted = self.mint_code(user, scope, ttl);
        self.exchange_code(&minted.code, &minted.verifier, &minted.redirect_uri)
            .unwrap_or_else(|e| panic!("the token endpoint refused a minted code: {e:?}"))
    }

    /// An authorization code for the public client as if `user` had signed in and consented
    /// (with its PKCE verifier and redirect URI), not yet exchanged.
    pub fn mint_code(&self, user: &str, scope: &str, ttl: Option<(u64, u64)>) -> MintedCode {
        let mut body = json!({ "user": user, "scope": scope });
        if let Some((access, refresh)) = ttl {
            body["access_ttl"] = json!(access);
            body["refresh_ttl"] = json!(refresh);
        }
        let minted = self.admin("/_test/code", body);
        let text = |k: &str| {
            minted[k]
                .as_str()
                .unwrap_or_else(|| panic!("no {k} in the minted code"))
                .to_string()
        };
        MintedCode {
            code: text("code"),
            verifier: text("code_verifier"),
            redirect_uri: text("redirect_uri"),
        }
    }

    /// Tokens for traveller with the default scope and lifetimes.
    pub fn traveller_tokens(&self) -> Tokens {
        self.tokens_for(&self.traveller().email, DEFAULT_SCOPE, None)
    }

    fn token_answer(answer: std::io::Result<HttpResponse>) -> Result<Tokens, OAuthError> {
        let answer = answer.map_err(|e| OAuthError {
            status: 0,
            error: "transport".into(),
            description: e.to_string(),
        })?;
        let v = answer.json();
        if answer.status == 200
            && let Some(t) = Tokens::from_json(&v)
        {
            return Ok(t);
        }
        Err(OAuthError {
            status: answer.status,
            error: v["error"].as_str().unwrap_or_default().to_string(),
            description: v["error_description"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        })
    }

    /// `grant_type=authorization_code` for the public client.
    pub fn exchange_code(
        &self,
        code: &str,
        verifier: &str,
        redirect_uri: &str,
    ) -> Result<Tokens, OAuthError> {
        Self::token_answer(https_client::post_form(
            &self.token_endpoint(),
            &[],
            &[
                ("grant_type", "authorization_code"),
                ("client_id", &self.client_id),
                ("code", code),
                ("code_verifier", verifier),
                ("redirect_uri", redirect_uri),
            ],
        ))
    }

    /// `grant_type=refresh_token` for the public client.
    pub fn refresh(&self, refresh_token: &str) -> Result<Tokens, OAuthError> {
        Self::token_answer(https_client::post_form(
            &self.token_endpoint(),
            &[],
            &[
                ("grant_type", "refresh_token"),
                ("client_id", &self.client_id),
                ("refresh_token", refresh_token),
            ],
        ))
    }

    /// Starts a device authorization (RFC 8628 §3.1): the server's JSON answer
    /// (`device_code`, `user_code`, `verification_uri`, `verification_uri_complete`,
    /// `expires_in`, `interval`).
    pub fn start_device_authorization(&self, scope: &str) -> Value {
        let answer = https_client::post_form(
            &self.device_authorization_endpoint(),
            &[],
            &[("client_id", &self.client_id), ("scope", scope)],
        )
        .expect("device authorization request");
        assert_eq!(answer.status, 200, "device authorization: {}", answer.body);
        answer.json()
    }

    /// One poll of the token endpoint with a device code (RFC 8628 §3.4).
    pub fn poll_device(&self, device_code: &str) -> Result<Tokens, OAuthError> {
        Self::token_answer(https_client::post_form(
            &self.token_endpoint(),
            &[],
            &[
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("client_id", &self.client_id),
                ("device_code", device_code),
            ],
        ))
    }

    /// Revokes a token at the revocation endpoint, as the public client (RFC 7009). Revoking
    /// a refresh token ends its whole grant (its access tokens too).
    pub fn revoke(&self, token: &str) {
        let answer = https_client::post_form(
            &self.revocation_endpoint(),
            &[],
            &[("client_id", &self.client_id), ("token", token)],
        )
        .expect("revocation request");
        assert_eq!(answer.status, 200, "revocation: {}", answer.body);
    }

    /// Deletes the token on the server: introspection then says `{"active": false}`.
    /// Returns whether the server knew it.
    pub fn make_inactive(&self, token: &str) -> bool {
        self.admin("/_test/inactive", json!({ "token": token }))["found"] == true
    }

    /// Introspects a token as Dovecot does (its client credentials).
    pub fn introspect(&self, token: &str) -> Value {
        let basic = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(format!(
                "{INTROSPECTION_CLIENT_ID}:{}",
                self.introspection_secret
            ))
        };
        https_client::post_form(
            &self.introspection_endpoint(),
            &[("Authorization", &format!("Basic {basic}"))],
            &[("token", token)],
        )
        .expect("introspection request")
        .json()
    }

    /// Sets the lifetimes of tokens issued from now on (all clients of this server). For a
    /// shared server prefer `tokens_for(…, Some(ttl))`, which touches one grant only.
    pub fn set_lifetimes(&self, lifetimes: Lifetimes) {
        self.admin(
            "/_test/ttl",
            json!({
                "access": lifetimes.access,
                "refresh": lifetimes.refresh,
                "device": lifetimes.device_code,
            }),
        );
    }

    /// How many introspection requests the server has answered.
    pub fn introspections(&self) -> u64 {
        self.admin("/_test/stats", json!({}))["introspections"]
            .as_u64()
            .unwrap_or(0)
    }

    /// The clients registered dynamically so far (their metadata as the server keeps it,
    /// without a secret), oldest first.
    pub fn registrations(&self) -> Vec<Value> {
        self.admin("/_test/stats", json!({}))["registrations"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The `resource` values (RFC 8707) requests carried so far: `(route, resource)` with
    /// route `authorization` or `token`.
    pub fn resources_seen(&self) -> Vec<(String, String)> {
        let stats = self.admin("/_test/stats", json!({}));
        let mut out = Vec::new();
        for seen in stats["resources"].as_array().into_iter().flatten() {
            let route = seen["route"].as_str().unwrap_or_default().to_string();
            for r in seen["resource"].as_array().into_iter().flatten() {
                out.push((route.clone(), r.as_str().unwrap_or_default().to_string()));
            }
        }
        out
    }

    /// An authorization URL for the public client (code flow, PKCE S256).
    pub fn authorization_url(
        &self,
        pkce: &Pkce,
        redirect_uri: &str,
        state: &str,
        scope: &str,
    ) -> String {
        let mut url = reqwest::Url::parse(&self.authorization_endpoint()).expect("endpoint URL");
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("scope", scope)
            .append_pair("state", state)
            .append_pair("code_challenge", &pkce.challenge)
            .append_pair("code_challenge_method", "S256");
        url.to_string()
    }
}

impl Drop for AuthServer {
    fn drop(&mut self) {
        let taken = self.child.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some((mut child, stdin)) = taken {
            drop(stdin);
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
