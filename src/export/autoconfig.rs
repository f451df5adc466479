//! For the domain's administrator: the verified servers as Mozilla's autoconfig file
//! (clientConfig 1.1, as Thunderbird and our own `discover::config_v11` read it; see also
//! draft-ietf-mailmaint-autoconfig) and as DNS SRV records (RFC 6186, with RFC 8314's
//! `_submissions` for SMTP over implicit TLS) in zone-file form (RFC 1035 §5).
//!
//! The file lists the chosen incoming server first, then the other incoming servers that
//! verified, then the outgoing ones, in the same order. User names are written as the
//! placeholders clients fill in (`%EMAILADDRESS%`, `%EMAILLOCALPART%`) when they are the
//! address or its local part, so the file serves every mailbox of the domain; any other
//! user name is written as it is. No password ever goes into these files.
//!
//! Where it goes: `https://autoconfig.DOMAIN/mail/config-v1.1.xml` and
//! `https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml`.

use super::{Auth, Checked, CheckedServer, xml_escape};
use crate::account::{Protocol, Security};

/// The file's contents.
pub fn client_config(account: &Checked<'_>) -> String {
    let domain = account.account.email.domain_ascii();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<clientConfig version=\"1.1\">\n");
    out.push_str(&format!(
        "  <emailProvider id=\"{}\">\n    <domain>{}</domain>\n",
        xml_escape(domain),
        xml_escape(domain)
    ));
    out.push_str(&format!(
        "    <displayName>{}</displayName>\n    <displayShortName>{}</displayShortName>\n",
        xml_escape(domain),
        xml_escape(domain)
    ));
    for s in servers(account, true) {
        push_server(&mut out, account, s, "incomingServer");
    }
    for s in servers(account, false) {
        push_server(&mut out, account, s, "outgoingServer");
    }
    out.push_str("  </emailProvider>\n</clientConfig>\n");
    out
}

/// The incoming (or outgoing) servers, the chosen one first, without repeats.
pub fn servers<'a>(account: &'a Checked<'a>, incoming: bool) -> Vec<&'a CheckedServer<'a>> {
    let chosen = if incoming {
        &account.incoming
    } else {
        &account.outgoing
    };
    let mut list = vec![chosen];
    for alt in &account.alternatives {
        let same_side = alt.protocol.is_incoming() == incoming;
        let repeat = list.iter().any(|s| {
            s.protocol == alt.protocol
                && s.host == alt.host
                && s.port == alt.port
                && s.security == alt.security
        });
        if same_side && !repeat {
            list.push(alt);
        }
    }
    list
}

fn push_server(out: &mut String, account: &Checked<'_>, s: &CheckedServer<'_>, element: &str) {
    let kind = match s.protocol {
        Protocol::Imap => "imap",
        Protocol::Pop3 => "pop3",
        Protocol::Smtp => "smtp",
    };
    let socket = match s.security {
        Security::Tls => "SSL",
        Security::StartTls => "STARTTLS",
        Security::Plain => "plain",
    };
    let auth = match s.auth {
        Auth::PasswordCleartext => "password-cleartext",
        Auth::PasswordEncrypted => "password-encrypted",
        Auth::OAuth2 => "OAuth2",
    };
    out.push_str(&format!("    <{element} type=\"{kind}\">\n"));
    out.push_str(&format!(
        "      <hostname>{}</hostname>\n      <port>{}</port>\n      <socketType>{socket}</socketType>\n",
        xml_escape(&s.host),
        s.port
    ));
    out.push_str(&format!(
        "      <authentication>{auth}</authentication>\n      <username>{}</username>\n",
        xml_escape(&username_template(account, s.username))
    ));
    out.push_str(&format!("    </{element}>\n"));
}

/// `%EMAILADDRESS%`, `%EMAILLOCALPART%`, or the user name as it is.
fn username_template(account: &Checked<'_>, username: &str) -> String {
    let email = &account.account.email;
    if username.eq_ignore_ascii_case(&email.to_ascii())
        || username.eq_ignore_ascii_case(&email.to_string())
    {
        "%EMAILADDRESS%".into()
    } else if username == email.local_part() {
        "%EMAILLOCALPART%".into()
    } else {
        username.to_string()
    }
}

