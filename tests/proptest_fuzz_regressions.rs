//! Replays the fuzz targets' inputs through the library with the targets' own checks: every
//! committed seed (`fuzz/seeds/TARGET/`) and every input a fuzzer once crashed on
//! (`tests/fuzz_regressions/TARGET/`, one file per crash, named after what it found). A crash
//! found by `scripts/fuzz` becomes a regression test by copying its artifact there.
//!
//! Also checks that the Dovecot seeds are what they claim: the plaintext sessions verify,
//! the wrong-password ones end in `auth_failed`, so the fuzzer starts from conversations
//! that reach the sign-in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::path::{Path, PathBuf};

use mailsetup::account::Protocol;

/// The fuzz targets' checks, compiled here from the fuzz crate's own file: a library change
/// that breaks the fuzz targets fails this test's build (without nightly or libFuzzer).
#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

use fuzz_checks::{TARGETS, check, session};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("fuzz/seeds").join(target),
        root.join("tests/fuzz_regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("read an input");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_seed_and_every_saved_crash_replays_cleanly() {
    let mut count = 0;
    for target in TARGETS {
        let inputs = inputs(target);
        assert!(!inputs.is_empty(), "{target} has no seeds");
        for (path, data) in inputs {
            let result = std::panic::catch_unwind(|| check(target, &data));
            assert!(result.is_ok(), "{target}: {} fails", path.display());
            count += 1;
        }
    }
    assert!(count >= 80, "only {count} inputs");
}

#[test]
fn the_autodiscover_seeds_are_answers_the_parser_takes() {
    // The fuzzer starts from real shapes: servers, Exchange only, both redirects, an error.
    use mailsetup::discover::autodiscover_xml::{Action, Limits, parse};
    let mut kinds = Vec::new();
    for (path, data) in inputs("autodiscover") {
        if !path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds")) {
            continue;
        }
        let answer =
            parse(&data, Limits::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        kinds.push(match answer.action {
            Action::Settings if answer.exchange_only() => "exchange",
            Action::Settings => "servers",
            Action::RedirectAddr { .. } => "redirect_addr",
            Action::RedirectUrl { .. } => "redirect_url",
            Action::Error { .. } => "error",
        });
    }
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "error",
            "exchange",
            "redirect_addr",
            "redirect_url",
            "servers"
        ]
    );
}

#[test]
fn the_bearer_seeds_reach_the_sign_in_and_a_refused_token_reads_as_one() {
    // The scripted servers of the bearer_session seeds are Dovecot's and Gmail's words with
    // OAUTHBEARER / XOAUTH2 offered: the fuzzer starts from exchanges that get to the token.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/bearer_session");
    let run = |name: &str| {
        let data = std::fs::read(root.join(name)).expect("seed");
        fuzz_checks::bearer_session(&data)
    };
    for name in [
        "imap-dovecot-oauthbearer",
        "imap-xoauth2-without-sasl-ir",
        "pop3-dovecot-xoauth2",
        "smtp-dovecot-oauthbearer",
    ] {
        let report = run(name);
        assert!(report.is_verified(), "{name}: {:?}", report.diagnosis());
        assert!(report.server_facts.oauth2, "{name}");
    }
    for name in [
        "imap-invalid-token",
        "imap-token-echoed-in-error",
        "pop3-oauthbearer-refused",
        "smtp-google-xoauth2-refused",
        "smtp-token-echoed-in-reply",
    ] {
        let cause = run(name).diagnosis().map(|d| d.cause.code());
        assert_eq!(cause, Some("oauth_token_rejected"), "{name}");
    }
    let cause = run("imap-no-oauth-mechanism")
        .diagnosis()
        .map(|d| d.cause.code());
    // Only PLAIN offered to a token: no usable mechanism, said as such.
    assert_eq!(cause, Some("auth_mechanism_unsupported"));
}

#[test]
fn the_dovecot_seeds_reach_the_sign_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (target, protocol) in [
        ("imap_session", Protocol::Imap),
        ("pop3_session", Protocol::Pop3),
        ("smtp_session", Protocol::Smtp),
    ] {
        for name in ["dovecot-plain", "dovecot-plain-bytewise"] {
            let data = std::fs::read(root.join(target).join(name)).expect("seed");
            let report = session(protocol, &data);
            assert!(
                report.is_verified(),
                "{target}/{name}: {:?}",
                report.diagnosis()
            );
        }
        let data = std::fs::read(root.join(target).join("dovecot-wrong-password")).expect("seed");
        let cause = session(protocol, &data).diagnosis().map(|d| d.cause.code());
        assert_eq!(cause, Some("auth_failed"), "{target}");
    }
}

