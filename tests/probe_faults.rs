//! Faults a real server will not stage on demand, from small scripted servers on loopback:
//! every cause code the probe can give (except the DNS ones, which the discovery tests cover
//! with a real DNS server) comes out of at least one test here, within its deadline, without
//! a second sign-in attempt and without the password in any output.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod support;

use std::time::{Duration, Instant};

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::probe::{Cause, ProbeOptions, ProbeReport, StepKind, Timeouts, probe};
use secrecy::SecretString;
use support::faults::{self, FaultServer, USER};
use support::script::{AfterGreeting, Login, Script, StartTls};
use support::{assert_no_secret, pki};

const PASSWORD: &str = "fault-Test-pässword 42";
/// Scheduling slack on a busy 2-core machine, on top of the deadline that should apply.
const MARGIN: Duration = Duration::from_millis(1500);
/// What "at once" means for failures that need no deadline to pass.
const PROMPT: Duration = Duration::from_secs(1);
/// How long the probe waits for a greeting before it checks in parallel whether the port
/// speaks TLS or something else (the engine's `SILENCE_BEFORE_CHECK`).
const SILENCE_BEFORE_CHECK: Duration = Duration::from_millis(1500);

fn secret() -> SecretString {
    SecretString::from(PASSWORD.to_string())
}

/// Trusts the test CA; every deadline 2 s unless a test shortens the one it measures.
fn opts() -> ProbeOptions {
    let mut o = support::options();
    o.timeouts = Timeouts::uniform(Duration::from_secs(2));
    o
}

fn plaintext_opts() -> ProbeOptions {
    let mut o = opts();
    o.allow_plaintext = true;
    o
}

fn dump(report: &ProbeReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// Probes, then checks the cause, that it came within `deadline` (+ margin) and that no output
/// holds the password.
async fn expect(
    settings: ServerSettings,
    opts: &ProbeOptions,
    cause: Cause,
    deadline: Duration,
) -> ProbeReport {
    let started = Instant::now();
    let report = probe(&settings, &secret(), opts).await;
    let elapsed = started.elapsed();
    let got = report.diagnosis().map(|d| d.cause);
    assert_eq!(
        got,
        Some(cause),
        "wrong outcome for {settings}:\n{}",
        dump(&report)
    );
    assert!(
        elapsed < deadline + MARGIN,
        "{cause} took {elapsed:?}, deadline {deadline:?}:\n{}",
        dump(&report)
    );
    let transcript: String = report
        .transcript
        .iter()
        .map(|l| format!("{}\n", l.text))
        .collect();
    assert_no_secret("the transcript", &transcript, USER, PASSWORD);
    assert_no_secret("the JSON report", &dump(&report), USER, PASSWORD);
    assert_no_secret("the Debug form", &format!("{report:?}"), USER, PASSWORD);
    report
}

fn reply(report: &ProbeReport) -> String {
    report
        .diagnosis()
        .and_then(|d| d.server_reply.clone())
        .unwrap_or_default()
}

fn assert_no_sign_in(server: &FaultServer) {
    assert_eq!(
        server.sign_in_attempts(),
        0,
        "credentials reached the server: {:?}",
        server.received()
    );
}

fn assert_one_sign_in(server: &FaultServer) {
    assert_eq!(
        server.sign_in_attempts(),
        1,
        "expected exactly one sign-in attempt: {:?}",
        server.received()
    );
}

// --- the scripted servers speak the protocols ----------------------------------------------

async fn scripted_server_verifies(protocol: Protocol, security: Security) {
    let script = Script::new(protocol);
    let script = if security == Security::Tls {
        script
    } else {
        script.plaintext(StartTls::Offered)
    };
    let server = script.start();
    let report = probe(&server.settings(protocol, security), &secret(), &opts()).await;
    assert!(report.is_verified(), "{}", dump(&report));
    assert_one_sign_in(&server);
}

#[tokio::test]
async fn scripted_imap_server_verifies() {
    scripted_server_verifies(Protocol::Imap, Security::Tls).await;
    scripted_server_verifies(Protocol::Imap, Security::StartTls).await;
}

#[tokio::test]
async fn scripted_pop3_server_verifies() {
    scripted_server_verifies(Protocol::Pop3, Security::Tls).await;
    scripted_server_verifies(Protocol::Pop3, Security::StartTls).await;
}

#[tokio::test]
async fn scripted_smtp_server_verifies() {
    scripted_server_verifies(Protocol::Smtp, Security::Tls).await;
    scripted_server_verifies(Protocol::Smtp, Security::StartTls).await;
}

// --- connecting -----------------------------------------------------------------------------

#[tokio::test]
async fn connection_refused() {
    let settings = ServerSettings {
        protocol: Protocol::Imap,
        host: "127.0.0.1".into(),
        port: faults::refused_port(),
        security: Security::Tls,
        username: USER.into(),
    };
    let r = expect(settings, &opts(), Cause::ConnectionRefused, PROMPT).await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Connect);
}

