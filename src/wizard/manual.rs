//! The manual settings form: incoming protocol, host, port, security and user name for both
//! servers, pre-filled from discovery (or from the usual names when there is nothing), checked
//! field by field. Insecure choices — no encryption, or trusting an extra certificate
//! authority — are only accepted with an explicit tick. A server filled from discovery keeps
//! its offer while its host is unchanged, so settings learned over plain HTTP stay marked as
//! such and a host nothing vouches for still needs confirming (`consent.rs`). A host the app
//! guessed stays marked as a suggestion until the person types another one; a form the person
//! edited is kept (`edited`) when they leave the page and come back.

use crate::account::{EmailAddress, Protocol, Security, ServerSettings};

use super::types::{ManualField, Offer, Role};

/// One server's fields as typed (text, so a half-typed port is not lost).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerForm {
    pub host: String,
    pub port: String,
    pub security: Security,
    pub username: String,
    /// The discovery offer the fields were filled from.
    pub from: Option<Offer>,
    /// The host the app guessed (usual names), while nobody has tested it.
    pub suggested: Option<String>,
}

impl ServerForm {
    pub fn from_settings(s: &ServerSettings) -> Self {
        Self {
            host: s.host.clone(),
            port: s.port.to_string(),
            security: s.security,
            username: s.username.clone(),
            from: None,
            suggested: None,
        }
    }

    /// Whether the host is still the app's guess (not typed by the person, not found by
    /// discovery, not tested).
    pub fn host_suggested(&self) -> bool {
        self.offer().is_none()
            && self
                .suggested
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case(self.host.trim()))
    }

    /// Whether the host field holds a name a test could use (for the list of hosts that get
    /// the password: a value that failed the check is never shown there).
    pub fn host_valid(&self) -> bool {
        host_problem(&self.host).is_none()
    }

    /// The fields filled from a discovery offer, which is kept as their origin.
    pub fn from_offer(o: &Offer) -> Self {
        Self {
            from: Some(o.clone()),
            ..Self::from_settings(&o.settings())
        }
    }

    /// The offer behind the fields, while the host is still the one it named.
    pub fn offer(&self) -> Option<&Offer> {
        self.from
            .as_ref()
            .filter(|o| o.candidate.host.eq_ignore_ascii_case(self.host.trim()))
    }

    /// Whether the fields hold settings learned over plain HTTP (anyone on the network could
    /// have changed them).
    pub fn learned_over_http(&self) -> bool {
        self.offer().is_some_and(Offer::learned_over_http)
    }
}

/// A field that is not right, and why, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub role: Role,
    pub field: &'static str,
    pub message: String,
}

/// The whole form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualForm {
    pub incoming_protocol: Protocol,
    pub incoming: ServerForm,
    pub outgoing: ServerForm,
    /// "I understand the password can be read by anyone on the network."
    pub accept_plaintext: bool,
    /// A PEM file of a certificate authority to trust in addition to the system's.
    pub extra_ca: String,
    /// "I trust this certificate authority."
    pub accept_extra_ca: bool,
    /// Show the problems (after the person pressed Test once).
    pub show_problems: bool,
    /// The person changed something (the form is kept when they come back to the page).
    pub edited: bool,
}

impl ManualForm {
    /// The usual guesses for a domain: imap.DOMAIN:993 TLS and smtp.DOMAIN:465 TLS, user
    /// name the full address.
    pub fn guessed(email: &EmailAddress) -> Self {
        let domain = email.domain_ascii();
        let user = email.to_ascii();
        let mut form = Self::from_servers(
            &ServerSettings {
                protocol: Protocol::Imap,
                host: format!("imap.{domain}"),
                port: 993,
                security: Security::Tls,
                username: user.clone(),
            },
            &ServerSettings {
                protocol: Protocol::Smtp,
                host: format!("smtp.{domain}"),
                port: 465,
                security: Security::Tls,
                username: user,
            },
        );
        for f in [&mut form.incoming, &mut form.outgoing] {
            f.suggested = Some(f.host.clone());
        }
        form
    }

    /// The form filled with these two servers.
    pub fn from_servers(incoming: &ServerSettings, outgoing: &ServerSettings) -> Self {
        Self {
            incoming_protocol: if incoming.protocol == Protocol::Pop3 {
                Protocol::Pop3
            } else {
                Protocol::Imap
            },
            incoming: ServerForm::from_settings(incoming),
            outgoing: ServerForm::from_settings(outgoing),
            accept_plaintext: false,
            extra_ca: String::new(),
            accept_extra_ca: false,
            show_problems: false,
            edited: false,
        }
    }

