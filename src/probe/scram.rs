//! The client side of a SCRAM sign-in — a pure state machine, bytes in and bytes out, no I/O.
//!
//! SCRAM (RFC 5802) proves the password without sending it; SCRAM-SHA-256 is RFC 7677, and the
//! `-PLUS` variants bind the proof to the TLS channel with data the caller reads from its TLS
//! connection (RFC 5929 `tls-server-end-point`, RFC 9266 `tls-exporter`): this module does no
//! TLS. [`choose`] picks the mechanism from the server's offer (RFC 5802 §6). One exchange,
//! in order:
//!
//! 1. [`ScramClient::new`]: SASLprep (RFC 4013) of the password — a password it refuses is
//!    said before anything is sent — a nonce of 24 bytes from the OS random source, and the
//!    client-first message `gs2-header n=<user>,r=<nonce>`. The GS2 header (RFC 5802 §6,
//!    §7) is `n,,` when we cannot bind, `y,,` when we could but the server did not offer
//!    `-PLUS` (so a server that does support binding sees the downgrade), `p=<type>,,` with
//!    `-PLUS`; the authorization identity stays empty; `,` and `=` in the user name are sent
//!    as `=2C` and `=3D` (§5.1). The user name is not SASLprep-ed: mail servers take the
//!    address as typed.
//! 2. [`ScramClient::server_first`] reads `r=<nonce>,s=<salt>,i=<count>`: the nonce must
//!    extend ours, the salt be base64, the count lie within [`MIN_ITERATIONS`] and
//!    [`MAX_ITERATIONS`]; a mandatory extension (`m=`) is refused. It computes (§3)
//!    SaltedPassword = PBKDF2(password, salt, count), ClientKey, StoredKey, ClientSignature,
//!    ServerKey over AuthMessage = client-first-bare `,` server-first `,` client-final without
//!    proof, and answers `c=<base64(gs2-header [+ binding data])>,r=<nonce>,p=<proof>`.
//! 3. [`WaitingForServerFinal::server_final`] reads `v=<signature>` and verifies it against
//!    ServerKey (a server that does not know the password cannot pass), or reads the server's
//!    `e=<error>` (§7): `channel-bindings-dont-match` and `server-does-support-channel-binding`
//!    are proof that someone sits in the middle and get variants of their own.
//!
//! Secrets (the prepared password, SaltedPassword, ClientKey, ServerKey, the proof) live in
//! `Zeroizing` buffers, wiped on drop, and no `Debug` here prints them. ring's HMAC and PBKDF2
//! states are their own and are not wiped, nor are stringprep's intermediate strings.

use std::fmt;
use std::num::NonZeroU32;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ring::{digest, hmac, pbkdf2, rand};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

#[cfg(test)]
mod tests;

/// Fewest PBKDF2 iterations we accept: RFC 7677 §4's minimum; fewer makes a stolen exchange
/// cheap to guess from.
pub const MIN_ITERATIONS: u32 = 4096;
/// Most PBKDF2 iterations we accept: more would let a server (or whoever answers in its
/// place) keep us computing for seconds.
pub const MAX_ITERATIONS: u32 = 100_000;
/// Longest server message we read (server-first or server-final), in bytes.
pub const MAX_MESSAGE: usize = 4096;
/// Longest server error value kept (`e=…`), in characters.
const MAX_ERROR_VALUE: usize = 64;
/// Random bytes in our nonce (32 base64 characters).
const NONCE_BYTES: usize = 24;

/// The SCRAM mechanisms, in the order we prefer them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mechanism {
    ScramSha256Plus,
    ScramSha256,
    ScramSha1Plus,
    ScramSha1,
}

impl Mechanism {
    /// Every mechanism, most preferred first.
    pub const PREFERENCE: [Mechanism; 4] = [
        Mechanism::ScramSha256Plus,
        Mechanism::ScramSha256,
        Mechanism::ScramSha1Plus,
        Mechanism::ScramSha1,
    ];

