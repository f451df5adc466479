//! The saved account as it is written to `accounts.json`: who the account belongs to, the
//! incoming (IMAP or POP3) and outgoing (SMTP) servers that verified, the alternatives that
//! also verified, where the settings came from, when they were last verified, and where in
//! the keychain the password lives. Pure data, no I/O.
//!
//! Nothing here can hold a password: the types only name a keychain entry (`KeychainRef`).

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::account::{EmailAddress, Protocol, ServerSettings};
pub use crate::discover::SourceKind;
use crate::discover::{Candidate, Origin};
use crate::trust::pin::EndpointPin;

/// The keychain service name every entry is filed under.
pub const KEYCHAIN_SERVICE: &str = "mailsetup";

/// A saved account's identifier: short, readable, typed by technicians
/// (`mailsetup accounts check alice-example-com`). Made from the address when the account is
/// first saved and never changed afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(String);

impl AccountId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The readable id for an address: ASCII letters and digits, everything else a dash,
    /// at most 48 characters (`Alice.Smith@Example.com` → `alice-smith-example-com`).
    pub fn base_for(email: &EmailAddress) -> String {
        let text = email.to_ascii().to_ascii_lowercase();
        let mut id = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c);
            } else if !id.ends_with('-') {
                id.push('-');
            }
        }
        let mut id: String = id.trim_matches('-').chars().take(48).collect();
        while id.ends_with('-') {
            id.pop();
        }
        if id.is_empty() {
            id.push_str("account");
        }
        id
    }

    /// The first id not in `taken`: the readable base, then `base-2`, `base-3` …
    pub fn unique_for<'a>(
        email: &EmailAddress,
        taken: impl Iterator<Item = &'a AccountId> + Clone,
    ) -> AccountId {
        let base = Self::base_for(email);
        let is_taken = |candidate: &str| taken.clone().any(|t| t.0 == candidate);
        if !is_taken(&base) {
            return AccountId(base);
        }
        let mut n: u32 = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if !is_taken(&candidate) {
                return AccountId(candidate);
            }
            n += 1;
        }
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AccountId {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AccountId(s.trim().to_string()))
    }
}

/// A point in time, written as RFC 3339 (`2026-11-26T07:20:42Z`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub OffsetDateTime);

impl Timestamp {
    /// The current time (UTC).
    pub fn now() -> Self {
        Timestamp(OffsetDateTime::now_utc())
    }

    /// The time in the local time zone, to the minute, with its offset from UTC
    /// (`2026-12-07 22:20 +01:00`): for people; files and `--json` keep RFC 3339 in UTC.
    pub fn to_local_minute(&self) -> String {
        match chrono::DateTime::from_timestamp(self.0.unix_timestamp(), 0) {
            Some(utc) => utc
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M %:z")
                .to_string(),
            None => self.to_rfc3339(),
        }
    }

    /// RFC 3339 text.
    pub fn to_rfc3339(&self) -> String {
        self.0
            .format(&Rfc3339)
            .unwrap_or_else(|_| self.0.unix_timestamp().to_string())
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.to_rfc3339())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        OffsetDateTime::parse(&text, &Rfc3339)
            .map(Timestamp)
            .map_err(|e| {
                serde::de::Error::custom(format!("\"{text}\" is not an RFC 3339 time: {e}"))
            })
    }
}

/// Where the settings came from, with the URL or provider name where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SettingsSource {
    pub kind: SourceKind,
    /// The autoconfig URL, provider name or similar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl SettingsSource {
    /// A source without detail.
    pub fn new(kind: SourceKind) -> Self {
        Self { kind, detail: None }
    }
}

impl SettingsSource {
    /// Where a discovered server came from: its best origin, with what was asked (URL, DNS
    /// name, table entry).
    pub fn of_candidate(c: &Candidate) -> Self {
        match c.origins.first() {
            Some(origin) => Self::of_origin(origin),
            None => Self::new(SourceKind::Guess),
        }
    }

    /// Where one discovery answer came from.
    pub fn of_origin(origin: &Origin) -> Self {
        Self {
            kind: origin.source.into(),
            detail: (!origin.via.is_empty()).then(|| origin.via.data()),
        }
    }
}

