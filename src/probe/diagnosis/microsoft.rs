//! Microsoft 365 (Exchange Online): what to ask the organisation's administrator when the
//! server refuses a password because the tenant switched it off.
//!
//! Microsoft answers such sign-ins with the enhanced status code 5.7.139 (seen 2022–2026, see
//! the reply corpus): "SmtpClientAuthentication is disabled for the Tenant/Mailbox" means
//! authenticated SMTP is off for the organisation or the mailbox; "basic authentication is
//! disabled" means password sign-in is off altogether. Both are the administrator's to
//! change; the person cannot fix them with another password.

use super::Cause;

/// The sentence to add to the advice, when the reply is one of Microsoft's refusals.
pub(super) fn ask_the_admin(cause: Cause, reply: Option<&str>) -> Option<&'static str> {
    let upper = reply?.to_ascii_uppercase();
    if upper.contains("SMTPCLIENTAUTHENTICATION") {
        return Some(
            "Ask your organisation's Microsoft 365 administrator to switch on \"Authenticated SMTP\" for your mailbox (Microsoft 365 admin center → Users → Active users → your name → Mail → Manage email apps), and to check that SMTP AUTH is not switched off for the whole organisation.",
        );
    }
    let microsoft_139 = upper.contains("5.7.139");
    if microsoft_139 && matches!(cause, Cause::OauthRequired | Cause::ProtocolDisabled) {
        return Some(
            "Microsoft 365 turned password sign-in off for mail apps: ask your organisation's administrator whether it can be allowed for your mailbox (IMAP, POP and \"Authenticated SMTP\" under Manage email apps, and the security defaults), or use a mail app that signs in through Microsoft's own page.",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admin_is_asked_for_the_right_switch() {
        let smtp = ask_the_admin(
            Cause::ProtocolDisabled,
            Some("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."),
        )
        .unwrap();
        assert!(smtp.contains("Authenticated SMTP"), "{smtp}");
        assert!(smtp.contains("administrator"), "{smtp}");
        let basic = ask_the_admin(
            Cause::OauthRequired,
            Some("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."),
        )
        .unwrap();
        assert!(basic.contains("administrator"), "{basic}");
        assert!(
            ask_the_admin(Cause::AuthFailed, Some("535 5.7.8 Authentication failed.")).is_none()
        );
        assert!(ask_the_admin(Cause::AuthFailed, None).is_none());
    }
}