#[test]
fn the_scram_seeds_are_the_rfc_exchanges_and_the_refusals_they_name() {
    // RFC 7677 §3 and RFC 5802 §5 verify; the fuzzer starts from exchanges that reach the
    // server's signature, its binding verdict and its refusals.
    use mailsetup::probe::scram::{ScramError, ServerError};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/scram");
    let run = |name: &str| {
        let data = std::fs::read(root.join(name)).expect("seed");
        fuzz_checks::scram_exchange(&data).expect("a choice byte")
    };
    assert_eq!(run("rfc7677-sha256"), Ok(()));
    assert_eq!(run("rfc5802-sha1"), Ok(()));
    for (name, error) in [
        ("plus-binding-mismatch", ScramError::ChannelBindingMismatch),
        ("downgrade", ScramError::DowngradeDetected),
        (
            "invalid-proof",
            ScramError::Server(ServerError::InvalidProof),
        ),
        ("mandatory-extension", ScramError::MandatoryExtension),
        (
            "too-many-iterations",
            ScramError::IterationCount { count: 100_001 },
        ),
    ] {
        assert_eq!(run(name), Err(error), "{name}");
    }
}

#[test]
fn every_fuzz_target_file_runs_its_own_checks_and_is_built_and_run() {
    // The wrappers in fuzz/fuzz_targets are the only fuzz code this build does not compile:
    // each must hand its bytes to the checks of its own name, have its [[bin]] in
    // fuzz/Cargo.toml and be run by scripts/fuzz.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect(p);
    let manifest = read("fuzz/Cargo.toml");
    let script = read("scripts/fuzz");
    let mut files: Vec<String> = std::fs::read_dir(root.join("fuzz/fuzz_targets"))
        .expect("fuzz/fuzz_targets")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".rs"))
                .map(str::to_string)
        })
        .collect();
    files.sort();
    let run_by_default: Vec<&str> = script
        .lines()
        .find_map(|l| l.strip_prefix("ALL=("))
        .and_then(|l| l.strip_suffix(')'))
        .expect("scripts/fuzz lists its targets in ALL=(…)")
        .split_whitespace()
        .collect();
    let mut targets: Vec<String> = TARGETS.iter().map(|t| t.to_string()).collect();
    targets.sort();
    assert_eq!(files, targets, "fuzz/fuzz_targets/*.rs against TARGETS");
    for t in TARGETS {
        let source = read(&format!("fuzz/fuzz_targets/{t}.rs"));
        assert!(
            source.contains(&format!("mailsetup_fuzz::check(\"{t}\", data)")),
            "{t}.rs does not run the checks of {t}"
        );
        assert!(
            manifest.contains(&format!("name = \"{t}\"\npath = \"fuzz_targets/{t}.rs\"")),
            "fuzz/Cargo.toml has no [[bin]] for {t}"
        );
        assert!(run_by_default.contains(&t), "scripts/fuzz does not run {t}");
    }
}

/// The X.509 field reader (`trust::cert_der`, our own DER reader that replaced x509-parser in
/// the binary) against what servers could send: random bytes and bent real certificates go
/// through the `cert_der` fuzz target's checks (no panic, nothing read from outside the
/// input); every valid certificate, random ones made with rcgen and the real CA certificates
/// among the seeds, reads exactly as x509-parser reads it.
mod cert_der_props {
    use std::path::Path;
    use std::sync::LazyLock;

    use mailsetup::trust::cert_der::{AltName, parse};
    use proptest::prelude::*;
    use rcgen::{CertificateParams, DnType, KeyPair, SanType, date_time_ymd};

    use super::fuzz_checks::check;

    /// Subject, issuer, validity, SubjectPublicKeyInfo bytes and the alternative names shown.
    type Fields = (String, String, i64, i64, Vec<u8>, Vec<String>);

    fn ours(der: &[u8]) -> Fields {
        let c = parse(der).unwrap_or_else(|e| panic!("our reader refuses it: {e}"));
        let names = c.alt_names.iter().map(|n| match n {
            AltName::Dns(d) => format!("DNS:{d}"),
            AltName::Ip(b) => format!("IP:{b:?}"),
            AltName::Email(m) => format!("email:{m}"),
        });
        let names = names.collect();
        let spki = c.spki.to_vec();
        (c.subject, c.issuer, c.not_before, c.not_after, spki, names)
    }

