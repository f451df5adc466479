//! This computer's clock against a time reference: the `Date` header of an HTTPS answer
//! (RFC 9110 §6.6.1, IMF-fixdate) or a date in a server's greeting (RFC 5322 §3.3), seen by
//! discovery or a connectivity check and passed to the probe in `ProbeOptions`.
//!
//! Only used to explain a certificate that fails on its dates: when the reference disagrees
//! with the clock by more than `TOLERANCE` and the certificate is valid at the reference's
//! time, the clock is the problem (`clock_wrong`), not the certificate. Never used to accept
//! a certificate.

use std::time::{SystemTime, UNIX_EPOCH};

use time::OffsetDateTime;
use time::format_description::well_known::{Rfc2822, Rfc3339};

/// How far the clock may be off before it is called wrong.
pub const TOLERANCE_SECS: i64 = 5 * 60;

/// What a trusted time reference said, relative to this computer's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeEvidence {
    /// Where the time came from (`https://autoconfig.example.org/… (Date header)`).
    pub source: String,
    /// The reference's time minus this computer's time when it was seen, in seconds.
    pub offset_secs: i64,
}

impl TimeEvidence {
    /// From an HTTP `Date` value (IMF-fixdate, or the RFC 2822 form some servers send),
    /// seen when this computer's clock said `seen_at`.
    pub fn from_http_date(source: &str, value: &str, seen_at: SystemTime) -> Option<Self> {
        let server = parse_http_date(value)?;
        Some(Self {
            source: format!("{source} (Date header)"),
            offset_secs: server - unix(seen_at),
        })
    }

    /// Whether the clock is off by more than the tolerance.
    pub fn clock_is_off(&self) -> bool {
        self.offset_secs.abs() > TOLERANCE_SECS
    }

    /// What the reference says the time is, when this computer says `local`.
    pub fn reference_time(&self, local: i64) -> i64 {
        local.saturating_add(self.offset_secs)
    }

    /// The largest disagreement among HTTP `Date` values `(url, value, seen_at)`, if any is
    /// readable.
    pub fn from_http_dates<'a>(
        dates: impl IntoIterator<Item = (&'a str, &'a str, SystemTime)>,
    ) -> Option<Self> {
        dates
            .into_iter()
            .filter_map(|(url, value, seen)| Self::from_http_date(url, value, seen))
            .fold(None, |best, e| Self::strongest(best, Some(e)))
    }

    /// The evidence with the larger disagreement of two (either one is enough to explain).
    pub fn strongest(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.offset_secs.abs() > a.offset_secs.abs() {
                b
            } else {
                a
            }),
            (a, b) => a.or(b),
        }
    }
}

/// Seconds since the epoch of an HTTP date: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`),
/// or RFC 2822 with a numeric zone.
pub fn parse_http_date(value: &str) -> Option<i64> {
    let value = value.trim();
    if value.len() > 64 {
        return None;
    }
    let fixdate = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    if let Ok(t) = time::PrimitiveDateTime::parse(value, fixdate) {
        return Some(t.assume_utc().unix_timestamp());
    }
    let numeric = value.replace(" GMT", " +0000").replace(" UTC", " +0000");
    OffsetDateTime::parse(&numeric, &Rfc2822)
        .ok()
        .map(|t| t.unix_timestamp())
}

/// Seconds since the epoch of this computer's clock at `t`.
pub fn unix(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Seconds since the epoch of an RFC 3339 time (as reports write certificate dates).
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn http_dates_in_the_forms_servers_send() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784111777)
        );
        assert_eq!(
            parse_http_date("Sun, 6 Nov 1994 08:49:37 +0000"),
            Some(784111777)
        );
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date(&"x".repeat(500)), None);
    }

    #[test]
    fn an_offset_beyond_a_few_minutes_is_a_wrong_clock() {
        let seen = UNIX_EPOCH + Duration::from_secs(784111777 + 3 * 365 * 86400);
        let e = TimeEvidence::from_http_date("https://x/", "Sun, 06 Nov 1994 08:49:37 GMT", seen)
            .unwrap();
        assert!(e.clock_is_off());
        assert_eq!(e.offset_secs, -3 * 365 * 86400);
        assert_eq!(e.reference_time(unix(seen)), 784111777);
        let close = UNIX_EPOCH + Duration::from_secs(784111777 + 60);
        let e = TimeEvidence::from_http_date("https://x/", "Sun, 06 Nov 1994 08:49:37 GMT", close)
            .unwrap();
        assert!(!e.clock_is_off());
    }
}