impl SettingsSource {
    /// `Display` in the current language: the kind in words, then the URL or the trail
    /// discovery recorded (data, as found).
    pub fn words(&self) -> String {
        match &self.detail {
            Some(detail) => t!(
                "source-with-detail",
                source = self.kind.words(),
                detail = detail.as_str()
            ),
            None => self.kind.words(),
        }
    }
}

impl fmt::Display for SettingsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Some(detail) => write!(f, "{} ({detail})", self.kind.label()),
            None => f.write_str(self.kind.label()),
        }
    }
}

/// One server that verified: the settings plus how the sign-in was done.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SavedServer {
    /// Protocol, host, port, security, username.
    #[serde(flatten)]
    pub settings: ServerSettings,
    /// The mechanism or command that signed in (`AUTH PLAIN`, `LOGIN`, `USER/PASS` …), as
    /// the live test reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_method: Option<String>,
}

impl SavedServer {
    /// Settings with no sign-in method recorded.
    pub fn new(settings: ServerSettings) -> Self {
        Self {
            settings,
            auth_method: None,
        }
    }

    /// Settings that verified with this sign-in method (`AUTH PLAIN`, `USER/PASS` …).
    pub fn verified(settings: ServerSettings, auth_method: Option<String>) -> Self {
        Self {
            settings,
            auth_method,
        }
    }
}

/// Which keychain holds a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeychainKind {
    /// The freedesktop Secret Service over D-Bus (GNOME Keyring, KWallet, KeePassXC).
    SecretService,
    /// The Linux kernel key retention service (keyutils), session and persistent keyrings.
    Keyutils,
    /// macOS Keychain.
    MacosKeychain,
    /// Windows Credential Manager.
    WindowsCredentials,
}

impl KeychainKind {
    /// All kinds, in the order they are offered.
    pub const ALL: [KeychainKind; 4] = [
        KeychainKind::SecretService,
        KeychainKind::Keyutils,
        KeychainKind::MacosKeychain,
        KeychainKind::WindowsCredentials,
    ];

    /// The word used on the command line and in the file.
    pub fn word(self) -> &'static str {
        match self {
            KeychainKind::SecretService => "secret-service",
            KeychainKind::Keyutils => "keyutils",
            KeychainKind::MacosKeychain => "macos-keychain",
            KeychainKind::WindowsCredentials => "windows-credentials",
        }
    }

    /// The name people know it by.
    pub fn label(self) -> &'static str {
        match self {
            KeychainKind::SecretService => "Secret Service (GNOME Keyring / KWallet)",
            KeychainKind::Keyutils => "kernel keyring (keyutils)",
            KeychainKind::MacosKeychain => "macOS Keychain",
            KeychainKind::WindowsCredentials => "Windows Credential Manager",
        }
    }

    /// The keychain used when nobody chose one: the Secret Service on Linux, the system's
    /// own elsewhere. The kernel keyring is only used when the user agrees to it.
    pub fn platform_default() -> Self {
        if cfg!(target_os = "macos") {
            KeychainKind::MacosKeychain
        } else if cfg!(target_os = "windows") {
            KeychainKind::WindowsCredentials
        } else {
            KeychainKind::SecretService
        }
    }
}

impl fmt::Display for KeychainKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An unknown keychain word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown keychain \"{0}\": use secret-service or keyutils (Linux), macos-keychain, windows-credentials"
)]
pub struct UnknownKeychain(pub String);

impl FromStr for KeychainKind {
    type Err = UnknownKeychain;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let word = s.trim().to_ascii_lowercase();
        KeychainKind::ALL
            .into_iter()
            .find(|k| k.word() == word)
            .ok_or_else(|| UnknownKeychain(s.to_string()))
    }
}

/// Which of an account's two passwords an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Incoming,
    Outgoing,
}