#[tokio::test]
async fn connection_timeout_when_the_connect_never_completes() {
    let hole = faults::blackhole();
    let mut o = opts();
    o.timeouts.connect = Duration::from_secs(1);
    let started = Instant::now();
    let r = expect(
        hole.settings(Protocol::Imap, Security::Tls),
        &o,
        Cause::ConnectionTimeout,
        o.timeouts.connect,
    )
    .await;
    // It is the deadline that ended it, not an error.
    assert!(started.elapsed() >= o.timeouts.connect);
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Connect);
}

#[tokio::test]
async fn connection_closed_at_once() {
    let server = faults::close_at_once();
    expect(
        server.settings(Protocol::Imap, Security::StartTls),
        &opts(),
        Cause::ConnectionClosed,
        PROMPT,
    )
    .await;
    expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::ConnectionClosed,
        PROMPT,
    )
    .await;
}

#[tokio::test]
async fn connection_reset_mid_login() {
    let server = Script::new(Protocol::Imap).login(Login::Reset).start();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::ConnectionClosed,
        PROMPT,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Authenticate);
    assert_one_sign_in(&server);
}

#[tokio::test]
async fn smtp_connection_reset_mid_login() {
    let server = Script::new(Protocol::Smtp).login(Login::Reset).start();
    expect(
        server.settings(Protocol::Smtp, Security::Tls),
        &opts(),
        Cause::ConnectionClosed,
        PROMPT,
    )
    .await;
    assert_one_sign_in(&server);
}

// --- greeting and what the port speaks --------------------------------------------------------

#[tokio::test]
async fn greeting_timeout_when_the_server_stays_silent() {
    let server = faults::silent();
    let mut o = opts();
    o.timeouts.greeting = Duration::from_secs(1);
    o.timeouts.tls = Duration::from_secs(1);
    // The greeting deadline, then one TLS check of the port (also silent).
    let r = expect(
        server.settings(Protocol::Imap, Security::StartTls),
        &o,
        Cause::GreetingTimeout,
        o.timeouts.greeting + o.timeouts.tls,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Greeting);
}

#[tokio::test]
async fn wrong_protocol_http_server_with_tls() {
    let server = faults::http();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::WrongProtocol,
        PROMPT,
    )
    .await;
    assert!(reply(&r).starts_with("HTTP/1.1 400"), "{}", reply(&r));
}

#[tokio::test]
async fn wrong_protocol_http_server_with_starttls() {
    let server = faults::http();
    let mut o = opts();
    o.timeouts.greeting = Duration::from_secs(10);
    // HTTP waits for a request: after 1.5 s of silence a TLS check of the port gets "400",
    // and that answer ends the wait at once, long before the greeting deadline.
    let r = expect(
        server.settings(Protocol::Pop3, Security::StartTls),
        &o,
        Cause::WrongProtocol,
        Duration::from_millis(2500),
    )
    .await;
    assert!(reply(&r).starts_with("HTTP/1.1 400"), "{}", reply(&r));
    // The port check is reported with its own duration, not the greeting's.
    let check = r
        .steps
        .iter()
        .find(|s| s.kind == mailsetup::probe::StepKind::PortCheck)
        .expect("a port-check step");
    assert!(check.ms < 1000, "port check took {} ms", check.ms);
}

#[tokio::test]
async fn wrong_protocol_smtp_greeting_on_the_imap_port() {
    let server = Script::new(Protocol::Smtp)
        .plaintext(StartTls::Offered)
        .start();
    let r = expect(
        server.settings(Protocol::Imap, Security::StartTls),
        &opts(),
        Cause::WrongProtocol,
        PROMPT,
    )
    .await;
    assert!(reply(&r).starts_with("220 "), "{}", reply(&r));
    assert_no_sign_in(&server);
}

#[tokio::test]
async fn wrong_protocol_garbage_greeting() {
    let server = faults::garbage_greeting();
    let r = expect(
        server.settings(Protocol::Imap, Security::StartTls),
        &opts(),
        Cause::WrongProtocol,
        PROMPT,
    )
    .await;
    assert!(reply(&r).contains("garbage"), "{}", reply(&r));
}