    /// The mechanism's name on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::ScramSha256Plus => "SCRAM-SHA-256-PLUS",
            Mechanism::ScramSha256 => "SCRAM-SHA-256",
            Mechanism::ScramSha1Plus => "SCRAM-SHA-1-PLUS",
            Mechanism::ScramSha1 => "SCRAM-SHA-1",
        }
    }

    /// Parses a mechanism name as a server advertises it (any case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::PREFERENCE
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }

    /// Whether this is a `-PLUS` mechanism (channel binding required).
    pub fn is_plus(self) -> bool {
        matches!(self, Mechanism::ScramSha256Plus | Mechanism::ScramSha1Plus)
    }

    fn is_sha256(self) -> bool {
        matches!(self, Mechanism::ScramSha256Plus | Mechanism::ScramSha256)
    }

    fn digest(self) -> &'static digest::Algorithm {
        if self.is_sha256() {
            &digest::SHA256
        } else {
            &digest::SHA1_FOR_LEGACY_USE_ONLY
        }
    }

    fn hmac(self) -> hmac::Algorithm {
        if self.is_sha256() {
            hmac::HMAC_SHA256
        } else {
            hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY
        }
    }

    fn pbkdf2(self) -> pbkdf2::Algorithm {
        if self.is_sha256() {
            pbkdf2::PBKDF2_HMAC_SHA256
        } else {
            pbkdf2::PBKDF2_HMAC_SHA1
        }
    }
}

/// Chooses among the mechanisms a server offers (any case; other names ignored) and says
/// what the GS2 header will say, given the binding data we have for this connection.
///
/// RFC 5802 §6: with binding data and a `-PLUS` offer we must bind, so then the best `-PLUS`
/// mechanism is taken even where [`Mechanism::PREFERENCE`] ranks a plain one higher (a
/// server offering SCRAM-SHA-1-PLUS beside SCRAM-SHA-256 only); with binding data and no
/// `-PLUS` offer the header says `y`; without binding data `-PLUS` is skipped and it says `n`.
/// `None` when no SCRAM mechanism we can use is offered.
pub fn choose<'a>(
    offered: impl IntoIterator<Item = &'a str>,
    binding: Option<ChannelBinding>,
) -> Option<(Mechanism, Binding)> {
    let offered: Vec<Mechanism> = offered
        .into_iter()
        .filter_map(Mechanism::from_name)
        .collect();
    let best = |plus: bool| {
        Mechanism::PREFERENCE
            .into_iter()
            .find(|m| m.is_plus() == plus && offered.contains(m))
    };
    match binding {
        Some(cb) => match best(true) {
            Some(m) => Some((m, Binding::Plus(cb))),
            None => best(false).map(|m| (m, Binding::NotOffered)),
        },
        None => best(false).map(|m| (m, Binding::Unsupported)),
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Channel binding data read from the TLS connection by the caller.
#[derive(Clone)]
pub enum ChannelBinding {
    /// RFC 9266: the TLS 1.3 exporter, label `EXPORTER-Channel-Binding`, no context, 32 bytes.
    TlsExporter(Zeroizing<Vec<u8>>),
    /// RFC 5929 §4: the hash of the server's certificate (TLS 1.2).
    TlsServerEndPoint(Vec<u8>),
}

impl ChannelBinding {
    /// The channel binding type's name, as the GS2 header says it.
    pub fn kind(&self) -> &'static str {
        match self {
            ChannelBinding::TlsExporter(_) => "tls-exporter",
            ChannelBinding::TlsServerEndPoint(_) => "tls-server-end-point",
        }
    }

    fn data(&self) -> &[u8] {
        match self {
            ChannelBinding::TlsExporter(data) => data,
            ChannelBinding::TlsServerEndPoint(data) => data,
        }
    }
}

impl fmt::Debug for ChannelBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ChannelBinding({}, {} bytes)",
            self.kind(),
            self.data().len()
        )
    }
}

/// What we say about channel binding in the GS2 header (RFC 5802 §6).
#[derive(Debug, Clone)]
pub enum Binding {
    /// We have no binding data (no TLS, or none we can read): `n`.
    Unsupported,
    /// We could bind, but the server did not offer a `-PLUS` mechanism: `y`. A server that
    /// does support binding then knows the offer was removed on the way.
    NotOffered,
    /// A `-PLUS` mechanism with this binding: `p=<type>`.
    Plus(ChannelBinding),
}

/// Why SASLprep (RFC 4013) refuses a password. The refused character itself is not kept: it
/// is part of the password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaslprepRefusal {
    /// Empty, or nothing left after mapping.
    Empty,
    /// A control, private-use, non-character or other prohibited character (RFC 4013 §5), or
    /// one Unicode 3.2 does not assign.
    ProhibitedCharacter,
    /// Right-to-left and left-to-right text mixed against RFC 3454 §6.
    Bidirectional,
}

