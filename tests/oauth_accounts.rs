//! OAuth accounts beyond the built-in provider table, end to end with real parts only: the
//! test authorization server (oidc-provider over HTTPS, `support::oidc`), Chromium approving
//! the device flow (`support::oidc_browser`), the Dovecot that introspects every token
//! (`support::oauth_dovecot`), and discovery's loopback DNS and HTTPS servers
//! (`netsupport`), which publish a config-v1.1 file with an `<oAuth2>` block.
//!
//! Read like support tickets:
//! - `diagnose --oauth` for a domain the table does not know, without `--oauth-issuer`:
//!   the provider's autoconfig file (HTTPS) names the servers and the issuer; the device
//!   flow signs in there, the servers verify with OAUTHBEARER, the account is saved; the
//!   report's by-hand commands sign in with `--oauth2-bearer "$TOKEN"`, never a token;
//!   `accounts remove` then ends the sign-in at the provider (RFC 7009): the old refresh
//!   token gets `invalid_grant`;
//! - the same file over plain HTTP only: its issuer is not used without the person's word;
//! - `accounts remove` while the authorization server is down: the account goes all the
//!   same, with the cause and how to end the sign-in at the provider.
//!
//! Needs the keychain session `scripts/test` sets up (`keyctl session -`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::path::{Path, PathBuf};

use mailsetup::account::{Protocol, Security};

use netsupport::{LOOPBACK, Net, Reply};
use support::oauth_cli::{
    Run, assert_secret_free, config_dir, files_text, run, run_approving, saved_refresh_token,
};
use support::oidc::{AuthServer, AuthServerOptions, DEFAULT_SCOPE};
use support::oidc_browser::{Consent, require_chromium};
use support::pki::pki;
use support::{auth_server, dovecot_with_oauth, oauth_dovecot};

const ADDRESS: &str = "traveller@example.test";
const CONFIG_PATH: &str = "/mail/config-v1.1.xml";

/// A config-v1.1 file naming the OAuth Dovecot's implicit-TLS servers (as `localhost`, which
/// its certificate names) and `server` as the issuer.
fn config_with_oauth2(server: &AuthServer) -> String {
    let d = oauth_dovecot();
    let port = |p| d.listener(p, Security::Tls).addr().port();
    let entry = |tag: &str, kind: &str, port: u16| {
        format!(
            "<{tag} type=\"{kind}\"><hostname>localhost</hostname><port>{port}</port>\
             <socketType>SSL</socketType><username>%EMAILADDRESS%</username>\
             <authentication>OAuth2</authentication></{tag}>"
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <displayName>Example Test Mail</displayName>
    {}
    {}
    {}
  </emailProvider>
  <oAuth2>
    <issuer>{issuer}</issuer>
    <scope>{DEFAULT_SCOPE}</scope>
    <authURL>{issuer}/auth</authURL>
    <tokenURL>{token}</tokenURL>
  </oAuth2>
</clientConfig>"#,
        entry("incomingServer", "imap", port(Protocol::Imap)),
        entry("incomingServer", "pop3", port(Protocol::Pop3)),
        entry("outgoingServer", "smtp", port(Protocol::Smtp)),
        issuer = server.issuer,
        token = server.token_endpoint(),
    )
}

/// Discovery's loopback servers (on their own runtime, which must outlive the test), with
/// `autoconfig.example.test` and `localhost` in the test DNS.
fn network() -> (tokio::runtime::Runtime, Net) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let net = rt.block_on(Net::start());
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.dns.a("localhost", LOOPBACK);
    (rt, net)
}

/// One PEM file with discovery's test CA and the mail and authorization servers' CA.
fn both_cas(net: &Net, dir: &Path) -> PathBuf {
    let path = dir.join("both-cas.pem");
    let mail_ca = std::fs::read_to_string(&pki().ca_pem).expect("the test CA");
    std::fs::write(&path, format!("{}\n{mail_ca}", net.ca.cert_pem())).expect("write CAs");
    path
}

/// Discovery's flags, with the combined CA file in place of discovery's own.
fn discovery_flags(net: &Net, ca: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut flags = net.cli_args().into_iter();
    while let Some(flag) = flags.next() {
        let value = flags.next().expect("a flag's value");
        let value = if flag == "--ca-file" {
            ca.display().to_string()
        } else {
            value
        };
        out.extend([flag, value]);
    }
    out
}

