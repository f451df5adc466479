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
    assert!(count >= 35, "only {count} inputs");
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

/// The X.509 field reader (`probe::cert_der`, our own DER reader that replaced x509-parser in
/// the binary) against what servers could send: random bytes and bent real certificates go
/// through the `cert_der` fuzz target's checks (no panic, nothing read from outside the
/// input); every valid certificate, random ones made with rcgen and the real CA certificates
/// among the seeds, reads exactly as x509-parser reads it.
mod cert_der_props {
    use std::path::Path;
    use std::sync::LazyLock;

    use mailsetup::probe::cert_der::{AltName, parse};
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
