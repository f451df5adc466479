//! Names a server or a file writes never reach a shell or a terminal raw (issue 20 §2, §5):
//! an autoconfig file served by the loopback HTTPS server whose `<hostname>` is a shell
//! command and whose `<issuer>` holds a command substitution is refused at discovery with the
//! reason, and nothing `discover` or `diagnose` prints (text, Markdown, JSON) carries either
//! value unquoted. Redirects never lead to this computer's or its network's addresses unless
//! `--resolve` named them; the address is never sent over plain HTTP; only the domain's own
//! answers over verified HTTPS may say the clock is wrong.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::process::{Command, Output};

use mailsetup::account::EmailAddress;
use mailsetup::discover::{self, ConfigError, FetchError, SourceError, SourceId, SourceStatus};
use netsupport::{LOOPBACK, Net, Reply, config_xml};

const PATH: &str = "/mail/config-v1.1.xml";
const EVIL_HOST: &str = "imap.x.test; touch /tmp/x";
const EVIL_ISSUER: &str = "https://id.x.test/$(id)";

/// A config-v1.1 file for x.test naming `imap_host` and, when given, an `<oAuth2>` issuer.
fn hostile_xml(imap_host: &str, issuer: Option<&str>) -> String {
    let xml = config_xml(
        "x.test",
        (imap_host, 993, "SSL"),
        ("pop.x.test", 995, "SSL"),
        ("smtp.x.test", 465, "SSL"),
    );
    match issuer {
        Some(i) => xml.replace(
            "</clientConfig>",
            &format!(
                "<oAuth2><issuer>{i}</issuer><scope>mail</scope>\
                 <tokenURL>https://id.x.test/token</tokenURL></oAuth2></clientConfig>"
            ),
        ),
        None => xml,
    }
}