/// `diagnose --oauth ADDRESS` with no issuer, servers nor scopes: everything from discovery.
fn discovering_args(net: &Net, server: &AuthServer, ca: &Path) -> Vec<String> {
    let mut args: Vec<String> = [
        "diagnose",
        ADDRESS,
        "--oauth",
        "--oauth-client-id",
        &server.client_id,
        "--connectivity-url",
        "off",
        "--timeout",
        "20",
    ]
    .map(String::from)
    .to_vec();
    args.extend(discovery_flags(net, ca));
    args
}

fn accounts(dir: &Path, action: &[&str]) -> Run {
    let mut args = vec![
        "accounts".to_string(),
        "--config-dir".to_string(),
        dir.display().to_string(),
    ];
    args.extend(action.iter().map(|s| s.to_string()));
    run(&args, &[], |_| {})
}

#[test]
fn a_discovered_oauth2_block_names_the_issuer_and_remove_ends_the_sign_in() {
    require_chromium();
    let server = auth_server();
    let (_rt, net) = network();
    net.web.https(
        "autoconfig.example.test",
        CONFIG_PATH,
        Reply::Xml(config_with_oauth2(server)),
    );
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    // `discover` shows the sign-in the file names, and where it came from.
    let mut discover_args = vec!["discover".to_string(), ADDRESS.to_string()];
    discover_args.extend(discovery_flags(&net, &ca));
    let found = run(&discover_args, &[], |_| {});
    assert!(
        found.stdout.contains(&format!(
            "OAuth 2.0 sign-in: {} (named by https://autoconfig.example.test{CONFIG_PATH}",
            server.issuer
        )),
        "{}",
        found.all()
    );
    let mut args = discovering_args(&net, server, &ca);
    args.extend(
        [
            "--json",
            "--save",
            "--config-dir",
            &dir.path().display().to_string(),
            "--keychain",
            "keyutils",
        ]
        .map(String::from),
    );
    let signed = run_approving(&args, &[], server, server.traveller(), Consent::Allow);
    assert_eq!(signed.code, Some(0), "{}", signed.all());
    // Where the issuer came from is said before the sign-in.
    let said = format!(
        "Signing in at {}, named by https://autoconfig.example.test{CONFIG_PATH}\
         ?emailaddress=traveller%40example.test",
        server.issuer
    );
    assert!(signed.stderr.contains(&said), "{}", signed.all());
    let doc = signed.json();
    let servers = doc["servers"].as_array().expect("servers");
    assert_eq!(servers.len(), 2, "IMAP and SMTP: {doc}");
    for s in servers {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
        assert_eq!(s["server"]["host"], "localhost", "{s}");
        let used = s["server_facts"]["auth_used"].as_str().unwrap_or_default();
        assert!(used.ends_with("OAUTHBEARER"), "{s}");
    }
    // The by-hand command signs in with a token placeholder, never with --user's password
    // prompt nor a token.
    let imap = &servers[0]["by_hand"];
    let curl = imap[1].as_str().expect("the curl line");
    assert!(
        // It trusts the CA file the test trusted (issue 21 item 8).
        curl.starts_with("curl -v --cacert ")
            && curl.contains(" --login-options AUTH=OAUTHBEARER --user traveller@example.test: --oauth2-bearer \"$TOKEN\" imaps://localhost:"),
        "{curl}"
    );
    assert!(doc["saved"]["id"].is_string(), "{doc}");
    let saved_file = files_text(dir.path());
    assert!(saved_file.contains(&server.issuer), "{saved_file}");
    let refresh = saved_refresh_token(dir.path());

    let removed = accounts(dir.path(), &["remove", "traveller-example-test"]);
    assert_eq!(removed.code, Some(0), "{}", removed.all());
    assert!(
        removed.stdout.contains(&format!(
            "The sign-in at {} was ended: the saved refresh token no longer works there.",
            server.issuer
        )),
        "{}",
        removed.all()
    );
    let listed = accounts(dir.path(), &["list", "--json"]);
    assert!(!listed.stdout.contains("traveller"), "{}", listed.all());
    // At the provider, the refresh token is gone.
    let refused = server
        .refresh(&refresh)
        .expect_err("a revoked refresh token");
    assert_eq!(refused.error, "invalid_grant", "{refused:?}");

    let secrets = std::slice::from_ref(&refresh);
    for (what, text) in [
        ("diagnose", signed.all()),
        ("remove", removed.all()),
        ("the config dir", files_text(dir.path())),
    ] {
        assert_secret_free(what, &text, secrets);
    }
}

