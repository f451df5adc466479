//! One sign-in, shared by the command line (`diagnose --oauth`, `accounts check`) and the
//! window: the token endpoint client as configured, then the browser flow, and what comes
//! out of it for testing (the access token) and saving (the refresh token and the login).
//!
//! In order: the issuer (`Overrides::resolve`, see below), how to reach it (`Reach`: the
//! platform's roots plus `--ca-file` / `MAILSETUP_CA_FILE`, names resolved as discovery
//! resolves them, `--resolve` and `--dns` included), the client id (`client::ClientSources`:
//! flag, environment, `oauth.json`, build, table — or, with none configured and an issuer a
//! vouched source named, a registration on the spot: `register`, with the mail server as
//! the RFC 8707 resource, `resource`), the endpoints (`Issuer::complete`); then
//! the authorization code flow with PKCE (RFC 7636) through the browser and a loopback
//! redirect (RFC 8252) — or the device authorization grant (RFC 8628, a code typed on another
//! device) — the tokens checked to belong to the address. No egui here.
//!
//! Which issuer, highest first:
//! 1. the one given (`--oauth-issuer`, `MAILSETUP_OAUTH_ISSUER`): the person's own word;
//! 2. the built-in provider table: shipped with the program, and it knows what a file cannot
//!    say (whether the device grant may ask for mail, the mechanisms, the endpoints);
//! 3. a provider of the table that discovery names for the domain (its MX host, or a file's
//!    `<oAuth2>` block naming that provider's issuer): the table's entry, never the file's
//!    endpoints — a hosted domain signs in where its provider does;
//! 4. an `<oAuth2>` block that discovery found (the provider's autoconfig, its `.well-known`
//!    file, the ISPDB) — only from a file fetched over verified HTTPS from the domain or the
//!    ISPDB's own site (`DiscoveredOAuth2::is_trusted`, the rule that lets such a file vouch
//!    for servers). A block that came over plain HTTP could send the person to anyone's
//!    sign-in page: it is not used, and the error names the issuer and where it came from so
//!    the person can confirm it with `--oauth-issuer`. The command line says where a
//!    discovered issuer came from before the sign-in starts.
//!
//! With no client id configured, mailsetup registers itself (RFC 7591, `register`) only at an
//! issuer of 1. or 4. (`Issuer::registrable`): the person named it, or the domain's own file
//! over verified HTTPS did. The table's providers (2., 3.) want client ids made in their
//! consoles and keep `oauth_client_id_missing`.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use secrecy::SecretString;

use super::{ClientFile, ClientSources, Issuer, OAuthError, TokenClient};
use crate::account::EmailAddress;
use crate::discover::{self, DiscoveredOAuth2, DiscoveryOptions, SourceId};
use crate::net::{HostResolver, SystemResolver};
use crate::store::{ClientSource, OAuth2Login};

/// The result of signing in: the access token for the probes, what a save keeps.
pub struct Session {
    pub access: SecretString,
    pub refresh: Option<SecretString>,
    pub login: OAuth2Login,
    /// The address the provider confirmed, if it named one.
    pub confirmed_email: Option<String>,
}

impl Session {
    /// The session of a finished sign-in at `tc` (browser or device flow).
    pub fn of(tc: &TokenClient, signed: super::SignedIn, mechanism: Option<String>) -> Self {
        Session {
            access: signed.tokens.access,
            refresh: signed.tokens.refresh,
            login: login_of(tc, mechanism),
            confirmed_email: signed.confirmed_email,
        }
    }
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("access", &"[REDACTED]")
            .field("refresh", &self.refresh.as_ref().map(|_| "[REDACTED]"))
            .field("login", &self.login)
            .field("confirmed_email", &self.confirmed_email)
            .finish()
    }
}

/// Why no session: a usage problem, or the sign-in's own failure.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    OAuth(#[from] OAuthError),
}

/// Where to sign in instead of the provider table (technicians, tests): the issuer URL, the
/// scopes to ask for there, a client id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub issuer: Option<String>,
    pub scopes: Vec<String>,
    pub client_id: Option<String>,
}