async fn run(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .args(&args)
            .env("MST_PW", "hunter2-not-sent")
            .env_remove("RUST_LOG")
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

/// Every appearance of `value` in `out` is inside single quotes (as `shell_quote` writes it).
fn only_quoted(what: &str, out: &str, value: &str) {
    let quoted = format!("'{value}'");
    let rest = out.replace(&quoted, "");
    assert!(
        !rest.contains(value),
        "{what} shows {value:?} unquoted:\n{out}"
    );
}

fn serve_hostile(net: &Net, xml: String) {
    net.dns.a("autoconfig.x.test", LOOPBACK);
    net.web.https("autoconfig.x.test", PATH, Reply::Xml(xml));
}

#[tokio::test]
async fn a_hostname_with_a_shell_command_is_refused_at_discovery_naming_the_file() {
    let net = Net::start().await;
    serve_hostile(&net, hostile_xml(EVIL_HOST, Some(EVIL_ISSUER)));
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("a@x.test").unwrap(), &o).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert_eq!(report.status, SourceStatus::Failed, "{report:?}");
    let error = report.error.as_ref().unwrap();
    assert!(
        matches!(
            error,
            SourceError::Config {
                error: ConfigError::BadHostName { .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert!(r.candidates.is_empty(), "{:?}", r.candidates);
    assert!(r.oauth2.is_none());
    let words = error.words();
    assert!(
        words.contains("https://autoconfig.x.test/mail/config-v1.1.xml")
            && words.contains("not a valid host name"),
        "{words}"
    );
    only_quoted("the error", &error.to_string(), EVIL_HOST);
}

#[tokio::test]
async fn an_issuer_that_is_not_an_https_url_of_a_host_is_refused_at_discovery() {
    let net = Net::start().await;
    serve_hostile(&net, hostile_xml("imap.x.test", Some(EVIL_ISSUER)));
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("a@x.test").unwrap(), &o).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    let error = report.error.as_ref().expect("refused");
    assert!(
        matches!(
            error,
            SourceError::Config {
                error: ConfigError::BadIssuer(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.words().contains("https"), "{}", error.words());
    assert!(r.oauth2.is_none() && r.candidates.is_empty());
    only_quoted("the error", &error.to_string(), EVIL_ISSUER);
}

#[tokio::test]
async fn nothing_discover_or_diagnose_prints_holds_the_values_unquoted() {
    let net = Net::start().await;
    serve_hostile(&net, hostile_xml(EVIL_HOST, Some(EVIL_ISSUER)));
    let mut runs = Vec::new();
    for extra in [&[][..], &["--json"][..]] {
        let mut args: Vec<String> = ["discover", "a@x.test", "--timeout", "3"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(net.cli_args());
        runs.push((format!("discover {extra:?}"), run(args).await));
    }
    for extra in [&[][..], &["--json"][..], &["--markdown"][..]] {
        let mut args: Vec<String> = [
            "diagnose",
            "a@x.test",
            "--password-env",
            "MST_PW",
            "--timeout",
            "3",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(net.cli_args());
        runs.push((format!("diagnose {extra:?}"), run(args).await));
    }
    for (what, out) in &runs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            // Once the quoted values are taken out, no piece of them is left anywhere.
            let rest = text
                .replace(&format!("'{EVIL_HOST}'"), "")
                .replace(&format!("'{EVIL_ISSUER}'"), "");
            for piece in [EVIL_HOST, EVIL_ISSUER, "touch /tmp/x", "$(id)"] {
                assert!(
                    !rest.contains(piece),
                    "{what} {stream} shows {piece:?} unquoted:\n{text}"
                );
            }
        }
        assert!(
            !stdout.contains("hunter2-not-sent"),
            "{what} printed the password"
        );
    }
    // The text says why the file was refused.
    let text = String::from_utf8_lossy(&runs[0].1.stdout);
    assert!(text.contains("not a valid host name"), "{text}");
}

#[tokio::test]
async fn an_srv_or_placeholder_name_that_is_not_a_host_name_is_refused_too() {
    // A placeholder filled with the address's local part cannot smuggle one in either.
    let net = Net::start().await;
    serve_hostile(&net, hostile_xml("%EMAILLOCALPART%.x.test", None));
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("a+b@x.test").unwrap(), &o).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert!(
        matches!(report.error, Some(SourceError::BadHost { .. })),
        "{report:?}"
    );
    assert!(r.candidates.is_empty());
}

/// A zone that answers with names no host can have: the SRV target and the MX exchange are
/// raw DNS labels holding a shell command, a command substitution and a terminal escape (OSC
/// 52, "write to the clipboard").
#[tokio::test]
async fn srv_and_mx_answers_that_are_not_host_names_are_refused_and_never_printed_raw() {
    const OSC52: &[u8] = b"\x1b]52;c;aGk=\x07";
    let net = Net::start().await;
    net.dns.srv_raw(
        "_imaps._tcp.x.test",
        0,
        993,
        &[b"imap; touch /tmp/x", b"x", b"test"],
    );
    net.dns.srv_raw(
        "_submissions._tcp.x.test",
        0,
        465,
        &[b"smtp$(id)", OSC52, b"test"],
    );
    net.dns
        .mx_raw("x.test", 10, &[b"mx$(id)", OSC52, b"evil", b"test"]);

    // The engine: the SRV answer is refused as a whole, naming the SRV record; nothing of it
    // (or of the MX) becomes a candidate.
    let mut o = net.options();
    o.sources = [SourceId::Srv, SourceId::Mx].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("a@x.test").unwrap(), &o).await;
    for id in [SourceId::Srv, SourceId::Mx] {
        let report = r.source(id).unwrap();
        assert!(
            matches!(&report.error, Some(SourceError::BadHost { .. })),
            "{report:?}"
        );
        // Refused before anything was asked with it: no URL built from the MX name.
        assert!(
            report.asked.iter().all(|a| !a.contains("evil")),
            "{report:?}"
        );
    }
    for c in &r.candidates {
        assert!(
            c.host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'),
            "a candidate from a hostile answer: {c:?}"
        );
    }

    // The binary: no control byte, and neither command, reaches the terminal unquoted.
    for extra in [&[][..], &["--json"][..]] {
        let mut args: Vec<String> = ["discover", "a@x.test", "--timeout", "3"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.extend(net.cli_args());
        let out = run(args).await;
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "discover {extra:?} {stream} carries a control byte:\n{text:?}"
            );
            // The names are shown only in DNS's own escaped form (RFC 4343: `\;`, `\040`).
            for piece in ["touch /tmp/x", "$(id)", "]52;"] {
                assert!(
                    !text.contains(piece),
                    "discover {extra:?} {stream} shows {piece:?} raw:\n{text}"
                );
            }
        }
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("not a valid host name"), "{text}");
        assert!(out.status.code().is_some(), "discover was killed");
    }
}

#[tokio::test]
async fn a_redirect_to_this_computer_is_not_followed_unless_resolve_named_it() {
    let net = Net::start().await;
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.dns.a("internal.example.test", LOOPBACK);
    let to = net.web.url(true, "internal.example.test", "/x.xml");
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(to));
    net.web.https(
        "internal.example.test",
        "/x.xml",
        Reply::Xml(config_xml(
            "example.test",
            ("imap.example.test", 993, "SSL"),
            ("pop.example.test", 995, "SSL"),
            ("smtp.example.test", 465, "SSL"),
        )),
    );
    let email = EmailAddress::parse("a@example.test").unwrap();
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&email, &o).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert!(
        matches!(
            report.error,
            Some(SourceError::Http(FetchError::PrivateRedirect { .. }))
        ),
        "{report:?}"
    );
    assert!(
        !net.web
            .seen()
            .iter()
            .any(|s| s.host == "internal.example.test"),
        "the redirect was followed: {:?}",
        net.web.seen()
    );
    // An address literal is refused the same way.
    let literal = format!("https://127.0.0.1:{}/x.xml", net.web.port);
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(literal));
    let r = discover::discover(&email, &o).await;
    assert!(
        matches!(
            r.source(SourceId::Autoconfig).unwrap().error,
            Some(SourceError::Http(FetchError::PrivateRedirect { .. }))
        ),
        "{:?}",
        r.source(SourceId::Autoconfig)
    );
    // Named with --resolve, the technician's own word: followed.
    let to = net.web.url(true, "internal.example.test", "/x.xml");
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(to));
    o.add_resolve("internal.example.test=127.0.0.1").unwrap();
    let r = discover::discover(&email, &o).await;
    let report = r.source(SourceId::Autoconfig).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
}

