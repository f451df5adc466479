//! Which addresses may carry tokens, codes and client secrets: HTTPS (RFC 6749 §3.1,
//! §3.2), or plain HTTP to a loopback address only (tests, and RFC 8252 §7.3's redirect,
//! which is ours).

use super::error::OAuthError;

/// Whether `url` may carry tokens: HTTPS, or HTTP to a loopback address.
pub fn check_url(url: &str) -> Result<(), OAuthError> {
    let insecure = || OAuthError::Insecure {
        url: url.to_string(),
    };
    let parsed = reqwest::Url::parse(url).map_err(|_| insecure())?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(parsed.host_str().unwrap_or("")) => Ok(()),
        _ => Err(insecure()),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_must_be_https_or_loopback() {
        assert!(check_url("https://id.example/token").is_ok());
        assert!(check_url("http://127.0.0.1:8080/token").is_ok());
        assert!(check_url("http://[::1]:8080/token").is_ok());
        assert!(matches!(
            check_url("http://id.example/token"),
            Err(OAuthError::Insecure { .. })
        ));
        assert!(check_url("not a url").is_err());
    }
}