impl fmt::Display for SaslprepRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SaslprepRefusal::Empty => "the password is empty",
            SaslprepRefusal::ProhibitedCharacter => {
                "the password holds a character SASLprep forbids (a control character, a \
                 private-use character, or one Unicode 3.2 does not assign)"
            }
            SaslprepRefusal::Bidirectional => {
                "the password mixes right-to-left and left-to-right text in a way SASLprep forbids"
            }
        })
    }
}

/// A server error value (RFC 5802 §7, `server-error-value`) other than the two that prove an
/// interception, which are [`ScramError`] variants of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerError {
    InvalidEncoding,
    ExtensionsNotSupported,
    /// The proof is wrong: the password is wrong (or the account's SCRAM keys are stale).
    InvalidProof,
    ChannelBindingNotSupported,
    UnsupportedChannelBindingType,
    UnknownUser,
    InvalidUsernameEncoding,
    NoResources,
    OtherError,
    /// A value RFC 5802 does not name (printable ASCII, at most 64 characters kept).
    Unlisted(String),
}

impl ServerError {
    fn words(&self) -> &str {
        match self {
            ServerError::InvalidEncoding => "invalid-encoding (our message was malformed)",
            ServerError::ExtensionsNotSupported => "extensions-not-supported",
            ServerError::InvalidProof => "invalid-proof (the password is wrong)",
            ServerError::ChannelBindingNotSupported => "channel-binding-not-supported",
            ServerError::UnsupportedChannelBindingType => "unsupported-channel-binding-type",
            ServerError::UnknownUser => "unknown-user (no such account)",
            ServerError::InvalidUsernameEncoding => "invalid-username-encoding",
            ServerError::NoResources => "no-resources (the server is busy)",
            ServerError::OtherError => "other-error",
            ServerError::Unlisted(value) => value,
        }
    }
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// Why a SCRAM exchange stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScramError {
    #[error("SASLprep (RFC 4013) refuses the password: {0}")]
    Saslprep(SaslprepRefusal),
    #[error("the user name is empty")]
    EmptyUsername,
    #[error("{mechanism} needs channel binding data, and none was given")]
    PlusWithoutBinding { mechanism: Mechanism },
    #[error("channel binding data was given for {mechanism}, which does not bind")]
    BindingWithoutPlus { mechanism: Mechanism },
    #[error("a client nonce must be printable ASCII without commas")]
    BadClientNonce,
    #[error("the operating system's random source failed")]
    Random,
    #[error("the server's {message} message is longer than {MAX_MESSAGE} bytes")]
    TooLong { message: &'static str },
    #[error("the server's {message} message is not printable text")]
    NotText { message: &'static str },
    #[error("the server demands an extension we do not know (m=)")]
    MandatoryExtension,
    #[error("the server's first message has no {attribute}= where RFC 5802 puts it")]
    Missing { attribute: char },
    #[error("the server's nonce does not start with ours")]
    NonceMismatch,
    #[error("the server added nothing to our nonce")]
    NonceNotExtended,
    #[error("the server's salt is not base64 or is empty")]
    BadSalt,
    #[error("the server's iteration count is not a number")]
    BadIterationCount,
    #[error(
        "the server asks for {count} iterations; we accept {MIN_ITERATIONS} to {MAX_ITERATIONS} \
         (fewer is too weak, more takes too long)"
    )]
    IterationCount { count: u64 },
    #[error("the server's final message has neither v= nor e=")]
    BadServerFinal,
    #[error("the server's signature is not base64")]
    BadSignature,
    #[error(
        "the server's signature is wrong: whoever answered does not know the password, so it \
         is not the real server"
    )]
    ServerSignatureMismatch,
    #[error(
        "the server says the channel binding does not match: the TLS connection it sees is not \
         ours, so someone sits in between"
    )]
    ChannelBindingMismatch,
    #[error(
        "the server supports channel binding, but its offer of -PLUS did not reach us: someone \
         removed it on the way"
    )]
    DowngradeDetected,
    #[error(
        "the server said yes without its final SCRAM message, so it did not prove that it \
         knows the password"
    )]
    NoServerFinal,
    #[error("the server refused: {0}")]
    Server(ServerError),
}

