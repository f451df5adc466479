//! Which authorization server to ask, for what, and as which client.
//!
//! In order:
//! 1. the issuer is given (`--oauth-issuer`), or comes from the built-in provider table
//!    (`discover::providers`, the address's domain), or from an `<oAuth2>` block discovery
//!    found (`from_discovery`); which one wins is `session::Overrides::resolve`'s;
//! 2. endpoints the source does not name (the device and revocation endpoints, RFC 8628
//!    §4 and RFC 7009 §2, and the registration endpoint of RFC 7591, too) are read from the
//!    issuer's metadata (`metadata`: RFC 8414's document, else OpenID Connect Discovery 1.0
//!    §4's), whose `issuer` must equal the one asked for (RFC 8414 §3.3);
//! 3. the client id (and its secret) is configuration, never code: `client` says where it
//!    comes from, and that clients configured for providers never go to an issuer only a
//!    domain's file names (`named_by_domain`); a domain hosted by a table provider gets that
//!    provider's own entry (`from_table_by_url`), whatever endpoints a file names.
//!
//! Every endpoint must be HTTPS (RFC 6749 §3.1, §3.2); plain HTTP only to a loopback address
//! (tests, and RFC 8252 §7.3's redirect, which is ours).

use super::error::OAuthError;
use super::metadata::{self, First, Metadata};
use super::secure::check_url;
use crate::account::EmailAddress;
use crate::discover::DiscoveredOAuth2;
use crate::discover::http::HttpClient;
use crate::discover::providers::{OAuth2Spec, ProviderTable};

/// An authorization server and what mail needs from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The key for client ids and the keychain (`gmail`, or the issuer URL).
    pub key: String,
    /// The provider's name for people ("Gmail").
    pub name: String,
    pub issuer: String,
    pub authorization_endpoint: Option<String>,
    pub token_endpoint: Option<String>,
    pub device_authorization_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    /// Where a refresh token is given back (RFC 7009), when the issuer has such a place.
    pub revocation_endpoint: Option<String>,
    pub scopes: Vec<String>,
    /// Whether the device grant may ask for the mail scopes here.
    pub device_flow_for_mail: bool,
    /// The client id the source names (may be empty).
    pub table_client_id: String,
    /// Named by a domain's own file (`from_discovery`), not by the person or the table:
    /// client ids and secrets configured for providers (environment, build, table) are never
    /// sent to it; only the flag's and an `oauth.json` entry for exactly this issuer whose
    /// token endpoint is on the issuer's own site.
    pub named_by_domain: bool,
    /// Where mailsetup may register itself (RFC 7591), from the metadata.
    pub registration_endpoint: Option<String>,
    /// Whether mailsetup may register itself here when no client id is configured
    /// (`register`): the person named the issuer, or the domain's own file over verified
    /// HTTPS did; not the table's providers. False until `session::Overrides::resolve` says
    /// so.
    pub registrable: bool,
    /// The resource (RFC 8707) to ask tokens for, sent with every authorization and token
    /// request: set only for a client registered on the fly (`resource`).
    pub resource: Option<String>,
}

impl Issuer {
    /// From a provider table entry or an ISPDB block.
    pub fn from_spec(key: &str, name: &str, spec: &OAuth2Spec) -> Self {
        Self {
            key: key.to_string(),
            name: name.to_string(),
            issuer: spec.issuer.clone(),
            authorization_endpoint: spec.authorization_endpoint.clone(),
            token_endpoint: spec.token_endpoint.clone(),
            device_authorization_endpoint: spec.device_authorization_endpoint.clone(),
            userinfo_endpoint: spec.userinfo_endpoint.clone(),
            revocation_endpoint: None,
            scopes: spec.scopes.clone(),
            device_flow_for_mail: spec.device_flow_for_mail,
            table_client_id: spec.client_id.clone(),
            named_by_domain: false,
            registration_endpoint: None,
            registrable: false,
            resource: None,
        }
    }

    /// An issuer known only by its URL; endpoints come from `discover`.
    pub fn at(issuer: &str, scopes: Vec<String>) -> Self {
        let issuer = issuer.trim_end_matches('/').to_string();
        Self {
            key: issuer.clone(),
            name: issuer.clone(),
            issuer,
            authorization_endpoint: None,
            token_endpoint: None,
            device_authorization_endpoint: None,
            userinfo_endpoint: None,
            revocation_endpoint: None,
            scopes,
            device_flow_for_mail: true,
            table_client_id: String::new(),
            named_by_domain: false,
            registration_endpoint: None,
            registrable: false,
            resource: None,
        }
    }

    /// From an `<oAuth2>` block discovery found: keyed by its issuer URL (for client ids in
    /// `oauth.json`), named by the file's provider name, else the issuer's host.
    pub fn from_discovery(found: &DiscoveredOAuth2) -> Self {
        let url = found.spec.issuer.trim_end_matches('/').to_string();
        let name = if found.provider.is_empty() {
            reqwest::Url::parse(&url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| url.clone())
        } else {
            found.provider.clone()
        };
        let mut issuer = Self::from_spec(&url, &name, &found.spec);
        issuer.issuer = url;
        // A file's own client id is the domain's to give; the program's are not.
        issuer.named_by_domain = true;
        issuer
    }