/// The URLs where clients look for the file.
pub fn publish_urls(account: &Checked<'_>) -> [String; 2] {
    let domain = account.account.email.domain_ascii();
    [
        format!("https://autoconfig.{domain}/mail/config-v1.1.xml"),
        format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
    ]
}

/// The SRV records, one zone-file line each (`_imaps._tcp.DOMAIN. 3600 IN SRV 0 1 993
/// imap.DOMAIN.`): the chosen servers at priority 0, the other verified ones at 10. A server
/// known only by its IP address cannot be an SRV target (RFC 2782): it gets a comment line
/// instead.
pub fn srv_records(account: &Checked<'_>) -> String {
    let domain = account.account.email.domain_ascii();
    let mut out = String::new();
    for incoming in [true, false] {
        for (n, s) in servers(account, incoming).into_iter().enumerate() {
            let service = match (s.protocol, s.security) {
                (Protocol::Imap, Security::Tls) => "_imaps",
                (Protocol::Imap, _) => "_imap",
                (Protocol::Pop3, Security::Tls) => "_pop3s",
                (Protocol::Pop3, _) => "_pop3",
                (Protocol::Smtp, Security::Tls) => "_submissions",
                (Protocol::Smtp, _) => "_submission",
            };
            let priority = if n == 0 { 0 } else { 10 };
            if s.host.parse::<std::net::IpAddr>().is_ok() {
                out.push_str(&format!(
                    "; {service}._tcp.{domain}.: {} is an IP address, which an SRV record cannot name\n",
                    s.host
                ));
            } else {
                out.push_str(&format!(
                    "{service}._tcp.{domain}. 3600 IN SRV {priority} 1 {} {}.\n",
                    s.port, s.host
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::config_v11;
    use crate::export::test_account::{alice, hostile, server};

    #[test]
    fn our_own_reader_reads_back_exactly_the_servers() {
        let mut a = alice();
        a.alternatives.push(server(
            Protocol::Pop3,
            "pop.example.com",
            995,
            Security::Tls,
        ));
        let text = client_config(&Checked::new(&a).unwrap());
        let parsed = config_v11::parse(text.as_bytes(), config_v11::Limits::default()).unwrap();
        let found: Vec<(String, u16)> = parsed
            .servers
            .iter()
            .map(|s| (s.hostname.clone(), s.port))
            .collect();
        assert_eq!(
            found,
            [
                ("imap.example.com".to_string(), 993),
                ("pop.example.com".to_string(), 995),
                ("smtp.example.com".to_string(), 587)
            ]
        );
        assert!(text.contains("<username>%EMAILADDRESS%</username>"));
    }

    #[test]
    fn hostile_user_names_are_escaped() {
        let a = hostile();
        let text = client_config(&Checked::new(&a).unwrap());
        assert!(!text.contains("<x>"), "{text}");
        assert!(roxmltree::Document::parse(&text).is_ok());
    }

    #[test]
    fn srv_lines_name_the_right_services() {
        let mut a = alice();
        a.alternatives.push(server(
            Protocol::Smtp,
            "smtp.example.com",
            465,
            Security::Tls,
        ));
        a.alternatives
            .push(server(Protocol::Imap, "127.0.0.1", 143, Security::StartTls));
        let text = srv_records(&Checked::new(&a).unwrap());
        assert_eq!(
            text,
            "_imaps._tcp.example.com. 3600 IN SRV 0 1 993 imap.example.com.\n\
             ; _imap._tcp.example.com.: 127.0.0.1 is an IP address, which an SRV record cannot name\n\
             _submission._tcp.example.com. 3600 IN SRV 0 1 587 smtp.example.com.\n\
             _submissions._tcp.example.com. 3600 IN SRV 10 1 465 smtp.example.com.\n"
        );
    }
}