#[test]
fn an_oauth2_block_over_plain_http_is_not_used_without_asking() {
    let server = auth_server();
    let (_rt, net) = network();
    net.web.http(
        "autoconfig.example.test",
        CONFIG_PATH,
        Reply::Xml(config_with_oauth2(server)),
    );
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    let mut args = discovering_args(&net, server, &ca);
    let d = oauth_dovecot();
    args.extend([
        "--imap".into(),
        format!(
            "{}/tls",
            d.listener(Protocol::Imap, Security::Tls).hostport()
        ),
        "--json".into(),
    ]);
    let out = run(&args, &[], |_| {});
    assert_eq!(out.code, Some(1), "{}", out.all());
    let doc = out.json();
    assert_eq!(doc["oauth"]["error"], "oauth_issuer_unconfirmed", "{doc}");
    let summary = doc["oauth"]["summary"].as_str().unwrap_or_default();
    assert!(summary.contains(&server.issuer), "{summary}");
    assert!(
        summary.contains("http://autoconfig.example.test"),
        "{summary}"
    );
    let advice = doc["oauth"]["advice"].as_str().unwrap_or_default();
    assert!(
        advice.contains(&format!("--oauth-issuer {}", server.issuer)),
        "{advice}"
    );
    // Nobody was asked to sign in anywhere.
    assert!(!out.stderr.contains("To sign in, open"), "{}", out.all());
}

#[test]
fn remove_with_the_authorization_server_down_still_removes_and_says_how_to_revoke() {
    require_chromium();
    let server = AuthServer::start(&AuthServerOptions::default());
    let dovecot = dovecot_with_oauth(&server);
    let dir = config_dir();
    let mut args: Vec<String> = [
        "diagnose",
        ADDRESS,
        "--oauth",
        "--oauth-issuer",
        &server.issuer,
        "--oauth-client-id",
        &server.client_id,
        "--oauth-scope",
        DEFAULT_SCOPE,
        "--ca-file",
        &pki().ca_pem.display().to_string(),
        "--connectivity-url",
        "off",
        "--imap",
        &format!(
            "{}/tls",
            dovecot.listener(Protocol::Imap, Security::Tls).hostport()
        ),
        "--smtp",
        &format!(
            "{}/tls",
            dovecot.listener(Protocol::Smtp, Security::Tls).hostport()
        ),
        "--save",
        "--config-dir",
        &dir.path().display().to_string(),
        "--keychain",
        "keyutils",
    ]
    .map(String::from)
    .to_vec();
    args.push("--json".into());
    let saved = run_approving(&args, &[], &server, server.traveller(), Consent::Allow);
    assert_eq!(saved.code, Some(0), "{}", saved.all());
    let refresh = saved_refresh_token(dir.path());
    let issuer = server.issuer.clone();
    drop(server);

    let removed = accounts(dir.path(), &["remove", "traveller-example-test"]);
    assert_eq!(removed.code, Some(0), "{}", removed.all());
    assert!(
        removed.stdout.contains(&format!(
            "warning: the sign-in at {issuer} could not be ended (oauth_server_unreachable)"
        )),
        "{}",
        removed.all()
    );
    assert!(
        removed
            .stdout
            .contains("remove mailsetup's access in its security or connected-apps settings"),
        "{}",
        removed.all()
    );
    assert!(
        removed.stdout.contains("Removed traveller-example-test"),
        "{}",
        removed.all()
    );
    let listed = accounts(dir.path(), &["list", "--json"]);
    assert!(!listed.stdout.contains("traveller"), "{}", listed.all());
    assert_secret_free("remove", &removed.all(), &[refresh]);
}