    /// The built-in table's issuer for the address's provider.
    pub fn for_address(email: &EmailAddress) -> Result<Self, OAuthError> {
        let unknown = || OAuthError::NoIssuer {
            provider: email.domain_ascii().to_string(),
        };
        let table = ProviderTable::builtin().map_err(|_| unknown())?;
        let found = table.lookup(email.domain_ascii()).ok_or_else(unknown)?;
        let spec = found.oauth2().ok_or_else(unknown)?;
        Ok(Self::from_spec(found.id(), found.name(), spec))
    }

    /// The built-in table's issuer whose URL is `url`, with the table's endpoints, scopes and
    /// device-flow rule: a file or an MX record may say *that* a provider handles the domain,
    /// never where that provider's token endpoint is.
    pub fn from_table_by_url(url: &str) -> Option<Self> {
        let table = ProviderTable::builtin().ok()?;
        let found = table.with_oauth2_issuer(url)?;
        let spec = found.oauth2()?;
        Some(Self::from_spec(found.id(), found.name(), spec))
    }

    /// Fills the endpoints the source did not name from the issuer's metadata. Without a
    /// token or authorization endpoint the metadata must answer; when only the device or
    /// revocation endpoint is missing, a failing metadata request leaves them out (some
    /// providers publish none, or name another issuer in it).
    pub async fn complete(mut self, http: &HttpClient) -> Result<Self, OAuthError> {
        let needed = self.token_endpoint.is_none() || self.authorization_endpoint.is_none();
        if !needed && self.device_authorization_endpoint.is_some() {
            return Ok(self);
        }
        let meta = match metadata::fetch(http, &self.issuer, First::OpenId).await {
            Ok(meta) => meta,
            Err(e) if needed => return Err(e),
            Err(_) => return Ok(self),
        };
        self.fill(meta);
        Ok(self)
    }

    /// Fills the revocation endpoint (RFC 7009) from the metadata when the source named none.
    pub async fn complete_revocation(mut self, http: &HttpClient) -> Result<Self, OAuthError> {
        if self.revocation_endpoint.is_none() {
            let meta = metadata::fetch(http, &self.issuer, First::OpenId).await?;
            self.fill(meta);
        }
        Ok(self)
    }

    /// Reads the metadata whatever the source named (it must answer): for registering
    /// (RFC 7591), whose endpoint only the metadata names.
    pub async fn complete_for_registration(
        mut self,
        http: &HttpClient,
    ) -> Result<Self, OAuthError> {
        let meta = metadata::fetch(http, &self.issuer, First::OAuth).await?;
        self.fill(meta);
        Ok(self)
    }

    fn fill(&mut self, meta: Metadata) {
        let fill = |have: &mut Option<String>, found: Option<String>| {
            if have.is_none() {
                *have = found;
            }
        };
        fill(
            &mut self.authorization_endpoint,
            meta.authorization_endpoint,
        );
        fill(&mut self.token_endpoint, meta.token_endpoint);
        fill(
            &mut self.device_authorization_endpoint,
            meta.device_authorization_endpoint,
        );
        fill(&mut self.userinfo_endpoint, meta.userinfo_endpoint);
        fill(&mut self.revocation_endpoint, meta.revocation_endpoint);
        fill(&mut self.registration_endpoint, meta.registration_endpoint);
    }

    /// The token endpoint, checked.
    pub fn token_url(&self) -> Result<&str, OAuthError> {
        self.endpoint(&self.token_endpoint, "a token endpoint")
    }

    pub(crate) fn endpoint<'a>(
        &self,
        e: &'a Option<String>,
        what: &'static str,
    ) -> Result<&'a str, OAuthError> {
        let url = e.as_deref().ok_or_else(|| OAuthError::NoEndpoint {
            issuer: self.issuer.clone(),
            what,
        })?;
        check_url(url)?;
        Ok(url)
    }

    /// The scopes as one space-separated value (RFC 6749 §3.3).
    pub fn scope(&self) -> String {
        self.scopes.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gmail() -> Issuer {
        Issuer::for_address(&EmailAddress::parse("a@gmail.com").unwrap()).unwrap()
    }

    #[test]
    fn the_table_knows_the_big_providers_without_a_client_id() {
        let g = gmail();
        assert_eq!(g.key, "gmail");
        assert!(g.scopes.iter().any(|s| s == "https://mail.google.com/"));
        assert!(!g.device_flow_for_mail);
        for (address, key) in [
            ("a@outlook.com", "outlook"),
            ("a@hotmail.com", "outlook"),
            ("a@yahoo.com", "yahoo"),
            ("a@aol.com", "aol"),
        ] {
            let i = Issuer::for_address(&EmailAddress::parse(address).unwrap()).unwrap();
            assert_eq!(i.key, key, "{address}");
            assert!(i.token_url().is_ok(), "{address}");
            assert!(i.table_client_id.is_empty(), "never another app's id");
        }
        assert!(matches!(
            Issuer::for_address(&EmailAddress::parse("a@example.org").unwrap()),
            Err(OAuthError::NoIssuer { .. })
        ));
    }
}
