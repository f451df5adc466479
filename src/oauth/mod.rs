//! OAuth 2.0 sign-in (RFC 6749) for the providers that turned mail passwords off.
//!
//! In order: an `Issuer` says where the provider's authorization server is and which scopes
//! and client id to use (`issuer`); a flow gets tokens — the device authorization grant
//! (RFC 8628, `device`) or the authorization code with PKCE (RFC 7636, `pkce`) through the
//! system browser and a loopback redirect (RFC 8252, `loopback`); `token` talks to the token
//! endpoint (exchange, refresh, errors of RFC 6749 §5.2) and checks whose account the tokens
//! are for; the access token then signs in to IMAP, POP3 and SMTP with SASL (RFC 7628,
//! `sasl`, used by the probe) and the refresh token goes to the keychain.
//!
//! Every token, code and verifier is a `SecretString`: never in Debug, logs, reports or files.

pub mod sasl;
pub mod pkce;
