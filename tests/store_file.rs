//! The account file with the real kernel keyring behind it: saving, replacing, removing,
//! what lands on disk (no password, mode 0600, folder 0700), and every kind of bad input —
//! truncated file, valid JSON of the wrong shape, a newer version, a read-only folder (a
//! read-only bind mount: the tests run as root, where mode bits stop nothing), a full disk
//! (a real 64 KiB tmpfs, and an injected disk that fails at each step of the replace). Each
//! gives a clear error and leaves the existing data and the keychain as they were.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod store_common;

use std::fs::{self, File};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use mailsetup::store::atomic::{Disk, RealDisk, WriteStep};
use mailsetup::store::file::{CORRUPT_PREFIX, FILE_NAME};
use mailsetup::store::{
    self, AccountFile, FileError, SecretStore, StoreError, save_verified_blocking,
};
use secrecy::{ExposeSecret, SecretString};
use store_common::*;

fn save(
    dir: &Path,
    keychain: &dyn SecretStore,
    email: &str,
    password: &str,
) -> Result<store::SaveOutcome, StoreError> {
    save_verified_blocking(
        &AccountFile::new(dir),
        keychain,
        sample(email),
        &SecretString::from(password.to_string()),
    )
}

fn emails(dir: &Path) -> Vec<String> {
    AccountFile::new(dir)
        .load()
        .expect("the file reads")
        .iter()
        .map(|a| a.email.to_string())
        .collect()
}

/// What the keychain holds for account `id` of folder `dir` (incoming entry). Every save
/// writes entries of its own; more than one left over is a leak.
fn keychain_has(keychain: &dyn SecretStore, dir: &Path, id: &str) -> Option<String> {
    let mut held = still_held(keychain, dir, id, store::Role::Incoming);
    assert!(
        held.len() <= 1,
        "{id}: {} entries left in the keychain",
        held.len()
    );
    held.pop()
}

#[test]
fn save_list_remove_keeps_the_password_in_the_keychain_only() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let password = unique_password();

    let saved = save(&dir, keychain.as_ref(), "Alice@Example.com", &password).unwrap();
    assert!(!saved.replaced);
    let id = saved.account.id.clone();
    assert_eq!(id.as_str(), "alice-example-com");

    // The password went to the keychain, under both entries.
    let back = store::passwords_blocking(keychain.as_ref(), &saved.account).unwrap();
    assert_eq!(back.incoming.expose_secret(), password);
    assert_eq!(back.outgoing.expose_secret(), password);

    // The file holds the account, pretty-printed with a version, and never the password.
    let text = fs::read_to_string(dir.join(FILE_NAME)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
    let account = &json["accounts"][0];
    assert_eq!(account["id"], "alice-example-com");
    assert_eq!(account["email"], "Alice@example.com");
    assert_eq!(account["incoming"]["protocol"], "imap");
    assert_eq!(account["incoming"]["port"], 993);
    assert_eq!(account["incoming"]["security"], "tls");
    assert_eq!(account["outgoing"]["security"], "starttls");
    assert_eq!(account["outgoing"]["auth_method"], "AUTH PLAIN");
    assert_eq!(account["alternatives"][0]["protocol"], "pop3");
    assert_eq!(account["source"]["kind"], "autoconfig");
    assert_eq!(account["keychain"]["store"], "keyutils");
    assert_eq!(account["keychain"]["incoming"]["service"], "mailsetup");
    let tag = AccountFile::new(&dir).keychain_tag();
    assert_eq!(tag.len(), 8);
    // Entries of their own for each save: `ID/ROLE/TAG/NONCE`.
    let user = account["keychain"]["incoming"]["user"].as_str().unwrap();
    let nonce = user
        .strip_prefix(&format!("alice-example-com/incoming/{tag}/"))
        .unwrap_or_else(|| panic!("entry name {user}"));
    assert_eq!(nonce.len(), 8);
    assert_eq!(
        account["keychain"]["outgoing"]["user"],
        format!("alice-example-com/outgoing/{tag}/{nonce}")
    );
    assert!(account["last_verified"].as_str().unwrap().contains('T'));
    assert!(text.contains("\n  \"accounts\": ["), "pretty-printed");
    assert_files_clean(&dir, std::slice::from_ref(&password));
    let dir_mode = fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700);

    // Removing takes it out of both.
    let removed =
        store::remove_blocking(&AccountFile::new(&dir), Some(keychain.as_ref()), &id).unwrap();
    assert!(!removed.entries_left);
    assert!(emails(&dir).is_empty());
    assert_eq!(
        keychain_has(keychain.as_ref(), &dir, "alice-example-com"),
        None
    );
    let again = store::remove_blocking(&AccountFile::new(&dir), Some(keychain.as_ref()), &id);
    assert!(matches!(again, Err(StoreError::NotFound { .. })));
}