impl ScramError {
    /// Whether the error is proof that the connection is intercepted (a binding mismatch, a
    /// removed `-PLUS` offer, or an answer by someone who does not know the password).
    pub fn proves_interception(&self) -> bool {
        matches!(
            self,
            ScramError::ChannelBindingMismatch
                | ScramError::DowngradeDetected
                | ScramError::ServerSignatureMismatch
        )
    }
}

/// The start of an exchange: holds the client-first message until the server's first answer.
pub struct ScramClient {
    mechanism: Mechanism,
    password: Zeroizing<String>,
    /// base64 of the GS2 header and binding data: the final message's `c=`.
    cbind: String,
    nonce: String,
    client_first: String,
    /// Where the client-first-bare part starts in `client_first`.
    bare_at: usize,
}

impl fmt::Debug for ScramClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScramClient")
            .field("mechanism", &self.mechanism)
            .field("client_first", &self.client_first)
            .field("password", &"<redacted>")
            .finish()
    }
}

impl ScramClient {
    /// Starts an exchange with a fresh nonce from the OS random source.
    pub fn new(
        mechanism: Mechanism,
        username: &str,
        password: &SecretString,
        binding: Binding,
    ) -> Result<Self, ScramError> {
        let mut raw = Zeroizing::new([0u8; NONCE_BYTES]);
        rand::SecureRandom::fill(&rand::SystemRandom::new(), &mut raw[..])
            .map_err(|_| ScramError::Random)?;
        let nonce = B64.encode(&raw[..]);
        Self::with_nonce(mechanism, username, password, binding, &nonce)
    }

    /// Starts an exchange with a given client nonce: for the RFC test vectors and the fuzz
    /// target only. A real exchange must use [`ScramClient::new`].
    #[doc(hidden)]
    pub fn with_nonce(
        mechanism: Mechanism,
        username: &str,
        password: &SecretString,
        binding: Binding,
        nonce: &str,
    ) -> Result<Self, ScramError> {
        if nonce.is_empty() || !nonce.bytes().all(is_nonce_char) {
            return Err(ScramError::BadClientNonce);
        }
        if username.is_empty() {
            return Err(ScramError::EmptyUsername);
        }
        let password = saslprep(password.expose_secret())?;
        let gs2_header = match (&binding, mechanism.is_plus()) {
            (Binding::Plus(cb), true) => format!("p={},,", cb.kind()),
            (Binding::Plus(_), false) => return Err(ScramError::BindingWithoutPlus { mechanism }),
            (_, true) => return Err(ScramError::PlusWithoutBinding { mechanism }),
            (Binding::Unsupported, false) => "n,,".to_string(),
            (Binding::NotOffered, false) => "y,,".to_string(),
        };
        let mut cbind_input = gs2_header.clone().into_bytes();
        if let Binding::Plus(cb) = &binding {
            cbind_input.extend_from_slice(cb.data());
        }
        let cbind = B64.encode(&cbind_input);
        let client_first = format!("{gs2_header}n={},r={nonce}", escape_username(username));
        Ok(ScramClient {
            mechanism,
            password,
            cbind,
            nonce: nonce.to_string(),
            bare_at: gs2_header.len(),
            client_first,
        })
    }

    /// The mechanism this exchange uses.
    pub fn mechanism(&self) -> Mechanism {
        self.mechanism
    }

    /// The client-first message, to send as the SASL initial response (before base64).
    pub fn client_first(&self) -> &[u8] {
        self.client_first.as_bytes()
    }