    pub fn server(&self, role: Role) -> &ServerForm {
        match role {
            Role::Incoming => &self.incoming,
            Role::Outgoing => &self.outgoing,
        }
    }

    fn server_mut(&mut self, role: Role) -> &mut ServerForm {
        match role {
            Role::Incoming => &mut self.incoming,
            Role::Outgoing => &mut self.outgoing,
        }
    }

    /// The protocol of a role.
    pub fn protocol(&self, role: Role) -> Protocol {
        match role {
            Role::Incoming => self.incoming_protocol,
            Role::Outgoing => Protocol::Smtp,
        }
    }

    /// Whether either server is set to send the password unencrypted.
    pub fn uses_plaintext(&self) -> bool {
        self.incoming.security == Security::Plain || self.outgoing.security == Security::Plain
    }

    /// The valid host names of the servers set to send the password unencrypted, lowercase and
    /// without repeats: what the plaintext tick names (a value that failed the check is never
    /// shown).
    pub fn plaintext_hosts(&self) -> Vec<String> {
        let mut hosts: Vec<String> = Vec::new();
        for role in Role::BOTH {
            let f = self.server(role);
            let host = f.host.trim().to_ascii_lowercase();
            if f.security == Security::Plain && f.host_valid() && !hosts.contains(&host) {
                hosts.push(host);
            }
        }
        hosts
    }

    /// Applies one edit. Changing the protocol or the security moves a port that was the
    /// usual one for the old choice to the usual one for the new choice.
    pub fn apply(&mut self, field: ManualField) {
        self.edited = true;
        match field {
            ManualField::Host(role, v) => self.server_mut(role).host = v,
            ManualField::Port(role, v) => self.server_mut(role).port = v,
            ManualField::Username(role, v) => self.server_mut(role).username = v,
            ManualField::Security(role, security) => {
                let protocol = self.protocol(role);
                let form = self.server_mut(role);
                let old_default = protocol.default_port(form.security).to_string();
                if form.port.trim() == old_default || form.port.trim().is_empty() {
                    form.port = protocol.default_port(security).to_string();
                }
                form.security = security;
            }
            ManualField::IncomingProtocol(protocol) if protocol.is_incoming() => {
                let security = self.incoming.security;
                let old_default = self.incoming_protocol.default_port(security).to_string();
                if self.incoming.port.trim() == old_default || self.incoming.port.trim().is_empty()
                {
                    self.incoming.port = protocol.default_port(security).to_string();
                }
                self.incoming_protocol = protocol;
            }
            ManualField::IncomingProtocol(_) => {}
            ManualField::AcceptPlaintext(v) => self.accept_plaintext = v,
            ManualField::ExtraCaFile(v) => {
                if v.trim() != self.extra_ca.trim() {
                    // A new file needs a new decision.
                    self.accept_extra_ca = false;
                }
                self.extra_ca = v;
            }
            ManualField::AcceptExtraCa(v) => self.accept_extra_ca = v,
            // Asks the window for a file; nothing changes until one is chosen.
            ManualField::BrowseExtraCa => {}
        }
    }

    /// Every problem with the form, in order; empty means it can be tested.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        for role in Role::BOTH {
            let f = self.server(role);
            if let Some(message) = host_problem(&f.host) {
                out.push(FieldProblem {
                    role,
                    field: "host",
                    message,
                });
            }
            match f.port.trim().parse::<u16>() {
                Ok(p) if p > 0 => {}
                _ => out.push(FieldProblem {
                    role,
                    field: "port",
                    message: t!("manual-problem-port"),
                }),
            }
            if f.username.trim().is_empty() {
                out.push(FieldProblem {
                    role,
                    field: "username",
                    message: t!("manual-problem-username"),
                });
            }
        }
        if self.uses_plaintext() && !self.accept_plaintext {
            out.push(FieldProblem {
                role: if self.incoming.security == Security::Plain {
                    Role::Incoming
                } else {
                    Role::Outgoing
                },
                field: "security",
                message: t!("manual-problem-plaintext"),
            });
        }
        if !self.extra_ca.trim().is_empty() && !self.accept_extra_ca {
            out.push(FieldProblem {
                role: Role::Incoming,
                field: "extra_ca",
                message: t!("manual-problem-extra-ca"),
            });
        }
        out
    }

    /// The two servers, if the form has no problems.
    pub fn settings(&self) -> Option<(ServerSettings, ServerSettings)> {
        if !self.problems().is_empty() {
            return None;
        }
        let make = |role: Role| -> Option<ServerSettings> {
            let f = self.server(role);
            Some(ServerSettings {
                protocol: self.protocol(role),
                host: f.host.trim().to_ascii_lowercase(),
                port: f.port.trim().parse().ok()?,
                security: f.security,
                username: f.username.trim().to_string(),
            })
        };
        Some((make(Role::Incoming)?, make(Role::Outgoing)?))
    }
}

