//! Commands a technician can paste into a terminal to repeat a test by hand, without
//! mailsetup: `openssl s_client` for the connection and TLS (with `-starttls` for RFC 2595 /
//! RFC 3207 upgrades), and `curl -v` for IMAP and POP3 sign-in (curl asks for the password
//! itself, so none is ever written into a report). An account that signs in with OAuth 2.0
//! gets curl's bearer sign-in instead (`--oauth2-bearer`, SASL XOAUTH2 / OAUTHBEARER of
//! RFC 7628, the mechanism the test used when it got that far) with the placeholder
//! `"$TOKEN"`: the technician puts an access token there; ours is never written.
//!
//! Host names and user names can come from DNS or a downloaded file, so every argument is
//! quoted for a POSIX shell by the one quoting function (`shown::shell_quote`) unless it is
//! made only of characters that need no quoting.

use std::path::Path;

use crate::account::{Protocol, Security, ServerSettings};
use crate::probe::ProbeReport;
use crate::probe::sasl::Mechanism;

/// What the sign-in of the commands uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// A password curl asks for.
    Password,
    /// An access token in `$TOKEN`, with this mechanism when known (else curl picks,
    /// OAUTHBEARER first, as the probe does).
    Bearer(Option<Mechanism>),
}

impl SignIn {
    /// How the test in `report` signed in.
    pub fn of(report: &ProbeReport) -> Self {
        let f = &report.server_facts;
        if !f.oauth2 {
            return SignIn::Password;
        }
        // `auth_used` ends with the mechanism's name ("AUTHENTICATE XOAUTH2").
        let mechanism = f
            .auth_used
            .as_deref()
            .and_then(|u| u.split_whitespace().last())
            .and_then(Mechanism::from_name);
        SignIn::Bearer(mechanism)
    }
}

/// The commands that repeat the test in `report` by hand, signing in the way it did and
/// trusting what it trusted: the CA file it was given (`ca_file`, else the one the test
/// recorded), or, for a key trusted by its pin, the pin to compare and curl's
/// `--pinnedpubkey`. So the commands give the same verdict as the report.
pub fn for_report(report: &ProbeReport, ca_file: Option<&Path>) -> Vec<String> {
    let recorded = report
        .tls
        .as_ref()
        .and_then(|t| t.ca_file.as_deref())
        .map(Path::new);
    let pin = report
        .tls
        .as_ref()
        .filter(|t| t.pinned)
        .and_then(|t| t.certificates.first())
        .map(|c| c.spki_sha256.as_str())
        .filter(|p| !p.is_empty());
    commands_trusting(
        &report.server,
        ca_file.or(recorded),
        pin,
        SignIn::of(report),
    )
}

/// The commands that repeat the test of `server` by hand, most basic first.
pub fn commands(server: &ServerSettings, ca_file: Option<&Path>, how: SignIn) -> Vec<String> {
    commands_trusting(server, ca_file, None, how)
}

/// [`commands`], for a server whose key was trusted by its SHA-256 pin (`pin`, base64).
pub fn commands_trusting(
    server: &ServerSettings,
    ca_file: Option<&Path>,
    pin: Option<&str>,
    how: SignIn,
) -> Vec<String> {
    let host = server.host.trim_start_matches('[').trim_end_matches(']');
    let connect_to = if host.contains(':') {
        format!("[{host}]:{}", server.port)
    } else {
        format!("{host}:{}", server.port)
    };
    let mut out = Vec::new();

    if server.security != Security::Plain {
        let mut s = format!(
            "openssl s_client -connect {} -servername {} -crlf",
            quote(&connect_to),
            quote(host)
        );
        s.push_str(&starttls_flag(server));
        if let Some(ca) = ca_file {
            s.push_str(&format!(" -CAfile {}", quote(&ca.display().to_string())));
        }
        out.push(s);
        if let Some(pin) = pin {
            out.push(format!(
                "# mailsetup trusted this server's key by its pin, not by an authority: \
                 the next line must print {}",
                quote(pin)
            ));
            out.push(format!(
                "openssl s_client -connect {} -servername {}{} </dev/null 2>/dev/null \
                 | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der \
                 | openssl dgst -sha256 -binary | openssl base64",
                quote(&connect_to),
                quote(host),
                starttls_flag(server)
            ));
        }
    } else {
        out.push(format!("nc -C {} {}", quote(host), server.port));
    }

    let scheme = match (server.protocol, server.security) {
        (Protocol::Imap, Security::Tls) => Some("imaps"),
        (Protocol::Imap, _) => Some("imap"),
        (Protocol::Pop3, Security::Tls) => Some("pop3s"),
        (Protocol::Pop3, _) => Some("pop3"),
        // curl has no way to sign in to SMTP without sending a message.
        (Protocol::Smtp, _) => None,
    };
    if let Some(scheme) = scheme {
        let mut c = String::from("curl -v");
        if server.security == Security::StartTls {
            c.push_str(" --ssl-reqd");
        }
        if let Some(ca) = ca_file {
            c.push_str(&format!(" --cacert {}", quote(&ca.display().to_string())));
        }
        if let Some(pin) = pin {
            // The key is what was trusted: curl checks it instead of an authority.
            c.push_str(&format!(
                " --insecure --pinnedpubkey {}",
                quote(&format!("sha256//{pin}"))
            ));
        }
        match how {
            SignIn::Password => c.push_str(&format!(" --user {}", quote(&server.username))),
            SignIn::Bearer(mechanism) => {
                if let Some(m) = mechanism {
                    c.push_str(&format!(" --login-options AUTH={}", m.name()));
                }
                // The empty password after the colon keeps curl from asking for one.
                c.push_str(&format!(
                    " --user {} --oauth2-bearer \"$TOKEN\"",
                    quote(&format!("{}:", server.username))
                ));
            }
        }
        c.push_str(&format!(" {}", quote(&format!("{scheme}://{connect_to}/"))));
        out.push(c);
    }
    out
}

