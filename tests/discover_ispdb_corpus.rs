//! Every file of Mozilla's ISPDB corpus parses, and every server in it has a host, a port, a
//! socket type and a username form. The corpus is read from `$MAILSETUP_ISPDB_DIR` (set by
//! scripts/test) or from `../shared/ispdb` beside the repository; it is never copied in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::collections::BTreeMap;
use std::path::PathBuf;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::config_v11::{self, AuthMethod, Limits};

fn corpus_dir() -> PathBuf {
    let base = match std::env::var_os("MAILSETUP_ISPDB_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/ispdb"),
    };
    let dir = if base.join("config-v1.1").is_dir() {
        base.join("config-v1.1")
    } else {
        base
    };
    assert!(
        dir.is_dir(),
        "the ISPDB corpus is missing: expected config-v1.1 files in {} — set MAILSETUP_ISPDB_DIR \
         to the folder holding Mozilla's ISPDB config-v1.1 files (scripts/test sets it when \
         ../shared/ispdb exists)",
        dir.display()
    );
    dir
}

#[test]
fn every_ispdb_file_parses_with_complete_servers() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 100,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
    let email = EmailAddress::parse("someone@example.test").unwrap();
    let mut servers: BTreeMap<Protocol, usize> = BTreeMap::new();
    let mut security: BTreeMap<Security, usize> = BTreeMap::new();
    let mut auth: BTreeMap<String, usize> = BTreeMap::new();
    let mut usernames: BTreeMap<String, usize> = BTreeMap::new();
    let mut warnings = 0;
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let config = match config_v11::parse(&bytes, Limits::default()) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        assert!(
            !config.domains.is_empty(),
            "{}: no <domain>",
            path.display()
        );
        warnings += config.warnings.len();
        for s in &config.servers {
            let host = s.host_for(&email);
            assert!(
                !host.is_empty() && !host.contains('%'),
                "{}: host {host:?}",
                path.display()
            );
            assert!(s.port > 0, "{}", path.display());
            let user = s.username_for(&email);
            assert!(
                !user.is_empty() && !user.contains('%'),
                "{}: username {user:?}",
                path.display()
            );
            *servers.entry(s.protocol).or_default() += 1;
            *security.entry(s.security).or_default() += 1;
            for a in &s.auth {
                let name = match a {
                    AuthMethod::Other(x) => format!("other:{x}"),
                    other => format!("{other:?}"),
                };
                *auth.entry(name).or_default() += 1;
            }
            *usernames.entry(s.username.clone()).or_default() += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "files that did not parse:\n{}",
        failures.join("\n")
    );
    println!("ISPDB corpus: {} files from {}", files.len(), dir.display());
    println!("  servers: {servers:?}");
    println!("  security: {security:?}");
    println!("  authentication: {auth:?}");
    println!("  username forms: {usernames:?}");
    println!("  skipped server kinds (warnings): {warnings}");
    assert_eq!(
        servers.values().sum::<usize>(),
        410,
        "every <hostname> of the corpus is a server"
    );
}

#[test]
fn the_charter_entry_matches_the_builtin_table() {
    let dir = corpus_dir();
    let bytes = std::fs::read(dir.join("charter.net.xml")).unwrap();
    let c = config_v11::parse(&bytes, Limits::default()).unwrap();
    assert_eq!(
        c.domains,
        vec!["charter.net", "spectrum.net", "bresnan.net"]
    );
    let smtp = c
        .servers
        .iter()
        .find(|s| s.protocol == Protocol::Smtp)
        .unwrap();
    assert_eq!(
        (smtp.hostname.as_str(), smtp.port, smtp.security),
        ("mobile.charter.net", 587, Security::Tls)
    );
}

#[test]
fn oauth2_blocks_give_https_endpoints_and_scopes() {
    let dir = corpus_dir();
    let mut with_block = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let Ok(config) = config_v11::parse(&bytes, Limits::default()) else {
            continue;
        };
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match (&config.oauth2, text.contains("<oAuth2>")) {
            (Some(spec), true) => {
                assert!(spec.issuer.starts_with("https://"), "{name}: {spec:?}");
                assert!(
                    spec.token_endpoint
                        .as_deref()
                        .is_some_and(|u| u.starts_with("https://")),
                    "{name}: {spec:?}"
                );
                assert!(!spec.scopes.is_empty(), "{name}: {spec:?}");
                assert!(spec.client_id.is_empty(), "ISPDB names no client id");
                with_block.insert(name, spec.clone());
            }
            (None, false) => {}
            (parsed, present) => panic!("{name}: block present {present}, parsed {parsed:?}"),
        }
    }
    assert!(with_block.len() >= 5, "{:?}", with_block.keys());
    let google = &with_block["googlemail.com.xml"];
    assert_eq!(google.issuer, "https://accounts.google.com");
    assert!(
        google
            .scopes
            .iter()
            .any(|s| s == "https://mail.google.com/")
    );
    assert_eq!(
        google.authorization_endpoint.as_deref(),
        Some("https://accounts.google.com/o/oauth2/auth")
    );
    let yahoo = &with_block["yahoo.com.xml"];
    assert_eq!(yahoo.scopes, vec!["mail-w".to_string()]);
    assert_eq!(
        yahoo.token_endpoint.as_deref(),
        Some("https://api.login.yahoo.com/oauth2/get_token")
    );
}