#[tokio::test]
async fn tls_on_a_plaintext_port() {
    let server = Script::new(Protocol::Imap)
        .plaintext(StartTls::Offered)
        .start();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::TlsOnPlaintextPort,
        PROMPT,
    )
    .await;
    assert!(reply(&r).starts_with("* OK"), "{}", reply(&r));
}

#[tokio::test]
async fn plaintext_on_a_tls_port() {
    let server = Script::new(Protocol::Smtp).start();
    let mut o = opts();
    o.timeouts.greeting = Duration::from_secs(10);
    // The port waits for a ClientHello: a short silence, then a TLS check finds it.
    expect(
        server.settings(Protocol::Smtp, Security::StartTls),
        &o,
        Cause::PlaintextOnTlsPort,
        SILENCE_BEFORE_CHECK + PROMPT,
    )
    .await;
    assert_no_sign_in(&server);
}

// --- TLS and certificates -------------------------------------------------------------------

#[tokio::test]
async fn tls_handshake_failed_on_an_alert() {
    let server = faults::tls_alert_only();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::TlsHandshakeFailed,
        PROMPT,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Tls);
}

async fn bad_certificate(cert: &support::pki::CertPair, cause: Cause, protocol: Protocol) {
    let server = Script::new(protocol).cert(cert).start();
    let r = expect(
        server.settings(protocol, Security::Tls),
        &opts(),
        cause,
        PROMPT,
    )
    .await;
    let tls = r.tls.as_ref().expect("the rejected chain is in the report");
    assert!(!tls.verified);
    let leaf = tls.certificates.first().expect("leaf");
    assert_eq!(
        leaf.sha256, cert.sha256,
        "the report shows the certificate presented"
    );
    assert_no_sign_in(&server);
}

#[tokio::test]
async fn certificate_expired() {
    bad_certificate(&pki().expired, Cause::CertificateExpired, Protocol::Imap).await;
}

#[tokio::test]
async fn certificate_not_yet_valid() {
    bad_certificate(
        &pki().not_yet_valid,
        Cause::CertificateNotYetValid,
        Protocol::Pop3,
    )
    .await;
}

#[tokio::test]
async fn certificate_for_another_name() {
    bad_certificate(
        &pki().wrong_name,
        Cause::CertificateNameMismatch,
        Protocol::Smtp,
    )
    .await;
    let leaf_sans = {
        let server = Script::new(Protocol::Imap).cert(&pki().wrong_name).start();
        let r = probe(
            &server.settings(Protocol::Imap, Security::Tls),
            &secret(),
            &opts(),
        )
        .await;
        r.tls.expect("chain").certificates[0].sans.clone()
    };
    assert_eq!(leaf_sans, vec![format!("DNS:{}", support::pki::WRONG_NAME)]);
}

#[tokio::test]
async fn certificate_self_signed_is_untrusted() {
    bad_certificate(
        &pki().self_signed,
        Cause::CertificateUntrusted,
        Protocol::Imap,
    )
    .await;
}

#[tokio::test]
async fn starttls_not_offered() {
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let server = Script::new(protocol)
            .plaintext(StartTls::NotOffered)
            .start();
        let r = expect(
            server.settings(protocol, Security::StartTls),
            &opts(),
            Cause::StarttlsNotOffered,
            PROMPT,
        )
        .await;
        assert!(r.tls.is_none(), "{protocol}: no silent fallback");
        assert_no_sign_in(&server);
    }
}

#[tokio::test]
async fn starttls_refused() {
    for (protocol, refusal) in [
        (
            Protocol::Imap,
            "NO [UNAVAILABLE] TLS is not available right now",
        ),
        (Protocol::Pop3, "-ERR TLS not available"),
        (
            Protocol::Smtp,
            "454 4.7.0 TLS not available due to temporary reason",
        ),
    ] {
        let server = Script::new(protocol)
            .plaintext(StartTls::Refused(refusal.into()))
            .start();
        let r = expect(
            server.settings(protocol, Security::StartTls),
            &opts(),
            Cause::StarttlsFailed,
            PROMPT,
        )
        .await;
        assert!(reply(&r).contains(refusal), "{protocol}: {}", reply(&r));
        assert_no_sign_in(&server);
    }
}

// --- refusing to sign in unencrypted --------------------------------------------------------

#[tokio::test]
async fn insecure_connection_refused_without_opt_in() {
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let server = Script::new(protocol)
            .plaintext(StartTls::NotOffered)
            .start();
        expect(
            server.settings(protocol, Security::Plain),
            &opts(),
            Cause::InsecureConnectionRefused,
            PROMPT,
        )
        .await;
        assert_no_sign_in(&server);
        assert!(
            !server.received().iter().any(|l| l.contains(PASSWORD)),
            "{protocol}: the password crossed an unencrypted connection"
        );
    }
}

