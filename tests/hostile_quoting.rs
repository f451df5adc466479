//! The one quoting function (`shown::shell_quote`) against a real POSIX shell (`/bin/sh`,
//! dash on Debian): for random strings of any characters (NUL aside: no argument can hold
//! it), the printed command, split by the shell, gives back exactly the intended arguments;
//! and it shows nothing that acts on a terminal, so the terminal filter leaves it whole. The
//! commands that repeat a test by hand (`reproduce`) are checked the same way.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::process::Command;

use mailsetup::account::{Protocol, Security, ServerSettings};
use mailsetup::reproduce::{self, SignIn};
use mailsetup::shown::{for_terminal, shell_command, shell_quote};
use proptest::prelude::*;

/// Runs `script` in `sh` after defining `names` as functions that print their arguments, each
/// followed by NUL; returns the arguments of every call, in order.
fn split_by_sh(names: &[&str], script: &str) -> Vec<Vec<u8>> {
    let mut defs = String::new();
    for n in names {
        defs.push_str(&format!("{n}() {{ printf '%s\\0' \"$@\"; }}\n"));
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{defs}{script}"))
        .env("LC_ALL", "C")
        .output()
        .expect("/bin/sh runs (Debian: dash, always installed)");
    assert!(
        out.status.success(),
        "sh failed on {script:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut words: Vec<Vec<u8>> = out.stdout.split(|b| *b == 0).map(<[u8]>::to_vec).collect();
    // The text ends with NUL, so the last piece is empty.
    assert_eq!(words.pop(), Some(Vec::new()), "{script:?}");
    words
}

/// Any characters but NUL, with shell and terminal specials made likely.
fn word() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\'', '"', '\\', '$', '`', '(', ')', ';', '&', '|', '<', '>', '*', '?', '[', ']', '~', '#',
        '!', '{', '}', '=', ' ', '\t', '\n', '\r', '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{85}',
        '\u{202e}', 'é', '日', '-', '%',
    ]);
    let any = any::<char>().prop_filter("no NUL", |c| *c != '\0');
    prop::collection::vec(prop_oneof![special, any], 0..24).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_shell_gives_back_exactly_the_quoted_words(words in prop::collection::vec(word(), 1..5)) {
        let mut command = vec!["args".to_string()];
        command.extend(words.iter().cloned());
        let printed = shell_command(&command);
        // What a terminal shows is what the shell gets.
        let shown = for_terminal(&printed).into_owned();
        prop_assert_eq!(&shown, &printed);
        prop_assert!(!printed.chars().any(mailsetup::shown::acts_on_terminal), "{:?}", printed);
        let got = split_by_sh(&["args"], &printed);
        let want: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
        prop_assert_eq!(got, want, "printed {:?}", printed);
    }

    #[test]
    fn the_commands_to_repeat_a_test_carry_the_names_as_given(
        host in word(),
        user in word(),
        ca in word(),
    ) {
        let server = ServerSettings {
            protocol: Protocol::Imap,
            host: host.clone(),
            port: 993,
            security: Security::Tls,
            username: user.clone(),
        };
        let ca_path = std::path::PathBuf::from(format!("/tmp/{ca}"));
        let lines = reproduce::commands(&server, Some(&ca_path), SignIn::Password);
        let script = lines.join("\n");
        let got = split_by_sh(&["openssl", "curl"], &script);
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let connect = if bare.contains(':') { format!("[{bare}]:993") } else { format!("{bare}:993") };
        let ca_text = ca_path.display().to_string();
        let want: Vec<Vec<u8>> = [
            "s_client", "-connect", &connect, "-servername", bare, "-crlf", "-CAfile", &ca_text,
            "-v", "--cacert", &ca_text, "--user", &user, &format!("imaps://{connect}/"),
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        prop_assert_eq!(got, want, "printed {:?}", script);
    }
}

#[test]
fn quoted_flags_for_people_to_paste_survive_the_shell() {
    for host in [
        "imap.x.test; touch /tmp/x",
        "$(id)",
        "a'b",
        "x\u{1b}]52;c;eA==\u{7}",
    ] {
        let line = format!("--trust-host {}", shell_quote(host));
        let got = split_by_sh(&["f"], &format!("f {line}"));
        assert_eq!(
            got,
            vec![b"--trust-host".to_vec(), host.as_bytes().to_vec()]
        );
    }
}