    fn x509_parser(der: &[u8]) -> Fields {
        use x509_parser::extensions::GeneralName;
        let (_, c) = x509_parser::parse_x509_certificate(der).expect("x509-parser reads it");
        let general_names = match c.subject_alternative_name() {
            Ok(Some(ext)) => ext.value.general_names.clone(),
            _ => Vec::new(),
        };
        let names = general_names.iter().filter_map(|n| match n {
            GeneralName::DNSName(d) => Some(format!("DNS:{d}")),
            GeneralName::IPAddress(b) => Some(format!("IP:{b:?}")),
            GeneralName::RFC822Name(m) => Some(format!("email:{m}")),
            _ => None,
        });
        let validity = c.validity();
        (
            c.subject().to_string(),
            c.issuer().to_string(),
            validity.not_before.timestamp(),
            validity.not_after.timestamp(),
            c.tbs_certificate.subject_pki.raw.to_vec(),
            names.collect(),
        )
    }

    /// One key signs every generated certificate (a key pair per case would be slow).
    static KEY: LazyLock<KeyPair> = LazyLock::new(|| KeyPair::generate().expect("key"));

    /// The committed seeds of the fuzz target: real CA certificates and openssl's own.
    fn seeds() -> Vec<Vec<u8>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/cert_der");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fuzz/seeds/cert_der")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read(p).expect("a seed"))
            .collect()
    }

    /// Whole certificates to bend: the seeds that parse, and one made with rcgen.
    static WHOLE: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
        let mut all: Vec<Vec<u8>> = seeds().into_iter().filter(|s| parse(s).is_ok()).collect();
        let mut params = CertificateParams::new(vec!["imap.example.test".into()]).expect("params");
        params
            .subject_alt_names
            .push(SanType::IpAddress("192.0.2.1".parse().expect("IP")));
        all.push(params.self_signed(&*KEY).expect("sign").der().to_vec());
        all
    });

    #[test]
    fn the_real_certificates_among_the_seeds_read_as_x509_parser_reads_them() {
        let whole = seeds()
            .into_iter()
            .filter(|s| x509_parser::parse_x509_certificate(s).is_ok())
            .collect::<Vec<_>>();
        assert!(whole.len() >= 5, "only {} whole seeds", whole.len());
        for der in &whole {
            assert_eq!(ours(der), x509_parser(der));
        }
    }

    fn params() -> impl Strategy<Value = CertificateParams> {
        let text = "[A-Za-z0-9 .,'+=äöüßé日本-]{1,24}";
        let date = (1950i32..2150, 1u8..=12, 1u8..=28);
        (
            text,
            proptest::option::of(text),
            proptest::collection::vec("[a-z][a-z0-9-]{0,10}(\\.[a-z]{2,6}){1,2}", 0..4),
            proptest::collection::vec(any::<[u8; 4]>(), 0..3),
            proptest::collection::vec(any::<[u16; 8]>(), 0..2),
            proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.test"),
            date.clone(),
            date,
        )
            .prop_map(|(cn, org, dns, v4, v6, email, from, until)| {
                let mut p = CertificateParams::default();
                p.distinguished_name.push(DnType::CommonName, cn);
                if let Some(org) = org {
                    p.distinguished_name.push(DnType::OrganizationName, org);
                }
                p.subject_alt_names = dns
                    .into_iter()
                    .map(|d| SanType::DnsName(d.try_into().expect("IA5")))
                    .chain(v4.into_iter().map(|b| SanType::IpAddress(b.into())))
                    .chain(v6.into_iter().map(|s| SanType::IpAddress(s.into())))
                    .chain(email.map(|m| SanType::Rfc822Name(m.try_into().expect("IA5"))))
                    .collect();
                p.not_before = date_time_ymd(from.0, from.1, from.2);
                p.not_after = date_time_ymd(until.0, until.1, until.2);
                p
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn a_valid_certificate_reads_as_x509_parser_reads_it(p in params()) {
            let der = p.self_signed(&*KEY).expect("sign").der().to_vec();
            prop_assert_eq!(ours(&der), x509_parser(&der));
            check("cert_der", &der);
        }

        #[test]
        fn random_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..1500)) {
            check("cert_der", &data);
            // A DER SEQUENCE header in front gets the reader past its first check.
            let mut framed = vec![0x30, 0x82, (data.len() >> 8) as u8, data.len() as u8];
            framed.extend_from_slice(&data);
            check("cert_der", &framed);
        }

        #[test]
        fn bent_certificates_never_panic(
            which in any::<prop::sample::Index>(),
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in proptest::option::of(any::<prop::sample::Index>()),
            removed in proptest::option::of(any::<prop::sample::Index>()),
        ) {
            let mut der = which.get(&WHOLE).clone();
            for (at, byte) in changes {
                let i = at.index(der.len());
                der[i] = byte;
            }
            if let Some(at) = removed {
                der.remove(at.index(der.len()));
            }
            if let Some(at) = cut {
                der.truncate(at.index(der.len() + 1));
            }
            check("cert_der", &der);
        }
    }
}