impl Role {
    pub fn word(self) -> &'static str {
        match self {
            Role::Incoming => "incoming",
            Role::Outgoing => "outgoing",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One keychain entry: service and user name (the keychain's own terms).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntryName {
    pub service: String,
    pub user: String,
}

impl EntryName {
    /// The entry for one role of an account: service `mailsetup`, user `ID/ROLE/TAG`, where
    /// `TAG` names the configuration folder (`AccountFile::keychain_tag`): the keychain is
    /// shared by every folder of the user, so two folders holding the same address must not
    /// share (and overwrite, or delete) each other's entries.
    pub fn for_account(id: &AccountId, role: Role, tag: &str) -> Self {
        Self {
            service: KEYCHAIN_SERVICE.to_string(),
            user: format!("{}/{}/{tag}", id.as_str(), role.word()),
        }
    }
}

impl EntryName {
    /// The entry one save writes: `ID/ROLE/TAG/NONCE`. Every save writes entries of its own
    /// (the nonce is new each time), so a save never overwrites an entry another account or
    /// another running copy of mailsetup is using; the file then points at them.
    pub fn for_save(id: &AccountId, role: Role, tag: &str, nonce: &str) -> Self {
        let mut name = Self::for_account(id, role, tag);
        name.user.push('/');
        name.user.push_str(nonce);
        name
    }
}

impl fmt::Display for EntryName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.service, self.user)
    }
}

/// Where an account's passwords are: which keychain, and one entry per server.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KeychainRef {
    pub store: KeychainKind,
    pub incoming: EntryName,
    pub outgoing: EntryName,
}

impl KeychainRef {
    /// The entries for an account of the folder tagged `tag` in a keychain.
    pub fn for_account(id: &AccountId, store: KeychainKind, tag: &str) -> Self {
        Self {
            store,
            incoming: EntryName::for_account(id, Role::Incoming, tag),
            outgoing: EntryName::for_account(id, Role::Outgoing, tag),
        }
    }

    /// The fresh entries of one save (`EntryName::for_save`).
    pub fn for_save(id: &AccountId, store: KeychainKind, tag: &str, nonce: &str) -> Self {
        Self {
            store,
            incoming: EntryName::for_save(id, Role::Incoming, tag, nonce),
            outgoing: EntryName::for_save(id, Role::Outgoing, tag, nonce),
        }
    }

    /// The entry holding one role's password.
    pub fn entry(&self, role: Role) -> &EntryName {
        match role {
            Role::Incoming => &self.incoming,
            Role::Outgoing => &self.outgoing,
        }
    }
}

/// What a caller hands over to be saved: everything about a verified account except its id
/// (chosen by the store) and its password (passed separately, as a `SecretString`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedAccount {
    /// The name shown in lists and put on sent mail ("Alice Smith").
    pub display_name: String,
    pub email: EmailAddress,
    /// The chosen incoming server: IMAP or POP3.
    pub incoming: SavedServer,
    /// The chosen outgoing server: SMTP.
    pub outgoing: SavedServer,
    /// Other servers that also verified (e.g. IMAP when POP3 was chosen, port 465 besides 587).
    pub alternatives: Vec<SavedServer>,
    pub source: SettingsSource,
    /// When the servers verified.
    pub verified_at: Timestamp,
    /// The person agreed to send this password without encryption.
    pub allow_plaintext: bool,
    /// A certificate authority file (PEM) the person chose to trust for these servers: the
    /// save keeps a copy of it in the configuration folder.
    pub ca_file: Option<PathBuf>,
    /// Server keys the person trusted by their fingerprint, each for one host and port.
    pub pinned_keys: Vec<EndpointPin>,
    /// The account signs in with OAuth 2.0: the keychain entries hold the refresh token.
    pub oauth2: Option<OAuth2Login>,
}