impl Overrides {
    /// `MAILSETUP_OAUTH_ISSUER` and `MAILSETUP_OAUTH_SCOPES` (space-separated); the client
    /// id in the environment is read by `ClientSources` itself.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Self {
            issuer: var("MAILSETUP_OAUTH_ISSUER"),
            scopes: var("MAILSETUP_OAUTH_SCOPES")
                .map(|s| s.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            client_id: None,
        }
    }

    /// The issuer for `email` without discovery: the override, else the provider table's.
    pub fn issuer_for(&self, email: &EmailAddress) -> Result<Issuer, SessionError> {
        self.resolve(email, None).map(|r| r.issuer)
    }

    /// The issuer for `email`: the override, else the provider table's, else the block
    /// discovery found when it may be used (see the module header).
    pub fn resolve(
        &self,
        email: &EmailAddress,
        discovered: Option<&DiscoveredOAuth2>,
    ) -> Result<Resolved, SessionError> {
        let (mut issuer, origin) = match &self.issuer {
            Some(url) => {
                let mut i = Issuer::at(url, Vec::new());
                if let Some(host) = host_of(url) {
                    i.name = host;
                }
                (i, IssuerOrigin::Given)
            }
            None => match (Issuer::for_address(email), discovered) {
                (Ok(i), _) => (i, IssuerOrigin::Table),
                // A provider of the table named by the domain's MX or its file (a domain
                // hosted at Google or Microsoft): that provider's own entry, endpoints and
                // all, whatever else the file says.
                (Err(_), Some(d)) if Issuer::from_table_by_url(&d.spec.issuer).is_some() => (
                    Issuer::from_table_by_url(&d.spec.issuer).ok_or_else(|| {
                        OAuthError::NoIssuer {
                            provider: email.domain_ascii().to_string(),
                        }
                    })?,
                    IssuerOrigin::Discovered { via: d.via.clone() },
                ),
                (Err(_), Some(d)) if d.is_trusted() => (
                    Issuer::from_discovery(d),
                    IssuerOrigin::Discovered { via: d.via.clone() },
                ),
                (Err(_), Some(d)) => {
                    return Err(OAuthError::UnconfirmedIssuer {
                        issuer: d.spec.issuer.clone(),
                        via: d.via.clone(),
                    }
                    .into());
                }
                (Err(e), None) => return Err(e.into()),
            },
        };
        // The person's word and a file over verified HTTPS vouch for the issuer: mailsetup
        // may register itself there when no client id is configured. Not the table's
        // providers: none of them lets apps register themselves (they need a client id made
        // in their consoles, README), so asking them would only delay that answer.
        issuer.registrable = match &origin {
            IssuerOrigin::Given => true,
            IssuerOrigin::Discovered { .. } => issuer.named_by_domain,
            IssuerOrigin::Table => false,
        };
        if !self.scopes.is_empty() {
            issuer.scopes = self.scopes.clone();
        }
        // A PACC file names the issuer alone (draft-ietf-mailmaint-pacc): an app that registers
        // itself there asks for what it needs, which the resource (RFC 8707) narrows to the
        // mail server.
        if issuer.scopes.is_empty()
            && issuer.registrable
            && matches!(origin, IssuerOrigin::Discovered { .. })
        {
            issuer.scopes = REGISTERED_CLIENT_SCOPES.map(String::from).to_vec();
        }
        if issuer.scopes.is_empty() {
            let why = match origin {
                IssuerOrigin::Discovered { .. } => t!("oauth-cli-discovered-needs-scopes"),
                _ => t!("oauth-cli-issuer-needs-scopes"),
            };
            return Err(SessionError::Usage(why));
        }
        Ok(Resolved { issuer, origin })
    }

    /// Whether the issuer for `email` is known without asking discovery.
    pub fn knows(&self, email: &EmailAddress) -> bool {
        self.issuer.is_some() || Issuer::for_address(email).is_ok()
    }

    /// The provider's name for the "Sign in with …" button, when OAuth sign-in is known for
    /// the address (a discovered block only when it may be used without asking).
    pub fn provider_name(
        &self,
        email: &EmailAddress,
        discovered: Option<&DiscoveredOAuth2>,
    ) -> Option<String> {
        self.resolve(email, discovered).ok().map(|r| r.issuer.name)
    }
}

fn host_of(url: &str) -> Option<String> {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
}

/// Where the issuer came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuerOrigin {
    /// `--oauth-issuer` / `MAILSETUP_OAUTH_ISSUER`.
    Given,
    /// The built-in provider table.
    Table,
    /// An `<oAuth2>` block in a file fetched over verified HTTPS; `via` is its URL.
    Discovered { via: String },
}

