//! `mailsetup diagnose … --round-trip` through the real binary against the Dovecot with the
//! real MTA, for the round-trip tests (not in `support`: the examples include that and have
//! no binary to run).

use mailsetup::account::{Protocol, Security};

use crate::support::dovecot::User;

/// `mailsetup diagnose … --round-trip` for `user` with `incoming` against the Dovecot with
/// the real MTA.
pub fn cli_round_trip(user: &User, incoming: Protocol, extra: &[&str]) -> (i32, String, String) {
    let d = crate::support::dovecot_with_mta();
    let flag = match incoming {
        Protocol::Pop3 => "--pop3",
        _ => "--imap",
    };
    let mut args: Vec<String> = vec![
        "diagnose".into(),
        user.address.clone(),
        flag.into(),
        format!("{}/tls", d.listener(incoming, Security::Tls).hostport()),
        "--smtp".into(),
        format!("{}/tls", d.submissions.hostport()),
        "--ca-file".into(),
        d.ca_file.display().to_string(),
        "--password-env".into(),
        "MAILSETUP_RT_PW".into(),
        "--timeout".into(),
        "10".into(),
        "--round-trip".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(&args)
        .env("MAILSETUP_RT_PW", &user.password)
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run mailsetup");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    crate::support::assert_no_secret("stdout", &stdout, &user.address, &user.password);
    crate::support::assert_no_secret("stderr", &stderr, &user.address, &user.password);
    (out.status.code().unwrap_or(-1), stdout, stderr)
}