/// The window's side: the account page learns of the provider's sign-in from the ISPDB's
/// `<oAuth2>` block while the address is typed, and "Sign in with …" uses that issuer (here
/// without a client id, so the answer names the provider and stops before any network).
#[test]
fn the_window_offers_the_sign_in_an_ispdb_block_names() {
    use mailsetup::runtime::{Runtime, RuntimeConfig};
    use mailsetup::wizard::{Effect, Event, TaskId};
    let server = auth_server();
    let (_rt, net) = network();
    net.web.https(
        "ispdb.test",
        "/v1.1/example.test",
        Reply::Xml(config_with_oauth2(server)),
    );
    let dir = config_dir();
    // The authorization server's CA too: without a client id, its metadata is read to see
    // whether mailsetup may register itself there (it may not: `oauth_client_id_missing`).
    let roots = vec![net.ca.cert_der(), pki().ca_der.clone()];
    let mut config = RuntimeConfig::new(roots).expect("trust");
    config.set_discovery(net.options());
    config.config_dir = Some(dir.path().to_path_buf());
    let (mut runtime, events) = Runtime::new(config, std::sync::Arc::new(|| {})).expect("runtime");
    // Typed letter by letter: only the domain that stays is asked about.
    for domain in ["example.t", "example.test"] {
        let effect = Effect::LookUpNote {
            domain: domain.into(),
        };
        assert!(runtime.execute(effect).is_none());
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut offered = Vec::new();
    while offered.last() != Some(&Some("Example Test Mail".to_string())) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Event::OAuthAvailable { domain, provider }) if domain == "example.test" => {
                offered.push(provider);
            }
            Ok(_) => {}
            Err(e) => panic!("no offer of the sign-in ({e}); offers: {offered:?}"),
        }
    }
    // The table knows nothing (None first), the ISPDB's block names the provider.
    assert_eq!(offered, [None, Some("Example Test Mail".to_string())]);
    let asked: Vec<String> = net.web.seen().into_iter().map(|s| s.path).collect();
    assert!(
        !asked.iter().any(|p| p.ends_with("/example.t")),
        "{asked:?}"
    );

    let task = TaskId(900);
    let email = mailsetup::account::EmailAddress::parse(ADDRESS).unwrap();
    runtime.execute(Effect::OAuthSignIn { task, email });
    let problem = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left).expect("the sign-in's answer") {
            Event::SignedIn { result, .. } => break result.expect_err("no client id"),
            _ => continue,
        }
    };
    assert_eq!(problem.code, "oauth_client_id_missing", "{problem:?}");
    assert!(problem.summary.contains("Example Test Mail"), "{problem:?}");
}

/// `--resolve` reaches the authorization server as it reaches discovery's servers: the
/// issuer's name exists nowhere but in the flag, and its metadata and device endpoint are
/// asked there (the test server answers the device request with an error). The client
/// secret comes from `--oauth-client-secret-env` and is never shown.
#[test]
fn resolve_applies_to_the_authorization_servers_requests() {
    let (_rt, net) = network();
    let issuer = &format!("https://auth.example.test:{}", net.web.port);
    let metadata = serde_json::json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "device_authorization_endpoint": format!("{issuer}/device"),
    });
    net.web.https(
        "auth.example.test",
        "/.well-known/openid-configuration",
        Reply::Bytes(metadata.to_string().into_bytes()),
    );
    net.web
        .https("auth.example.test", "/device", Reply::Status(503));
    let mut args: Vec<String> = [
        "diagnose",
        ADDRESS,
        "--oauth",
        "--oauth-issuer",
        issuer,
        "--oauth-client-id",
        "test-client",
        "--oauth-scope",
        "mail",
        "--imap",
        "127.0.0.1:9/tls",
        "--json",
        "--resolve",
        "auth.example.test=127.0.0.1",
        "--oauth-client-secret-env",
        "TEST_CLIENT_SECRET",
    ]
    .map(String::from)
    .to_vec();
    args.extend(["--ca-file".into(), net.ca_file().display().to_string()]);
    // Without the variable: a usage error naming it.
    let unset = run(&args, &[], |_| {});
    assert_eq!(unset.code, Some(2), "{}", unset.all());
    assert!(
        unset
            .stderr
            .contains("environment variable TEST_CLIENT_SECRET holds no client secret"),
        "{}",
        unset.all()
    );
    let secret = "client-secret-5f1e9a7c".to_string();
    let env = [("TEST_CLIENT_SECRET".to_string(), secret.clone())];
    let out = run(&args, &env, |_| {});
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert_secret_free("diagnose", &out.all(), &[secret]);
    assert!(out.json()["oauth"]["error"].is_string(), "{}", out.all());
    let asked: Vec<String> = net
        .web
        .seen()
        .into_iter()
        .filter(|s| s.tls && s.host == "auth.example.test")
        .map(|s| s.path)
        .collect();
    assert_eq!(
        asked,
        ["/.well-known/openid-configuration", "/device"],
        "{}",
        out.all()
    );
}