#[test]
fn saving_an_address_again_replaces_it_and_keeps_its_id() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let (first, second) = (unique_password(), unique_password());
    let a = save(tmp.path(), keychain.as_ref(), "bob@example.com", &first).unwrap();
    let other = save(tmp.path(), keychain.as_ref(), "bob@example.org", &first).unwrap();
    assert_eq!(other.account.id.as_str(), "bob-example-org");
    let b = save(tmp.path(), keychain.as_ref(), "BOB@example.com", &second).unwrap();
    assert!(b.replaced);
    assert_eq!(a.account.id, b.account.id);
    assert_eq!(emails(tmp.path()), ["BOB@example.com", "bob@example.org"]);
    assert_eq!(
        keychain_has(keychain.as_ref(), tmp.path(), "bob-example-com").as_deref(),
        Some(second.as_str())
    );
    assert_files_clean(tmp.path(), &[first, second]);
    for id in ["bob-example-com", "bob-example-org"] {
        store::remove_blocking(
            &AccountFile::new(tmp.path()),
            Some(keychain.as_ref()),
            &id.parse().unwrap(),
        )
        .unwrap();
    }
}

/// Saves two accounts, then damages the file with `damage`; checks that reading and saving
/// both report it, the file stays byte for byte, one 0600 copy is kept, the keychain gets
/// nothing, and that setting the file aside lets a new list start.
fn damaged_file_is_kept_and_reported(damage: impl FnOnce(&[u8]) -> Vec<u8>, what: &str) {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let password = unique_password();
    save(dir, keychain.as_ref(), "carol@example.com", &password).unwrap();
    save(dir, keychain.as_ref(), "dave@example.com", &password).unwrap();
    let path = dir.join(FILE_NAME);
    let damaged = damage(&fs::read(&path).unwrap());
    fs::write(&path, &damaged).unwrap();

    let err = AccountFile::new(dir).load().unwrap_err();
    let FileError::Damaged {
        copy: Some(copy), ..
    } = &err
    else {
        panic!("{what}: expected a damaged-file error with a copy, got {err:?}");
    };
    assert!(err.to_string().contains("damaged"), "{what}: {err}");
    assert_eq!(
        fs::read(copy).unwrap(),
        damaged,
        "{what}: the copy is exact"
    );

    let late = unique_password();
    let err = save(dir, keychain.as_ref(), "erin@example.com", &late).unwrap_err();
    assert_eq!(err.code(), "damaged", "{what}: {err}");
    assert_eq!(fs::read(&path).unwrap(), damaged, "{what}: file untouched");
    assert_eq!(
        keychain_has(keychain.as_ref(), dir, "erin-example-com"),
        None
    );
    let copies: Vec<_> = files_in(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(CORRUPT_PREFIX)
        })
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "{what}: one copy, however often it is read"
    );
    assert_files_clean(dir, &[password.clone(), late.clone()]);

    let set_aside = AccountFile::new(dir).set_aside_damaged().unwrap();
    assert_eq!(set_aside.as_ref(), Some(copy));
    save(dir, keychain.as_ref(), "erin@example.com", &late).unwrap();
    assert_eq!(emails(dir), ["erin@example.com"]);
    assert_eq!(fs::read(copy).unwrap(), damaged, "{what}: the copy stays");
    for id in ["carol-example-com", "dave-example-com", "erin-example-com"] {
        forget_entries(keychain.as_ref(), dir, id);
    }
}

#[test]
fn a_truncated_file_is_reported_and_kept() {
    damaged_file_is_kept_and_reported(|b| b[..b.len() / 2].to_vec(), "truncated");
}

#[test]
fn an_empty_file_is_reported_and_kept() {
    damaged_file_is_kept_and_reported(|_| Vec::new(), "empty");
}