/// What an app that registered itself asks for when the domain's file names no scopes: an ID
/// token with the address (OpenID Connect `openid email`), which the sign-in checks against
/// the account, and a refresh token (`offline_access`), which `accounts check` uses later.
pub const REGISTERED_CLIENT_SCOPES: [&str; 3] = ["openid", "email", "offline_access"];

/// The issuer to sign in at, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub issuer: Issuer,
    pub origin: IssuerOrigin,
}

/// Asks discovery's config-v1.1 sources (the provider's autoconfig over HTTPS and plain
/// HTTP, its `.well-known` file, the ISPDB) for an `<oAuth2>` block, for when no full
/// discovery runs (servers given on the command line, the window's account page).
pub async fn discover_block(
    email: &EmailAddress,
    opts: &DiscoveryOptions,
) -> Option<DiscoveredOAuth2> {
    let opts = DiscoveryOptions {
        sources: [
            SourceId::Autoconfig,
            SourceId::WellKnown,
            SourceId::Pacc,
            SourceId::Ispdb,
            SourceId::AutoconfigHttp,
        ]
        .into_iter()
        .collect(),
        ..opts.clone()
    };
    discover::discover(email, &opts).await.oauth2
}

/// How OAuth's HTTPS requests reach the authorization server: the roots trusted besides the
/// platform's, and names resolved the way discovery's requests resolve them (`--resolve`
/// overrides first, then `--dns` or the system's resolver).
#[derive(Clone)]
pub struct Reach {
    pub roots: Vec<CertificateDer<'static>>,
    pub resolver: Arc<dyn HostResolver>,
    pub overrides: BTreeMap<String, Vec<SocketAddr>>,
}

impl std::fmt::Debug for Reach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reach")
            .field("roots", &self.roots.len())
            .field("overrides", &self.overrides)
            .finish()
    }
}

impl Reach {
    /// The platform's roots and resolver and nothing else.
    pub fn system() -> Self {
        Self::with_roots(Vec::new())
    }

    /// These roots as well as the platform's; the system's resolver.
    pub fn with_roots(roots: Vec<CertificateDer<'static>>) -> Self {
        Self {
            roots,
            resolver: Arc::new(SystemResolver),
            overrides: BTreeMap::new(),
        }
    }

    /// A CA file's roots (`--ca-file`) as well as the platform's.
    pub fn with_ca_file(ca_file: Option<&Path>) -> Result<Self, SessionError> {
        let roots = match ca_file {
            Some(path) => crate::trust::pem::read_certificates(path)
                .map_err(|e| SessionError::Usage(e.to_string()))?,
            None => Vec::new(),
        };
        Ok(Self::with_roots(roots))
    }

    /// What discovery uses: its extra roots, its resolver and its `--resolve` overrides.
    pub fn of_discovery(opts: &DiscoveryOptions) -> Self {
        Self {
            roots: opts.extra_roots.clone(),
            resolver: opts.host_resolver(),
            overrides: opts.overrides.clone(),
        }
    }
}

/// The client id (and secret) given on the command line, if any.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFlags<'a> {
    pub id: Option<&'a str>,
    pub secret: Option<&'a str>,
    /// The environment variable the secret was read from (recorded with the account).
    pub secret_env: Option<&'a str>,
}

/// The token endpoint client for an issuer, reached as `reach` says: the client configured
/// for it (`ClientSources`), else — for an issuer a vouched source named — one registered
/// there on the spot (draft-ietf-mailmaint-oauth-public: RFC 8414 metadata, RFC 7591
/// registration, `register`), whose tokens are then asked for `resource` (RFC 8707, the mail
/// server, `oauth::resource`) when given.
pub async fn token_client(
    issuer: Issuer,
    flags: ClientFlags<'_>,
    reach: &Reach,
    config_dir: Option<&Path>,
    resource: Option<&str>,
) -> Result<TokenClient, SessionError> {
    let http = super::http_client(
        reach.roots.clone(),
        reach.resolver.clone(),
        reach.overrides.clone(),
    )?;
    let file = client_file(config_dir)?;
    let env = |name: &str| std::env::var(name).ok();
    let configured = ClientSources {
        flag: flags.id,
        flag_secret: flags.secret,
        flag_secret_env: flags.secret_env,
        env: &env,
        file: Some(&file),
    }
    .resolve(&issuer);
    let (issuer, client) = match configured {
        Ok(client) => (issuer.complete(&http).await?, client),
        Err(OAuthError::NoClientId { .. }) if issuer.registrable => {
            let mut issuer = issuer.complete_for_registration(&http).await?;
            let client = super::register::register(&http, &issuer).await?;
            issuer.resource = resource.map(str::to_string);
            (issuer, client)
        }
        Err(e) => return Err(e.into()),
    };
    Ok(TokenClient {
        http,
        issuer,
        client,
    })
}