    /// Reads the server-first message and computes the client-final message.
    pub fn server_first(
        self,
        message: &[u8],
    ) -> Result<(ClientFinal, WaitingForServerFinal), ScramError> {
        let server_first = text(message, "first")?;
        let first = ServerFirst::parse(server_first, &self.nonce)?;
        let m = self.mechanism;

        let mut salted = Zeroizing::new(vec![0u8; m.digest().output_len()]);
        pbkdf2::derive(
            m.pbkdf2(),
            first.iterations,
            &first.salt,
            self.password.as_bytes(),
            &mut salted,
        );
        let client_key = hmac_bytes(m, &salted, b"Client Key");
        let server_key = hmac_bytes(m, &salted, b"Server Key");
        let stored_key = digest::digest(m.digest(), &client_key);

        let without_proof = format!("c={},r={}", self.cbind, first.nonce);
        let auth_message = format!(
            "{},{server_first},{without_proof}",
            &self.client_first[self.bare_at..]
        );
        let client_signature = hmac_bytes(m, stored_key.as_ref(), auth_message.as_bytes());
        let proof: Zeroizing<Vec<u8>> = Zeroizing::new(
            client_key
                .iter()
                .zip(client_signature.iter())
                .map(|(k, s)| k ^ s)
                .collect(),
        );
        let final_message =
            Zeroizing::new(format!("{without_proof},p={}", B64.encode(&proof[..])).into_bytes());
        Ok((
            ClientFinal(final_message),
            WaitingForServerFinal {
                mechanism: m,
                server_key,
                auth_message,
            },
        ))
    }
}

/// The client-final message (holding the proof: with the salt it allows guessing the password
/// offline, so it is kept out of `Debug` and wiped on drop).
pub struct ClientFinal(Zeroizing<Vec<u8>>);

impl ClientFinal {
    /// The bytes to send (before base64).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for ClientFinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClientFinal(<{} bytes, proof redacted>)", self.0.len())
    }
}

/// Waiting for the server-final message: holds what verifies the server's signature.
pub struct WaitingForServerFinal {
    mechanism: Mechanism,
    server_key: Zeroizing<Vec<u8>>,
    auth_message: String,
}

impl fmt::Debug for WaitingForServerFinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitingForServerFinal")
            .field("mechanism", &self.mechanism)
            .field("server_key", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl WaitingForServerFinal {
    /// Reads the server-final message: `Ok` only when the server proved it knows the
    /// password (its signature matches).
    pub fn server_final(self, message: &[u8]) -> Result<(), ScramError> {
        let text = text(message, "final")?;
        let first = text.split(',').next().unwrap_or_default();
        if let Some(value) = first.strip_prefix("e=") {
            return Err(server_error(value));
        }
        let Some(signature) = first.strip_prefix("v=") else {
            return Err(ScramError::BadServerFinal);
        };
        let signature = B64
            .decode(signature)
            .map_err(|_| ScramError::BadSignature)?;
        let key = hmac::Key::new(self.mechanism.hmac(), &self.server_key);
        hmac::verify(&key, self.auth_message.as_bytes(), &signature)
            .map_err(|_| ScramError::ServerSignatureMismatch)
    }
}

/// The parts of a server-first message we use.
struct ServerFirst<'a> {
    nonce: &'a str,
    salt: Vec<u8>,
    iterations: NonZeroU32,
}

impl<'a> ServerFirst<'a> {
    /// `[m=…,] r=<nonce>,s=<salt>,i=<count>[,extensions]` (RFC 5802 §7), in that order.
    fn parse(text: &'a str, client_nonce: &str) -> Result<Self, ScramError> {
        let mut parts = text.split(',');
        let mut next = |attribute: char| {
            let part = parts.next().unwrap_or_default();
            if part.starts_with("m=") {
                return Err(ScramError::MandatoryExtension);
            }
            if attribute == 'r'
                && let Some(value) = part.strip_prefix("e=")
            {
                // Not in RFC 5802's grammar here, but some servers refuse at once.
                return Err(server_error(value));
            }
            match part.split_once('=') {
                Some((name, value)) if name.len() == 1 && name.starts_with(attribute) => Ok(value),
                _ => Err(ScramError::Missing { attribute }),
            }
        };
        let nonce = next('r')?;
        let salt = next('s')?;
        let iterations = next('i')?;

        let Some(server_part) = nonce.strip_prefix(client_nonce) else {
            return Err(ScramError::NonceMismatch);
        };
        if server_part.is_empty() {
            return Err(ScramError::NonceNotExtended);
        }
        if !nonce.bytes().all(is_nonce_char) {
            return Err(ScramError::NotText { message: "first" });
        }
        let salt = B64.decode(salt).map_err(|_| ScramError::BadSalt)?;
        if salt.is_empty() {
            return Err(ScramError::BadSalt);
        }
        if iterations.is_empty() || !iterations.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ScramError::BadIterationCount);
        }
        let count: u64 = iterations.parse().unwrap_or(u64::MAX);
        let iterations = u32::try_from(count)
            .ok()
            .filter(|c| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(c))
            .and_then(NonZeroU32::new)
            .ok_or(ScramError::IterationCount { count })?;
        Ok(ServerFirst {
            nonce,
            salt,
            iterations,
        })
    }
}

