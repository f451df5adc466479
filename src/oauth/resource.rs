//! Which resource (RFC 8707) a sign-in asks tokens for, under the OAuth profile for open
//! public clients (draft-ietf-mailmaint-oauth-public).
//!
//! The draft has the client name the application server it will use the token at — the
//! endpoint the configuration gave, e.g. an IMAP server as `imaps://host` — so that the
//! authorization server issues a token for that server only (its audience), not one any
//! other service would accept. mailsetup signs in to read mail, so the resource is the
//! incoming server being set up, written as its URL:
//! `imaps://HOST` (implicit TLS, RFC 8314) or `imap://HOST` (STARTTLS, RFC 5092), `pops://`
//! / `pop://` for POP3 (RFC 2384), `smtps://` / `smtp://` when only an outgoing server is
//! known; the port only when it is not the scheme's usual one (993, 143, 995, 110, 465, 587).
//!
//! The value goes only with a client registered on the fly (`register`): providers with
//! pre-registered clients (Google, Microsoft) define their own audiences and refuse or
//! ignore an unknown `resource`. It is sent in the authorization request (RFC 8707 §2.1) and
//! in every token request, the refreshes of `accounts check` included (§2.2), and saved with
//! the account (`OAuth2Login::resource`).

use crate::account::{Protocol, Security, ServerSettings};

/// The resource URI for a mail server (see the module header).
pub fn for_server(server: &ServerSettings) -> String {
    let tls = server.security == Security::Tls;
    let (scheme, usual) = match (server.protocol, tls) {
        (Protocol::Imap, true) => ("imaps", 993),
        (Protocol::Imap, false) => ("imap", 143),
        (Protocol::Pop3, true) => ("pops", 995),
        (Protocol::Pop3, false) => ("pop", 110),
        (Protocol::Smtp, true) => ("smtps", 465),
        (Protocol::Smtp, false) => ("smtp", 587),
    };
    let host = server.host.trim_end_matches('.').to_ascii_lowercase();
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    if server.port == usual {
        format!("{scheme}://{host}")
    } else {
        format!("{scheme}://{host}:{}", server.port)
    }
}

/// The resource for a set of servers: the first incoming one, else the first one.
pub fn for_servers(servers: impl IntoIterator<Item = ServerSettings>) -> Option<String> {
    let mut first = None;
    for server in servers {
        if server.protocol != Protocol::Smtp {
            return Some(for_server(&server));
        }
        first.get_or_insert(server);
    }
    first.map(|s| for_server(&s))
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
            username: "a@example.org".into(),
        }
    }

    #[test]
    fn the_incoming_server_is_the_resource_with_its_port_only_when_unusual() {
        use Protocol::*;
        use Security::*;
        assert_eq!(
            for_server(&server(Imap, "IMAP.Example.org.", 993, Tls)),
            "imaps://imap.example.org"
        );
        assert_eq!(
            for_server(&server(Imap, "localhost", 10993, Tls)),
            "imaps://localhost:10993"
        );
        assert_eq!(
            for_server(&server(Imap, "mail.example.org", 143, StartTls)),
            "imap://mail.example.org"
        );
        assert_eq!(for_server(&server(Pop3, "::1", 995, Tls)), "pops://[::1]");
        let smtp = server(Smtp, "smtp.example.org", 465, Tls);
        let imap = server(Imap, "imap.example.org", 993, Tls);
        assert_eq!(
            for_servers([smtp.clone(), imap]).as_deref(),
            Some("imaps://imap.example.org")
        );
        assert_eq!(
            for_servers([smtp]).as_deref(),
            Some("smtps://smtp.example.org")
        );
        assert_eq!(for_servers([]), None);
    }
}