/// `oauth.json` of the configuration folder (empty when there is none).
fn client_file(config_dir: Option<&Path>) -> Result<ClientFile, SessionError> {
    match config_dir
        .map(Path::to_path_buf)
        .or_else(|| crate::store::resolve_config_dir(None).ok())
    {
        Some(dir) => ClientFile::load(&dir).map_err(SessionError::Usage),
        None => Ok(ClientFile::default()),
    }
}

/// The token endpoint client of a saved sign-in (`accounts check`, `accounts remove`): the
/// issuer and endpoints the sign-in used (`saved_issuer`), and the client resolved exactly as
/// the sign-in resolved it — its id, and its secret from the same source
/// (`ClientSources::resolve_saved`).
pub async fn saved_token_client(
    email: &EmailAddress,
    login: &OAuth2Login,
    reach: &Reach,
    config_dir: Option<&Path>,
) -> Result<TokenClient, SessionError> {
    let http = super::http_client(
        reach.roots.clone(),
        reach.resolver.clone(),
        reach.overrides.clone(),
    )?;
    let file = client_file(config_dir)?;
    let env = |name: &str| std::env::var(name).ok();
    let issuer = saved_issuer(email, login);
    let client = ClientSources {
        flag: None,
        flag_secret: None,
        flag_secret_env: None,
        env: &env,
        file: Some(&file),
    }
    .resolve_saved(&issuer, login)
    .map_err(SessionError::Usage)?;
    // A refresh needs the token endpoint only: the metadata is asked when it is not known.
    let issuer = match issuer.token_endpoint {
        Some(_) => issuer,
        None => issuer.complete(&http).await?,
    };
    Ok(TokenClient {
        http,
        issuer,
        client,
    })
}

/// The issuer a saved login signed in at: the endpoints it recorded; for older files, the
/// table's entry when it is the same issuer (its endpoints need no discovery), else the
/// saved issuer URL (its metadata then names the endpoints).
pub fn saved_issuer(email: &EmailAddress, login: &OAuth2Login) -> Issuer {
    let mut issuer = match Issuer::for_address(email) {
        Ok(i) if i.issuer == login.issuer => i,
        _ => Issuer::at(&login.issuer, login.scopes.clone()),
    };
    if !login.provider.is_empty() {
        issuer.key = login.provider.clone();
    }
    if login.token_endpoint.is_some() {
        issuer.token_endpoint = login.token_endpoint.clone();
        issuer.revocation_endpoint = login.revocation_endpoint.clone();
    }
    if !login.scopes.is_empty() {
        issuer.scopes = login.scopes.clone();
    }
    issuer.resource = login.resource.clone();
    issuer
}

/// What a signed-in session records about the login: what a refresh and a revocation need
/// (issuer, endpoints, client id and where it came from, scopes), never a token or secret.
pub fn login_of(tc: &TokenClient, mechanism: Option<String>) -> OAuth2Login {
    OAuth2Login {
        issuer: tc.issuer.issuer.clone(),
        provider: tc.issuer.key.clone(),
        client_id: tc.client.id.clone(),
        scopes: tc.issuer.scopes.clone(),
        mechanism,
        token_endpoint: tc.issuer.token_endpoint.clone(),
        revocation_endpoint: tc.issuer.revocation_endpoint.clone(),
        client_source: Some(tc.client.source.clone()),
        resource: tc.issuer.resource.clone(),
    }
}

/// The browser flow (PKCE, loopback redirect) as a session: `open` opens the address.
pub async fn browser(
    tc: &TokenClient,
    email: &EmailAddress,
    mechanism: Option<String>,
    open: impl FnOnce(&str) -> Result<(), OAuthError>,
) -> Result<Session, OAuthError> {
    let signed = super::browser_sign_in(tc, email, super::BROWSER_DEADLINE, open).await?;
    Ok(Session::of(tc, signed, mechanism))
}