/// Token, device and revocation requests never follow a redirect (issue 20 §3): a 307 or 308
/// would resend the refresh token, the client secret or the device request to wherever it
/// points. Each is a typed cause, and the other host never hears from us.
#[test]
fn token_device_and_revocation_requests_never_follow_a_redirect() {
    use mailsetup::oauth::session::Reach;
    use mailsetup::oauth::{Client, Issuer, OAuthError, TokenClient};
    use secrecy::SecretString;
    let (rt, net) = network();
    net.dns.a("auth.example.test", LOOPBACK);
    net.dns.a("elsewhere.example.test", LOOPBACK);
    let issuer_url = format!("https://auth.example.test:{}", net.web.port);
    let elsewhere = format!("https://elsewhere.example.test:{}/taken", net.web.port);
    for (path, status) in [("/token", 307), ("/device", 308), ("/revoke", 307)] {
        net.web.https(
            "auth.example.test",
            path,
            Reply::RedirectWith(status, elsewhere.clone()),
        );
    }
    net.web.https(
        "elsewhere.example.test",
        "/taken",
        Reply::Bytes(br#"{"access_token":"stolen-access","token_type":"Bearer"}"#.to_vec()),
    );
    let reach = Reach::of_discovery(&net.options());
    let http = mailsetup::oauth::http_client(
        reach.roots.clone(),
        reach.resolver.clone(),
        reach.overrides.clone(),
    )
    .expect("the OAuth client");
    let mut issuer = Issuer::at(&issuer_url, vec!["mail".into()]);
    issuer.token_endpoint = Some(format!("{issuer_url}/token"));
    issuer.device_authorization_endpoint = Some(format!("{issuer_url}/device"));
    issuer.revocation_endpoint = Some(format!("{issuer_url}/revoke"));
    let tc = TokenClient {
        http,
        issuer,
        client: Client {
            id: "test-client".into(),
            secret: Some(SecretString::from("client-secret-0b7f3e")),
            source: mailsetup::store::ClientSource::Table,
        },
    };
    let refresh = SecretString::from("refresh-token-9c2d51");
    rt.block_on(async {
        let refused = [
            tc.refresh(&refresh).await.map(|_| ()),
            mailsetup::oauth::device::start(&tc).await.map(|_| ()),
            tc.revoke(&refresh).await,
        ];
        for (what, result) in ["refresh", "device", "revoke"].iter().zip(refused) {
            match result {
                Err(e @ OAuthError::RedirectRefused { .. }) => {
                    assert_eq!(e.code(), "oauth_redirect_refused");
                    assert!(e.to_string().contains(&issuer_url), "{e}");
                    assert!(!e.advice().is_empty());
                }
                other => panic!("{what}: {other:?}"),
            }
        }
    });
    let seen = net.web.seen();
    assert!(
        seen.iter().all(|s| s.host != "elsewhere.example.test"),
        "a redirect was followed: {seen:?}"
    );
    assert_eq!(
        seen.iter()
            .filter(|s| s.host == "auth.example.test")
            .count(),
        3,
        "{seen:?}"
    );
}

/// A domain hosted by a provider of the built-in table (its MX is Google's) gets that
/// provider's sign-in (issue 20 §3): `discover` names Google's issuer and where it learned
/// it; `diagnose --oauth` asks for a client id registered with Gmail — the table's entry,
/// with its endpoints and its rule that Google's mail scope needs the browser.
#[test]
fn a_domain_whose_mx_is_a_table_provider_gets_that_providers_sign_in() {
    let (_rt, net) = network();
    net.dns.mx("customer.test", 10, "aspmx.l.google.com");
    let mut args = vec!["discover".to_string(), "ann@customer.test".to_string()];
    args.extend(net.cli_args());
    let found = run(&args, &[], |_| {});
    assert!(
        found.stdout.contains(
            "OAuth 2.0 sign-in: https://accounts.google.com (named by MX aspmx.l.google.com → google.com"
        ),
        "{}",
        found.all()
    );
    let mut args: Vec<String> = [
        "diagnose",
        "ann@customer.test",
        "--oauth",
        "--browser",
        "--json",
        "--connectivity-url",
        "off",
    ]
    .map(String::from)
    .to_vec();
    args.extend(net.cli_args());
    let out = run(&args, &[], |_| {});
    assert_eq!(out.code, Some(1), "{}", out.all());
    let doc = out.json();
    assert_eq!(doc["oauth"]["error"], "oauth_client_id_missing", "{doc}");
    let summary = doc["oauth"]["summary"].as_str().unwrap_or_default();
    assert!(summary.contains("Gmail"), "{summary}");
}