#[tokio::test]
async fn imap_plaintext_auth_refused_by_the_server() {
    let server = Script::new(Protocol::Imap)
        .plaintext(StartTls::NotOffered)
        .reply(
            "NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.",
        )
        .start();
    let r = expect(
        server.settings(Protocol::Imap, Security::Plain),
        &plaintext_opts(),
        Cause::PlaintextAuthRefused,
        PROMPT,
    )
    .await;
    assert!(reply(&r).contains("[PRIVACYREQUIRED]"), "{}", reply(&r));
    assert_one_sign_in(&server);
}

#[tokio::test]
async fn smtp_530_5_7_0_plaintext_auth_refused() {
    let server = Script::new(Protocol::Smtp)
        .plaintext(StartTls::NotOffered)
        .reply("530 5.7.0 Must issue a STARTTLS command first")
        .start();
    let r = expect(
        server.settings(Protocol::Smtp, Security::Plain),
        &plaintext_opts(),
        Cause::PlaintextAuthRefused,
        PROMPT,
    )
    .await;
    assert!(reply(&r).contains("530 5.7.0"), "{}", reply(&r));
}

// --- what the server says to the sign-in ----------------------------------------------------

/// A TLS server of `protocol` that answers the sign-in with `line`.
async fn sign_in_reply(protocol: Protocol, line: &str, cause: Cause) -> ProbeReport {
    let server = Script::new(protocol).reply(line).start();
    let r = expect(
        server.settings(protocol, Security::Tls),
        &opts(),
        cause,
        PROMPT,
    )
    .await;
    assert_eq!(
        r.diagnosis().unwrap().step,
        StepKind::Authenticate,
        "{}",
        dump(&r)
    );
    let words = line.trim_start_matches("NO ").trim_start_matches("BAD ");
    assert!(
        reply(&r).contains(words),
        "server_reply {:?} lacks {words:?}",
        reply(&r)
    );
    assert_one_sign_in(&server);
    r
}

#[tokio::test]
async fn smtp_535_5_7_8_is_auth_failed() {
    sign_in_reply(
        Protocol::Smtp,
        "535 5.7.8 Username and Password not accepted.",
        Cause::AuthFailed,
    )
    .await;
}

#[tokio::test]
async fn imap_authenticationfailed_is_auth_failed() {
    sign_in_reply(
        Protocol::Imap,
        "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
        Cause::AuthFailed,
    )
    .await;
}

#[tokio::test]
async fn pop3_err_auth_is_auth_failed() {
    sign_in_reply(
        Protocol::Pop3,
        "-ERR [AUTH] Invalid login",
        Cause::AuthFailed,
    )
    .await;
}

#[tokio::test]
async fn smtp_534_5_7_9_is_app_password_required() {
    sign_in_reply(
        Protocol::Smtp,
        "534 5.7.9 Application-specific password required.",
        Cause::AppPasswordRequired,
    )
    .await;
}

#[tokio::test]
async fn imap_alert_application_specific_password() {
    let r = sign_in_reply(
        Protocol::Imap,
        "NO [ALERT] Application-specific password required (Failure)",
        Cause::AppPasswordRequired,
    )
    .await;
    assert!(
        r.server_facts
            .alerts
            .iter()
            .any(|a| a.contains("Application-specific password required")),
        "{:?}",
        r.server_facts.alerts
    );
}

#[tokio::test]
async fn smtp_535_5_7_139_is_oauth_required() {
    sign_in_reply(
        Protocol::Smtp,
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        Cause::OauthRequired,
    )
    .await;
}

#[tokio::test]
async fn imap_offering_only_oauth_is_oauth_required() {
    let server = Script::new(Protocol::Imap)
        .auth_caps(&["LOGINDISABLED", "AUTH=XOAUTH2", "AUTH=OAUTHBEARER"])
        .start();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::OauthRequired,
        PROMPT,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Authenticate);
    assert_no_sign_in(&server);
}

#[tokio::test]
async fn imap_offering_no_usable_mechanism() {
    let server = Script::new(Protocol::Imap)
        .auth_caps(&["LOGINDISABLED", "AUTH=CRAM-MD5"])
        .start();
    expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::AuthMechanismUnsupported,
        PROMPT,
    )
    .await;
    assert_no_sign_in(&server);
}