/// The window's sign-in: the issuer from `overrides`, the table or what discovery found
/// (`Overrides::resolve`), the reach and configuration folder of the runtime, the browser
/// through `BROWSER` or the system's opener.
pub async fn sign_in_in_browser(
    email: &EmailAddress,
    overrides: &Overrides,
    discovered: Option<&DiscoveredOAuth2>,
    reach: &Reach,
    config_dir: Option<&Path>,
    resource: Option<&str>,
) -> Result<Session, SessionError> {
    let issuer = overrides.resolve(email, discovered)?.issuer;
    let flags = ClientFlags {
        id: overrides.client_id.as_deref(),
        ..ClientFlags::default()
    };
    let tc = token_client(issuer, flags, reach, config_dir, resource).await?;
    Ok(browser(&tc, email, None, super::loopback::open_browser).await?)
}

/// The window's sign-in with a code on another device (RFC 8628): the same engine call as
/// `diagnose --oauth` without `--browser` (`oauth::device_sign_in`); `show` gets the page and
/// the code as soon as the provider gives them.
pub async fn sign_in_with_code(
    email: &EmailAddress,
    overrides: &Overrides,
    discovered: Option<&DiscoveredOAuth2>,
    reach: &Reach,
    config_dir: Option<&Path>,
    show: impl FnOnce(&super::device::DeviceStart),
) -> Result<Session, SessionError> {
    let issuer = overrides.resolve(email, discovered)?.issuer;
    let flags = ClientFlags {
        id: overrides.client_id.as_deref(),
        ..ClientFlags::default()
    };
    let tc = token_client(issuer, flags, reach, config_dir, None).await?;
    if matches!(tc.client.source, ClientSource::Registered { .. }) {
        // The registration asked for the code flow only (`register`): said plainly here
        // rather than as the server's `unauthorized_client`.
        return Err(OAuthError::NoEndpoint {
            issuer: tc.issuer.issuer.clone(),
            what: "a code on another device to an app registered on the spot",
        }
        .into());
    }
    let signed = super::device_sign_in(&tc, email, show).await?;
    Ok(Session::of(&tc, signed, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_override_names_the_button_by_its_host_and_takes_the_scopes() {
        let o = Overrides {
            issuer: Some("https://127.0.0.1:4443/oidc".into()),
            scopes: vec!["openid".into(), "email".into()],
            client_id: None,
        };
        let email = EmailAddress::parse("ann@example.org").unwrap();
        let i = o.issuer_for(&email).unwrap();
        assert_eq!(i.name, "127.0.0.1");
        assert_eq!(i.scopes, ["openid", "email"]);
        assert_eq!(o.provider_name(&email, None).as_deref(), Some("127.0.0.1"));
        // No override and no table entry: no button.
        assert_eq!(Overrides::default().provider_name(&email, None), None);
    }

    fn block(issuer: &str, source: SourceId, channel: discover::Channel) -> DiscoveredOAuth2 {
        let spec = discover::OAuth2Spec {
            issuer: issuer.into(),
            token_endpoint: Some(format!("{issuer}/token")),
            scopes: vec!["mail".into(), "openid".into()],
            ..Default::default()
        };
        DiscoveredOAuth2::new(spec, "Example Mail", source, channel, "https://x/config")
    }

    #[test]
    fn the_issuer_is_given_then_the_table_then_a_trusted_discovered_block() {
        use discover::Channel;
        let ispdb = block("https://id.example.org", SourceId::Ispdb, Channel::Https);
        let plain = block(
            "https://evil.test",
            SourceId::AutoconfigHttp,
            Channel::PlainHttp,
        );
        let off = block(
            "https://evil.test",
            SourceId::Autoconfig,
            Channel::RedirectedOff {
                to: "https://evil.test/x".into(),
            },
        );
        let other = EmailAddress::parse("ann@example.org").unwrap();
        let gmail = EmailAddress::parse("ann@gmail.com").unwrap();
        let none = Overrides::default();

        // Outside the table, a block over verified HTTPS picks the issuer, and says whence.
        let r = none.resolve(&other, Some(&ispdb)).unwrap();
        assert_eq!(r.issuer.issuer, "https://id.example.org");
        assert_eq!(r.issuer.name, "Example Mail");
        assert_eq!(r.issuer.scopes, ["mail", "openid"]);
        assert_eq!(
            r.origin,
            IssuerOrigin::Discovered {
                via: "https://x/config".into()
            }
        );
        assert_eq!(
            none.provider_name(&other, Some(&ispdb)).as_deref(),
            Some("Example Mail")
        );
        // The table beats a discovered block.
        let r = none.resolve(&gmail, Some(&ispdb)).unwrap();
        assert_eq!(
            (r.issuer.key.as_str(), r.origin),
            ("gmail", IssuerOrigin::Table)
        );
        // The person's word beats both.
        let given = Overrides {
            issuer: Some("https://127.0.0.1:4443".into()),
            scopes: vec!["openid".into()],
            client_id: None,
        };
        for email in [&other, &gmail] {
            let r = given.resolve(email, Some(&ispdb)).unwrap();
            assert_eq!(r.issuer.issuer, "https://127.0.0.1:4443");
            assert_eq!(r.origin, IssuerOrigin::Given);
        }
        // A block over plain HTTP or redirected off its site is never used without asking:
        // a typed cause naming the issuer and where it came from, and no button.
        for b in [&plain, &off] {
            assert!(!b.is_trusted());
            match none.resolve(&other, Some(b)) {
                Err(SessionError::OAuth(e @ OAuthError::UnconfirmedIssuer { .. })) => {
                    assert_eq!(e.code(), "oauth_issuer_unconfirmed");
                    assert!(e.to_string().contains("https://evil.test"), "{e}");
                    assert!(e.advice().contains("--oauth-issuer https://evil.test"));
                }
                other => panic!("{other:?}"),
            }
            assert_eq!(none.provider_name(&other, Some(b)), None);
        }
        // Nothing at all: not available.
        assert!(matches!(
            none.resolve(&other, None),
            Err(SessionError::OAuth(OAuthError::NoIssuer { .. }))
        ));
        assert!(!none.knows(&other) && none.knows(&gmail) && given.knows(&other));
    }

    #[test]
    fn a_domain_hosted_by_a_table_provider_signs_in_where_that_provider_does() {
        use discover::Channel;
        let customer = EmailAddress::parse("ann@customer.example").unwrap();
        let none = Overrides::default();
        // MX aspmx.l.google.com: discovery hands on Google's block (untrusted DNS).
        let table = crate::discover::providers::ProviderTable::builtin().unwrap();
        let gmail = table.lookup("gmail.com").unwrap();
        let by_mx = DiscoveredOAuth2::new(
            gmail.oauth2().unwrap().clone(),
            gmail.name(),
            SourceId::Mx,
            Channel::Dns,
            "MX aspmx.l.google.com → google.com",
        );
        assert!(!by_mx.is_trusted());
        let r = none.resolve(&customer, Some(&by_mx)).unwrap();
        assert_eq!(r.issuer.key, "gmail");
        assert_eq!(r.issuer.issuer, "https://accounts.google.com");
        assert!(!r.issuer.device_flow_for_mail, "Google: the browser only");
        assert_eq!(
            r.origin,
            IssuerOrigin::Discovered {
                via: "MX aspmx.l.google.com → google.com".into()
            }
        );
        assert_eq!(
            none.provider_name(&customer, Some(&by_mx)).as_deref(),
            Some("Gmail")
        );
        // A file (even over plain HTTP) naming Google's issuer with its own token endpoint:
        // Google's entry, Google's endpoints.
        let mut spec = gmail.oauth2().unwrap().clone();
        spec.token_endpoint = Some("https://evil.test/token".into());
        let evil = DiscoveredOAuth2::new(
            spec,
            "Evil",
            SourceId::AutoconfigHttp,
            Channel::PlainHttp,
            "http://autoconfig.customer.example/mail/config-v1.1.xml",
        );
        let r = none.resolve(&customer, Some(&evil)).unwrap();
        assert_eq!(
            r.issuer.token_endpoint.as_deref(),
            Some("https://oauth2.googleapis.com/token")
        );
        assert!(!r.issuer.named_by_domain);
    }

    #[test]
    fn a_session_never_shows_its_tokens_in_debug() {
        let s = Session {
            access: SecretString::from("at-123"),
            refresh: Some(SecretString::from("rt-456")),
            login: OAuth2Login {
                issuer: "https://i".into(),
                provider: "p".into(),
                client_id: "c".into(),
                scopes: vec![],
                mechanism: None,
                ..OAuth2Login::default()
            },
            confirmed_email: None,
        };
        let text = format!("{s:?}");
        assert!(
            !text.contains("at-123") && !text.contains("rt-456"),
            "{text}"
        );
    }
}