/// `e=<value>` (RFC 5802 §7) as our error.
fn server_error(value: &str) -> ScramError {
    let error = match value {
        "channel-bindings-dont-match" => return ScramError::ChannelBindingMismatch,
        "server-does-support-channel-binding" => return ScramError::DowngradeDetected,
        "invalid-encoding" => ServerError::InvalidEncoding,
        "extensions-not-supported" => ServerError::ExtensionsNotSupported,
        "invalid-proof" => ServerError::InvalidProof,
        "channel-binding-not-supported" => ServerError::ChannelBindingNotSupported,
        "unsupported-channel-binding-type" => ServerError::UnsupportedChannelBindingType,
        "unknown-user" => ServerError::UnknownUser,
        "invalid-username-encoding" => ServerError::InvalidUsernameEncoding,
        "no-resources" => ServerError::NoResources,
        "other-error" => ServerError::OtherError,
        other => ServerError::Unlisted(
            other
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(MAX_ERROR_VALUE)
                .collect(),
        ),
    };
    ScramError::Server(error)
}

/// Whether a SCRAM message (decoded from base64) is a client-final message with its proof
/// (`c=…,r=…,p=…`) or a server-final message with the server's signature (`v=…`): with the
/// salt and iteration count the server sent, either allows guessing the password offline,
/// so a transcript must not keep them (RFC 5802 §9).
pub fn carries_proof(message: &[u8]) -> bool {
    message.starts_with(b"v=")
        || (message.starts_with(b"c=") && message.windows(3).any(|w| w == b",p="))
}

/// A server message as text: bounded, UTF-8, no control characters.
fn text<'a>(message: &'a [u8], which: &'static str) -> Result<&'a str, ScramError> {
    if message.len() > MAX_MESSAGE {
        return Err(ScramError::TooLong { message: which });
    }
    match std::str::from_utf8(message) {
        Ok(text) if !text.chars().any(char::is_control) => Ok(text),
        _ => Err(ScramError::NotText { message: which }),
    }
}

/// RFC 5802 §7 `printable`: `%x21-2B / %x2D-7E`.
fn is_nonce_char(b: u8) -> bool {
    (0x21..=0x7e).contains(&b) && b != b','
}

/// RFC 5802 §5.1: `=` as `=3D`, `,` as `=2C`.
fn escape_username(username: &str) -> String {
    username.replace('=', "=3D").replace(',', "=2C")
}

/// HMAC(key, data) into a buffer wiped on drop.
fn hmac_bytes(mechanism: Mechanism, key: &[u8], data: &[u8]) -> Zeroizing<Vec<u8>> {
    let key = hmac::Key::new(mechanism.hmac(), key);
    Zeroizing::new(hmac::sign(&key, data).as_ref().to_vec())
}

/// Whether SASLprep (RFC 4013) accepts `password`, so SCRAM can carry it: said before
/// connecting, since PLAIN and LOGIN carry any password the protocols can.
pub fn check_password(password: &str) -> Result<(), SaslprepRefusal> {
    match saslprep(password) {
        Ok(_) => Ok(()),
        Err(ScramError::Saslprep(refusal)) => Err(refusal),
        Err(_) => Err(SaslprepRefusal::ProhibitedCharacter),
    }
}

/// RFC 4013 SASLprep of the password, as a stored string (RFC 5802 §2.2: unassigned code
/// points are refused).
fn saslprep(password: &str) -> Result<Zeroizing<String>, ScramError> {
    let prepared = stringprep::saslprep(password).map_err(|e| {
        // stringprep keeps its cause private; its message names the refused character, which
        // is part of the password, so only the kind is taken from it.
        let message = Zeroizing::new(e.to_string());
        ScramError::Saslprep(if message.contains("bidirectional") {
            SaslprepRefusal::Bidirectional
        } else {
            SaslprepRefusal::ProhibitedCharacter
        })
    })?;
    let prepared = Zeroizing::new(prepared.into_owned());
    if prepared.is_empty() {
        return Err(ScramError::Saslprep(SaslprepRefusal::Empty));
    }
    Ok(prepared)
}