#[tokio::test]
async fn smtp_offering_no_usable_mechanism() {
    let server = Script::new(Protocol::Smtp)
        .auth_caps(&["AUTH CRAM-MD5"])
        .start();
    expect(
        server.settings(Protocol::Smtp, Security::Tls),
        &opts(),
        Cause::AuthMechanismUnsupported,
        PROMPT,
    )
    .await;
    assert_no_sign_in(&server);
}

#[tokio::test]
async fn imap_alert_account_disabled_is_account_unavailable() {
    let r = sign_in_reply(
        Protocol::Imap,
        "NO [ALERT] Account disabled by the administrator",
        Cause::AccountUnavailable,
    )
    .await;
    assert_eq!(
        r.server_facts.alerts,
        vec!["Account disabled by the administrator".to_string()]
    );
}

#[tokio::test]
async fn pop3_in_use_is_account_unavailable() {
    sign_in_reply(
        Protocol::Pop3,
        "-ERR [IN-USE] Mailbox is locked by another session",
        Cause::AccountUnavailable,
    )
    .await;
}

#[tokio::test]
async fn imap_unavailable_is_server_unavailable() {
    sign_in_reply(
        Protocol::Imap,
        "NO [UNAVAILABLE] Temporary authentication failure",
        Cause::ServerUnavailable,
    )
    .await;
}

#[tokio::test]
async fn smtp_421_is_server_unavailable() {
    sign_in_reply(
        Protocol::Smtp,
        "421 4.7.0 Try again later, closing connection.",
        Cause::ServerUnavailable,
    )
    .await;
}

#[tokio::test]
async fn pop3_sys_temp_is_server_unavailable() {
    sign_in_reply(
        Protocol::Pop3,
        "-ERR [SYS/TEMP] System busy, try again later",
        Cause::ServerUnavailable,
    )
    .await;
}

// --- broken and silent servers mid-conversation ---------------------------------------------

#[tokio::test]
async fn protocol_error_on_an_endless_line() {
    let server = Script::new(Protocol::Imap)
        .after_greeting(AfterGreeting::Send("x".repeat(40 * 1024)))
        .start();
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &opts(),
        Cause::ProtocolError,
        PROMPT,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Capabilities);
}

#[tokio::test]
async fn timeout_when_the_server_goes_silent_after_greeting() {
    let mut o = opts();
    o.timeouts.command = Duration::from_secs(1);
    for protocol in [Protocol::Imap, Protocol::Pop3, Protocol::Smtp] {
        let server = Script::new(protocol)
            .after_greeting(AfterGreeting::Silent)
            .start();
        let r = expect(
            server.settings(protocol, Security::Tls),
            &o,
            Cause::Timeout,
            o.timeouts.command,
        )
        .await;
        assert_eq!(
            r.diagnosis().unwrap().step,
            StepKind::Capabilities,
            "{protocol}"
        );
    }
}

#[tokio::test]
async fn timeout_when_the_sign_in_gets_no_answer() {
    let server = Script::new(Protocol::Imap).login(Login::Silent).start();
    let mut o = opts();
    o.timeouts.auth = Duration::from_secs(1);
    let r = expect(
        server.settings(Protocol::Imap, Security::Tls),
        &o,
        Cause::Timeout,
        o.timeouts.auth,
    )
    .await;
    assert_eq!(r.diagnosis().unwrap().step, StepKind::Authenticate);
    assert_one_sign_in(&server);
}

// --- cancelling -------------------------------------------------------------------------------

#[tokio::test]
async fn dropping_probe_all_closes_every_connection_at_once() {
    let servers = [faults::silent(), faults::silent(), faults::silent()];
    let settings: Vec<ServerSettings> = servers
        .iter()
        .zip([Protocol::Imap, Protocol::Pop3, Protocol::Smtp])
        .map(|(s, p)| s.settings(p, Security::StartTls))
        .collect();
    let mut o = opts();
    o.timeouts = Timeouts::uniform(Duration::from_secs(60));
    let password = secret();
    let all = mailsetup::probe::probe_all(&settings, &password, &o);
    // Cancel once all three are connected and waiting for a greeting.
    let cancelled = tokio::time::timeout(Duration::from_millis(500), all).await;
    assert!(
        cancelled.is_err(),
        "the probes cannot finish: the servers are silent"
    );
    assert!(servers.iter().all(|s| s.connections() == 1));
    // Dropping the future closed all three connections: each server sees its client leave.
    let gone = support::wait_until(Duration::from_secs(2), || {
        servers.iter().all(|s| s.finished() == 1)
    });
    assert!(
        gone,
        "connections still open after cancelling: {:?}",
        servers.iter().map(|s| s.finished()).collect::<Vec<_>>()
    );
}