/// ` -starttls WORD` for a STARTTLS server, else nothing.
fn starttls_flag(server: &ServerSettings) -> String {
    if server.security != Security::StartTls {
        return String::new();
    }
    let word = match server.protocol {
        Protocol::Imap => "imap",
        Protocol::Pop3 => "pop3",
        Protocol::Smtp => "smtp",
    };
    format!(" -starttls {word}")
}

/// `s` as one POSIX shell word: the one quoting function (`shown::shell_quote`).
pub fn quote(s: &str) -> String {
    crate::shown::shell_quote(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(protocol: Protocol, host: &str, port: u16, security: Security) -> ServerSettings {
        ServerSettings {
            protocol,
            host: host.into(),
            port,
            security,
            username: "alice@example.com".into(),
        }
    }

    #[test]
    fn implicit_tls_imap_gets_openssl_and_curl() {
        let c = commands(
            &server(Protocol::Imap, "imap.example.com", 993, Security::Tls),
            None,
            SignIn::Password,
        );
        assert_eq!(
            c,
            [
                "openssl s_client -connect imap.example.com:993 -servername imap.example.com -crlf",
                "curl -v --user alice@example.com imaps://imap.example.com:993/",
            ]
        );
    }

    #[test]
    fn starttls_names_the_protocol_and_the_ca_file() {
        let c = commands(
            &server(Protocol::Smtp, "smtp.example.com", 587, Security::StartTls),
            Some(Path::new("/tmp/my ca.pem")),
            SignIn::Password,
        );
        assert_eq!(
            c,
            [
                "openssl s_client -connect smtp.example.com:587 -servername smtp.example.com -crlf \
              -starttls smtp -CAfile '/tmp/my ca.pem'"
            ]
        );
        let c = commands(
            &server(Protocol::Pop3, "pop.example.com", 110, Security::StartTls),
            None,
            SignIn::Password,
        );
        assert!(c[0].ends_with("-starttls pop3"));
        assert_eq!(
            c[1],
            "curl -v --ssl-reqd --user alice@example.com pop3://pop.example.com:110/"
        );
    }

    #[test]
    fn oauth_accounts_sign_in_with_a_token_placeholder() {
        let imap = server(Protocol::Imap, "imap.example.com", 993, Security::Tls);
        let mut report = ProbeReport {
            server: imap.clone(),
            outcome: crate::probe::Outcome::Verified,
            steps: Vec::new(),
            tls: None,
            server_facts: crate::probe::ServerFacts {
                oauth2: true,
                auth_used: Some("AUTHENTICATE OAUTHBEARER".into()),
                ..Default::default()
            },
            warnings: Vec::new(),
            transcript: Vec::new(),
            total_ms: 1,
        };
        assert_eq!(
            SignIn::of(&report),
            SignIn::Bearer(Some(Mechanism::OAuthBearer))
        );
        let c = for_report(&report, None);
        assert_eq!(
            c,
            [
                "openssl s_client -connect imap.example.com:993 -servername imap.example.com -crlf",
                "curl -v --login-options AUTH=OAUTHBEARER --user alice@example.com: \
                 --oauth2-bearer \"$TOKEN\" imaps://imap.example.com:993/",
            ]
        );
        assert!(c.iter().all(|l| !l.contains("--user alice@example.com ")));
        // Failed before the sign-in: curl picks the mechanism.
        report.server_facts.auth_used = None;
        report.server = server(Protocol::Pop3, "pop.example.com", 995, Security::Tls);
        assert_eq!(
            for_report(&report, None)[1],
            "curl -v --user alice@example.com: --oauth2-bearer \"$TOKEN\" \
             pop3s://pop.example.com:995/"
        );
        // A password account keeps curl's password prompt.
        report.server_facts = Default::default();
        assert!(for_report(&report, None)[1].contains("--user alice@example.com pop3s://"));
    }

    #[test]
    fn ipv6_literals_are_bracketed() {
        let c = commands(
            &server(Protocol::Imap, "::1", 993, Security::Tls),
            None,
            SignIn::Password,
        );
        assert!(c[0].starts_with("openssl s_client -connect '[::1]:993' -servername ::1 "));
        assert!(c[1].ends_with("'imaps://[::1]:993/'"));
    }

    #[test]
    fn hostile_names_cannot_break_out_of_the_command() {
        let mut s = server(
            Protocol::Imap,
            "evil.example.com;rm -rf ~",
            993,
            Security::Tls,
        );
        s.username = "o'brien $(id)".into();
        let c = commands(&s, None, SignIn::Password);
        assert!(c[0].contains("-connect 'evil.example.com;rm -rf ~:993'"));
        assert!(c[1].contains(r"--user 'o'\''brien $(id)'"));
        let c = commands(&s, None, SignIn::Bearer(None));
        assert!(c[1].contains(r"--user 'o'\''brien $(id):' --oauth2-bearer"));
        assert_eq!(quote(""), "''");
    }
}