/// How an account signs in with OAuth 2.0 (RFC 6749): which authorization server, as which
/// client, with which scopes and SASL mechanism — everything a later refresh (RFC 6749 §6) or
/// revocation (RFC 7009) needs, so it works even when discovery would answer differently
/// later. No token and no client secret: the refresh token is in the keychain, in the entries
/// that hold a password for other accounts; the secret is read again from where it came from
/// (`client_source`). Files of older versions lack the endpoints and the source: they load,
/// and the endpoints are then asked of the issuer's metadata as before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuth2Login {
    /// The issuer URL.
    pub issuer: String,
    /// The provider table's id (`gmail`), or the issuer URL.
    pub provider: String,
    /// The client the refresh token was issued to (refreshing needs the same one).
    pub client_id: String,
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The SASL mechanism asked for, when one was (`XOAUTH2`, `OAUTHBEARER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<String>,
    /// The token endpoint the refresh token came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<String>,
    /// Where the refresh token is given back (RFC 7009), when the issuer named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocation_endpoint: Option<String>,
    /// Where the client id (and its secret, if any) came from at sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_source: Option<ClientSource>,
    /// The resource (RFC 8707) the tokens are for, sent again with every refresh: the mail
    /// server a client registered on the fly signed in for (`oauth::resource`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

/// Where an OAuth client id and its secret came from (`oauth::client::ClientSources`), so a
/// refresh reads the secret from the same place. Names of places only, never a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClientSource {
    /// `--oauth-client-id`, the secret (if any) from the environment variable
    /// `--oauth-client-secret-env` named.
    Flag {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        secret_env: Option<String>,
    },
    /// The environment at run time: the id in `id_var`, the secret in `secret_var`.
    Environment { id_var: String, secret_var: String },
    /// `oauth.json` in the configuration folder, under this key.
    File { key: String },
    /// Built into the program.
    Build,
    /// The provider table's (public client, no secret).
    Table,
    /// Registered on the fly at the issuer's `endpoint` (RFC 7591) when no client id was
    /// configured: a public client, so there is no secret to keep (`oauth::register`).
    Registered {
        endpoint: String,
        /// `client_id_issued_at` (seconds since 1970), when the server said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        issued_at: Option<u64>,
    },
}

/// Why a `VerifiedAccount` cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidAccount {
    #[error("the incoming server must be IMAP or POP3, not {0}")]
    IncomingNotIncoming(Protocol),
    #[error("the outgoing server must be SMTP, not {0}")]
    OutgoingNotSmtp(Protocol),
    #[error("the {role} server has no host name")]
    EmptyHost { role: Role },
    #[error("the {role} server has no user name")]
    EmptyUsername { role: Role },
}

impl VerifiedAccount {
    /// Checks what the file format relies on: incoming is IMAP/POP3, outgoing is SMTP, hosts
    /// and user names are not empty.
    pub fn validate(&self) -> Result<(), InvalidAccount> {
        if !self.incoming.settings.protocol.is_incoming() {
            return Err(InvalidAccount::IncomingNotIncoming(
                self.incoming.settings.protocol,
            ));
        }
        if self.outgoing.settings.protocol != Protocol::Smtp {
            return Err(InvalidAccount::OutgoingNotSmtp(
                self.outgoing.settings.protocol,
            ));
        }
        for (role, server) in [
            (Role::Incoming, &self.incoming),
            (Role::Outgoing, &self.outgoing),
        ] {
            if server.settings.host.trim().is_empty() {
                return Err(InvalidAccount::EmptyHost { role });
            }
            if server.settings.username.is_empty() {
                return Err(InvalidAccount::EmptyUsername { role });
            }
        }
        Ok(())
    }
}

/// One account in `accounts.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAccount {
    pub id: AccountId,
    pub display_name: String,
    pub email: EmailAddress,
    pub incoming: SavedServer,
    pub outgoing: SavedServer,
    #[serde(default)]
    pub alternatives: Vec<SavedServer>,
    pub source: SettingsSource,
    pub last_verified: Timestamp,
    #[serde(default)]
    pub allow_plaintext: bool,
    pub keychain: KeychainRef,
    /// The copy of a certificate authority file (PEM) to trust for this account's servers,
    /// by its name in the configuration folder (owner-only, like the account file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<String>,
    /// Server keys trusted by their SPKI SHA-256 ("Trust this server's key"), each for
    /// exactly one host and port; checks fail with `certificate_changed` on another key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinned_keys: Vec<EndpointPin>,
    /// Set when the account signs in with OAuth 2.0 (absent in files of older versions:
    /// a password account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2: Option<OAuth2Login>,
}

impl SavedAccount {
    /// The saved form of a verified account, filed under `id`, its passwords in `keychain`.
    pub fn from_verified(id: AccountId, keychain: KeychainRef, account: VerifiedAccount) -> Self {
        Self {
            id,
            display_name: account.display_name,
            email: account.email,
            incoming: account.incoming,
            outgoing: account.outgoing,
            alternatives: account.alternatives,
            source: account.source,
            last_verified: account.verified_at,
            allow_plaintext: account.allow_plaintext,
            keychain,
            ca_file: None,
            pinned_keys: account.pinned_keys,
            oauth2: account.oauth2,
        }
    }

    /// The name under which the copy of an account's certificate authority file is kept.
    pub fn ca_file_name(id: &AccountId) -> String {
        format!("{}.ca.pem", id.as_str())
    }

    /// Where the copy of the account's certificate authority file is, in `config_dir`.
    pub fn ca_path(&self, config_dir: &std::path::Path) -> Option<PathBuf> {
        self.ca_file.as_ref().map(|name| config_dir.join(name))
    }

    /// The chosen server for a role.
    pub fn server(&self, role: Role) -> &SavedServer {
        match role {
            Role::Incoming => &self.incoming,
            Role::Outgoing => &self.outgoing,
        }
    }

    /// Whether this account is for the same address (compared in ASCII, case-insensitively).
    pub fn is_for(&self, email: &EmailAddress) -> bool {
        self.email
            .to_ascii()
            .eq_ignore_ascii_case(&email.to_ascii())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(s: &str) -> EmailAddress {
        EmailAddress::parse(s).unwrap()
    }

    #[test]
    fn ids_are_readable_and_unique() {
        assert_eq!(
            AccountId::base_for(&email("Alice.Smith@Example.com")),
            "alice-smith-example-com"
        );
        assert_eq!(
            AccountId::base_for(&email("jörg@bücher.example")),
            "j-rg-xn-bcher-kva-example"
        );
        let taken = [
            AccountId("a-example-com".into()),
            AccountId("a-example-com-2".into()),
        ];
        assert_eq!(
            AccountId::unique_for(&email("a@example.com"), taken.iter()).as_str(),
            "a-example-com-3"
        );
        let long = format!("{}@example.com", "x".repeat(80));
        assert!(AccountId::base_for(&email(&long)).len() <= 48);
    }

    #[test]
    fn an_oauth_login_of_an_older_file_loads_and_a_new_one_keeps_what_refresh_needs() {
        let old = r#"{"issuer":"https://id.example.org","provider":"https://id.example.org",
            "client_id":"c1","scopes":["mail"]}"#;
        let login: OAuth2Login = serde_json::from_str(old).unwrap();
        assert_eq!(login.client_id, "c1");
        assert_eq!((login.token_endpoint, login.client_source), (None, None));
        let new = OAuth2Login {
            issuer: "https://id.example.org".into(),
            provider: "https://id.example.org".into(),
            client_id: "c1".into(),
            scopes: vec!["mail".into()],
            mechanism: None,
            token_endpoint: Some("https://id.example.org/token".into()),
            revocation_endpoint: Some("https://id.example.org/revoke".into()),
            client_source: Some(ClientSource::Flag {
                secret_env: Some("MY_SECRET".into()),
            }),
            resource: None,
        };
        let text = serde_json::to_string(&new).unwrap();
        assert!(text.contains(r#""client_source":{"kind":"flag","secret_env":"MY_SECRET"}"#));
        assert!(!text.contains("resource"), "{text}");
        assert_eq!(serde_json::from_str::<OAuth2Login>(&text).unwrap(), new);
        // A client registered on the fly keeps where, and the resource its tokens are for.
        let registered = OAuth2Login {
            client_source: Some(ClientSource::Registered {
                endpoint: "https://id.example.org/reg".into(),
                issued_at: Some(1_800_000_000),
            }),
            resource: Some("imaps://imap.example.org".into()),
            ..new
        };
        let text = serde_json::to_string(&registered).unwrap();
        assert!(
            text.contains(r#""client_source":{"kind":"registered","endpoint":"https://id.example.org/reg","issued_at":1800000000}"#),
            "{text}"
        );
        assert!(text.contains(r#""resource":"imaps://imap.example.org""#));
        assert_eq!(
            serde_json::from_str::<OAuth2Login>(&text).unwrap(),
            registered
        );
    }

    #[test]
    fn keychain_words_round_trip() {
        for kind in KeychainKind::ALL {
            assert_eq!(kind.word().parse::<KeychainKind>().unwrap(), kind);
        }
        assert!("wallet".parse::<KeychainKind>().is_err());
    }

    #[test]
    fn timestamps_are_rfc3339_both_ways() {
        let t: Timestamp = serde_json::from_str("\"2026-11-26T07:20:42Z\"").unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-11-26T07:20:42Z\""
        );
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }
}