#[test]
fn valid_json_of_the_wrong_shape_is_reported_and_kept() {
    damaged_file_is_kept_and_reported(
        |_| br#"{"version": 1, "accounts": {"carol": "not a list"}}"#.to_vec(),
        "accounts is an object",
    );
    damaged_file_is_kept_and_reported(|_| b"[1, 2, 3]\n".to_vec(), "a JSON array");
    damaged_file_is_kept_and_reported(
        |b| {
            let text = String::from_utf8(b.to_vec()).unwrap();
            text.replacen("\"port\": 993", "\"port\": \"imaps\"", 1)
                .into_bytes()
        },
        "a port that is text",
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let newer = br#"{"version": 2, "accounts": [{"id": "x", "profiles": {"new": true}}]}"#;
    fs::write(dir.join(FILE_NAME), newer).unwrap();

    let err = AccountFile::new(dir).load().unwrap_err();
    assert!(
        matches!(
            err,
            FileError::TooNew {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer mailsetup"), "{err}");
    let password = unique_password();
    let err = save(dir, keychain.as_ref(), "frank@example.com", &password).unwrap_err();
    assert_eq!(err.code(), "too_new");
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), newer);
    assert_eq!(
        keychain_has(keychain.as_ref(), dir, "frank-example-com"),
        None
    );
    let names: Vec<_> = files_in(dir);
    assert!(
        names
            .iter()
            .all(|p| !p.to_string_lossy().contains(CORRUPT_PREFIX)),
        "a newer file is not 'damaged': {names:?}"
    );
    assert!(AccountFile::new(dir).set_aside_damaged().is_err());
}

#[test]
fn a_read_only_folder_gives_a_clear_error_and_keeps_everything() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let password = unique_password();
    save(&dir, keychain.as_ref(), "grace@example.com", &password).unwrap();
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    // Root ignores mode bits; a read-only bind mount is refused by the kernel for everyone.
    let _ro = Mounted::read_only(&dir);
    let late = unique_password();
    let err = save(&dir, keychain.as_ref(), "heidi@example.com", &late).unwrap_err();
    assert_eq!(err.code(), "read_only", "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert!(err.to_string().contains("unchanged"), "{err}");
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);
    assert_eq!(emails(&dir), ["grace@example.com"], "reading still works");
    assert_eq!(
        keychain_has(keychain.as_ref(), &dir, "heidi-example-com"),
        None,
        "the keychain entry was taken out again"
    );
    let err = store::remove_blocking(
        &AccountFile::new(&dir),
        Some(keychain.as_ref()),
        &"grace-example-com".parse().unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "read_only");
    assert_eq!(
        keychain_has(keychain.as_ref(), &dir, "grace-example-com").as_deref(),
        Some(password.as_str()),
        "a removal that could not change the file put the password back"
    );
    drop(_ro);
    store::remove_blocking(
        &AccountFile::new(&dir),
        Some(keychain.as_ref()),
        &"grace-example-com".parse().unwrap(),
    )
    .unwrap();
}

#[test]
fn a_full_disk_gives_a_clear_error_and_keeps_everything() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let mount = tmp.path().join("small");
    fs::create_dir(&mount).unwrap();
    let _disk = Mounted::tmpfs(&mount, 64);
    let dir = mount.join("config");
    let password = unique_password();
    save(&dir, keychain.as_ref(), "ivan@example.com", &password).unwrap();
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    // Fill the filesystem to the last block.
    let mut filler = File::create(mount.join("filler")).unwrap();
    let block = vec![0u8; 4096];
    loop {
        match io::Write::write_all(&mut filler, &block) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling the tmpfs: {e}"),
        }
    }
    let _ = filler.sync_all();

    let late = unique_password();
    let err = save(&dir, keychain.as_ref(), "judy@example.com", &late).unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err:?}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before);
    assert_eq!(
        keychain_has(keychain.as_ref(), &dir, "judy-example-com"),
        None
    );
    let names: Vec<String> = files_in(&dir)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names,
        ["accounts.json", "accounts.json.lock"],
        "no temporary left"
    );

    // Space again: the same save goes through.
    drop(filler);
    fs::remove_file(mount.join("filler")).unwrap();
    save(&dir, keychain.as_ref(), "judy@example.com", &late).unwrap();
    assert_eq!(emails(&dir), ["ivan@example.com", "judy@example.com"]);
    assert_files_clean(&dir, &[password, late]);
    for id in ["ivan-example-com", "judy-example-com"] {
        store::remove_blocking(
            &AccountFile::new(&dir),
            Some(keychain.as_ref()),
            &id.parse().unwrap(),
        )
        .unwrap();
    }
}

/// A disk that fails at one step of the atomic replace, like a full or broken device.
#[derive(Debug)]
struct FailingDisk {
    at: WriteStep,
}