#[tokio::test]
async fn the_address_is_never_sent_over_plain_http() {
    let net = Net::start().await;
    net.dns.a("autoconfig.plain.test", LOOPBACK);
    net.dns.a("plain.test", LOOPBACK);
    let mut o = net.options();
    o.sources = [SourceId::AutoconfigHttp, SourceId::Autoconfig]
        .into_iter()
        .collect();
    let _ = discover::discover(
        &EmailAddress::parse("secret.person@plain.test").unwrap(),
        &o,
    )
    .await;
    let seen = net.web.seen();
    assert!(
        seen.iter()
            .any(|s| !s.tls && s.host == "autoconfig.plain.test"),
        "plain HTTP was asked: {seen:?}"
    );
    for s in seen.iter().filter(|s| !s.tls) {
        assert!(
            !s.target.contains("secret.person") && !s.target.contains("emailaddress"),
            "the address went over plain HTTP: {s:?}"
        );
    }
    // Over HTTPS it goes along, as Thunderbird sends it.
    assert!(
        seen.iter()
            .any(|s| s.tls && s.target.contains("emailaddress=secret.person")),
        "{seen:?}"
    );
}

#[tokio::test]
async fn only_a_vouched_https_answer_can_say_the_clock_is_wrong() {
    let net = Net::start().await;
    // Every answer's Date is three years ahead.
    net.web.date_offset(time::Duration::days(3 * 365));
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.dns.a("config.hoster.test", LOOPBACK);
    let xml = config_xml(
        "example.test",
        ("imap.example.test", 993, "SSL"),
        ("pop.example.test", 995, "SSL"),
        ("smtp.example.test", 465, "SSL"),
    );
    // A redirect off the domain: the answer does not speak for it.
    let to = net.web.url(true, "config.hoster.test", "/example.xml");
    net.web
        .https("autoconfig.example.test", PATH, Reply::Redirect(to));
    net.web.https(
        "config.hoster.test",
        "/example.xml",
        Reply::Xml(xml.clone()),
    );
    let email = EmailAddress::parse("a@example.test").unwrap();
    let mut o = net.options();
    o.add_resolve("config.hoster.test=127.0.0.1").unwrap();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let r = discover::discover(&email, &o).await;
    assert_eq!(
        r.source(SourceId::Autoconfig).unwrap().status,
        SourceStatus::Found
    );
    assert!(
        !o.dates.all_dates().is_empty(),
        "the stray answer's Date was seen"
    );
    assert_eq!(
        mailsetup::verify::time_evidence(&o),
        None,
        "an unvouched answer gave clock evidence"
    );
    // The domain's own file over verified HTTPS: its Date counts.
    net.web
        .https("autoconfig.example.test", PATH, Reply::Xml(xml));
    let mut o = net.options();
    o.sources = [SourceId::Autoconfig].into_iter().collect();
    let _ = discover::discover(&email, &o).await;
    let evidence = mailsetup::verify::time_evidence(&o).expect("vouched evidence");
    assert!(evidence.clock_is_off(), "{evidence:?}");
}