/// The OAuth targets' checks on stable, with inputs a byte mutator rarely builds: whole JSON
/// objects with the RFC 6749 / RFC 8628 / RFC 7628 / OpenID Connect fields holding any text
/// (control characters, long values, non-ASCII), request lines with any target, and random
/// bytes for every OAuth target.
mod oauth_props {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as B64;
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    use super::fuzz_checks::check;

    const FIELDS: &[&str] = &[
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "id_token",
        "error",
        "error_description",
        "device_code",
        "user_code",
        "verification_uri",
        "verification_url",
        "verification_uri_complete",
        "interval",
        "status",
        "schemes",
        "openid-configuration",
        "email",
        "preferred_username",
    ];

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => any::<String>().prop_map(Value::from),
            2 => "(?s).{0,700}".prop_map(Value::from),
            1 => Just(Value::from("Bearer")),
            1 => "[a-z]{1,8}@[a-z]{1,8}\\.test".prop_map(Value::from),
            2 => any::<u64>().prop_map(Value::from),
            1 => any::<i64>().prop_map(Value::from),
            1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            1 => Just(Value::Null),
            1 => proptest::collection::vec(any::<String>().prop_map(Value::from), 0..3)
                .prop_map(Value::Array),
        ]
    }

    fn object() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec((proptest::sample::select(FIELDS), value()), 0..10).prop_map(
            |pairs| {
                let mut map = Map::new();
                for (k, v) in pairs {
                    map.insert(k.to_string(), v);
                }
                serde_json::to_vec(&Value::Object(map)).unwrap()
            },
        )
    }

    fn framed(first: u8, body: &[u8]) -> Vec<u8> {
        let mut data = vec![first];
        data.extend_from_slice(body);
        data
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn token_and_device_answers_of_any_fields_keep_their_promises(
            status in any::<u8>(),
            json in object(),
        ) {
            check("oauth_token", &framed(status, &json));
            check("oauth_device", &framed(status, &json));
        }

        #[test]
        fn error_objects_and_sasl_challenges_of_any_fields_keep_their_promises(
            first in any::<u8>(),
            json in object(),
        ) {
            check("oauth_error", &framed(first, &json));
            // The challenge as a mail server sends it: base64 of the JSON.
            check("oauth_error", &framed(2, B64.encode(&json).as_bytes()));
        }

        #[test]
        fn an_id_token_with_any_claims_gives_its_clean_email_exactly(json in object()) {
            check("id_token", &framed(1, &json));
        }

        #[test]
        fn any_request_line_keeps_the_loopback_checks(
            target in "[!-~]{0,80}",
            method in proptest::sample::select(&["GET", "POST", "get", " GET", "GET\t"][..]),
        ) {
            let head = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n");
            check("loopback_request", head.as_bytes());
        }

        #[test]
        fn random_bytes_never_panic_an_oauth_target(
            data in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            for target in ["oauth_token", "oauth_device", "oauth_error", "oauth_register", "id_token", "loopback_request", "bearer_session"] {
                check(target, &data);
            }
        }
    }

    #[test]
    fn a_target_reads_as_sent_and_its_query_only_for_the_redirect_path() {
        use mailsetup::oauth::loopback::{redirect_query, request_target};
        let head = b"GET /?code=4%2F0Afge&state=s+1 HTTP/1.1\r\nHost: x\r\n\r\n";
        let target = request_target(head).unwrap();
        assert_eq!(target, "/?code=4%2F0Afge&state=s+1");
        let pairs = redirect_query(&target).unwrap();
        assert_eq!(
            pairs,
            vec![
                ("code".to_string(), "4/0Afge".to_string()),
                ("state".to_string(), "s 1".to_string())
            ]
        );
        assert_eq!(redirect_query("/favicon.ico"), None);
        assert_eq!(request_target(b"POST / HTTP/1.1\r\n\r\n"), None);
        assert_eq!(request_target(b"GET\r\n\r\n"), None);
    }
}