/// What is wrong with a typed host name, in words; `None` when a test can use it.
fn host_problem(host: &str) -> Option<String> {
    let host = host.trim();
    if host.is_empty() {
        Some(t!("manual-problem-host-missing"))
    } else if host
        .chars()
        .any(|c| c.is_whitespace() || c == '/' || c == '@')
    {
        Some(t!("manual-problem-host-invalid", host = host))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ManualForm {
        ManualForm::guessed(&EmailAddress::parse("ann@example.com").unwrap())
    }

    #[test]
    fn guesses_use_the_domain_and_tls() {
        let f = form();
        let (i, o) = f.settings().unwrap();
        assert_eq!(i.endpoint(), "imap.example.com:993");
        assert_eq!(o.endpoint(), "smtp.example.com:465");
        assert_eq!(i.username, "ann@example.com");
    }

    #[test]
    fn switching_security_moves_a_default_port_but_keeps_a_custom_one() {
        let mut f = form();
        f.apply(ManualField::Security(Role::Incoming, Security::StartTls));
        assert_eq!(f.incoming.port, "143");
        f.apply(ManualField::Port(Role::Incoming, "10143".into()));
        f.apply(ManualField::Security(Role::Incoming, Security::Tls));
        assert_eq!(f.incoming.port, "10143");
        f.apply(ManualField::Port(Role::Incoming, "993".into()));
        f.apply(ManualField::IncomingProtocol(Protocol::Pop3));
        assert_eq!(f.incoming.port, "995");
        assert_eq!(f.settings().unwrap().0.protocol, Protocol::Pop3);
    }

    #[test]
    fn the_plaintext_tick_names_each_valid_host_once() {
        let mut f = form();
        f.apply(ManualField::Host(
            Role::Incoming,
            " Mail.Example.com ".into(),
        ));
        f.apply(ManualField::Host(Role::Outgoing, "mail.example.com".into()));
        f.apply(ManualField::Security(Role::Outgoing, Security::Plain));
        assert_eq!(f.plaintext_hosts(), ["mail.example.com"]);
        f.apply(ManualField::Security(Role::Incoming, Security::Plain));
        assert_eq!(f.plaintext_hosts(), ["mail.example.com"]);
        f.apply(ManualField::Host(Role::Outgoing, "smtp.example.com".into()));
        assert_eq!(
            f.plaintext_hosts(),
            ["mail.example.com", "smtp.example.com"]
        );
        f.apply(ManualField::Host(
            Role::Outgoing,
            "smtp .example.com; x".into(),
        ));
        assert_eq!(f.plaintext_hosts(), ["mail.example.com"]);
    }

    #[test]
    fn plaintext_needs_the_tick() {
        let mut f = form();
        f.apply(ManualField::Security(Role::Outgoing, Security::Plain));
        assert!(f.settings().is_none());
        assert_eq!(f.problems()[0].field, "security");
        f.apply(ManualField::AcceptPlaintext(true));
        assert_eq!(f.settings().unwrap().1.security, Security::Plain);
    }

    #[test]
    fn an_extra_authority_needs_the_tick_and_a_new_file_a_new_tick() {
        let mut f = form();
        f.apply(ManualField::ExtraCaFile("/tmp/ca.pem".into()));
        assert!(f.settings().is_none());
        f.apply(ManualField::AcceptExtraCa(true));
        assert!(f.settings().is_some());
        f.apply(ManualField::ExtraCaFile("/tmp/other.pem".into()));
        assert!(!f.accept_extra_ca);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut f = form();
        f.apply(ManualField::Host(Role::Incoming, " ".into()));
        f.apply(ManualField::Port(Role::Outgoing, "70000".into()));
        f.apply(ManualField::Username(Role::Outgoing, "".into()));
        let p = f.problems();
        let names: Vec<_> = p.iter().map(|p| (p.role, p.field)).collect();
        assert_eq!(
            names,
            vec![
                (Role::Incoming, "host"),
                (Role::Outgoing, "port"),
                (Role::Outgoing, "username")
            ]
        );
    }
}