impl FailingDisk {
    fn fail(&self, step: WriteStep) -> io::Result<()> {
        if self.at == step {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        } else {
            Ok(())
        }
    }
}

impl Disk for FailingDisk {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.fail(WriteStep::CreateTemp)?;
        RealDisk.create_new(path)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.at == WriteStep::Write {
            // Part of the data reaches the temporary before the device gives up.
            io::Write::write_all(file, &bytes[..bytes.len() / 3])?;
        }
        self.fail(WriteStep::Write)?;
        RealDisk.write_all(file, bytes)
    }
    fn sync(&self, file: &File) -> io::Result<()> {
        self.fail(WriteStep::Sync)?;
        RealDisk.sync(file)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.fail(WriteStep::Rename)?;
        RealDisk.rename(from, to)
    }
}

#[test]
fn an_injected_failure_at_each_step_keeps_file_and_keychain_as_they_were() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let old = unique_password();
    save(dir, keychain.as_ref(), "kim@example.com", &old).unwrap();
    let before = fs::read(dir.join(FILE_NAME)).unwrap();

    for at in [
        WriteStep::CreateTemp,
        WriteStep::Write,
        WriteStep::Sync,
        WriteStep::Rename,
    ] {
        let file = AccountFile::with_disk(dir, Arc::new(FailingDisk { at }));
        let new = unique_password();
        // A new account: its entries are deleted again.
        let err = save_verified_blocking(
            &file,
            keychain.as_ref(),
            sample("lee@example.com"),
            &SecretString::from(new.clone()),
        )
        .unwrap_err();
        assert_eq!(err.code(), "disk_full", "{at:?}: {err:?}");
        assert_eq!(
            keychain_has(keychain.as_ref(), dir, "lee-example-com"),
            None
        );
        // A replaced account: its old password is put back.
        let err = save_verified_blocking(
            &file,
            keychain.as_ref(),
            sample("kim@example.com"),
            &SecretString::from(new.clone()),
        )
        .unwrap_err();
        assert_eq!(err.code(), "disk_full", "{at:?}: {err:?}");
        assert_eq!(
            keychain_has(keychain.as_ref(), dir, "kim-example-com").as_deref(),
            Some(old.as_str()),
            "{at:?}: the previous password is back"
        );
        assert_eq!(fs::read(dir.join(FILE_NAME)).unwrap(), before, "{at:?}");
        let names: Vec<String> = files_in(dir)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["accounts.json", "accounts.json.lock"], "{at:?}");
        assert_files_clean(dir, &[old.clone(), new]);
    }
    store::remove_blocking(
        &AccountFile::new(dir),
        Some(keychain.as_ref()),
        &"kim-example-com".parse().unwrap(),
    )
    .unwrap();
}

#[test]
fn an_account_that_is_not_incoming_and_outgoing_is_refused_before_anything_is_written() {
    let keychain = keyutils();
    let tmp = tempfile::tempdir().unwrap();
    let mut account = sample("mia@example.com");
    account.incoming.settings.protocol = mailsetup::account::Protocol::Smtp;
    let err = save_verified_blocking(
        &AccountFile::new(tmp.path()),
        keychain.as_ref(),
        account,
        &SecretString::from(unique_password()),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_account");
    assert!(!tmp.path().join(FILE_NAME).exists());
    assert_eq!(
        keychain_has(keychain.as_ref(), tmp.path(), "mia-example-com"),
        None
    );
}

#[test]
fn two_folders_with_the_same_address_keep_their_own_passwords() {
    let keychain = keyutils();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (pa, pb) = (unique_password(), unique_password());
    let sa = save(a.path(), keychain.as_ref(), "nina@example.com", &pa).unwrap();
    let sb = save(b.path(), keychain.as_ref(), "nina@example.com", &pb).unwrap();
    assert_eq!(
        sa.account.id, sb.account.id,
        "same readable id in both folders"
    );
    assert_ne!(
        sa.account.keychain, sb.account.keychain,
        "but their own entries"
    );
    store::remove_blocking(
        &AccountFile::new(a.path()),
        Some(keychain.as_ref()),
        &sa.account.id,
    )
    .unwrap();
    let left = store::passwords_blocking(keychain.as_ref(), &sb.account).unwrap();
    assert_eq!(left.incoming.expose_secret(), pb);
    store::remove_blocking(
        &AccountFile::new(b.path()),
        Some(keychain.as_ref()),
        &sb.account.id,
    )
    .unwrap();
}
