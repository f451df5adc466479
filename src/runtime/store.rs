//! The runtime's side of saving: hands a verified account to `crate::store` (password to the
//! keychain first, then the account file; the store undoes the keychain write if the file
//! fails) and classifies what went wrong, by error type, for the Done page.

use secrecy::SecretString;

use crate::store::{
    self, AccountDetails, AccountFile, KeychainError, KeychainKind, SettingsSource, SourceKind,
    StoreError, Timestamp, VerifiedAccount,
};
use crate::wizard::{KeychainChoice, SaveProblem, SaveRequest, Saved};

use super::RuntimeConfig;

/// Saves the account; the problem comes back already in words for the Done page.
pub(super) async fn save(
    request: SaveRequest,
    password: SecretString,
    config: &RuntimeConfig,
) -> Result<Saved, SaveProblem> {
    let dir = store::resolve_config_dir(config.config_dir.as_deref()).map_err(file_problem)?;
    let kind = match request.keychain {
        KeychainChoice::Default => KeychainKind::platform_default(),
        KeychainChoice::Keyutils => KeychainKind::Keyutils,
    };
    let secrets = store::open_keychain(kind)
        .await
        .map_err(|e| keychain_problem(kind, &e))?;
    let details = AccountDetails {
        email: request.email.clone(),
        display_name: request.display_name.clone().unwrap_or_default(),
        source: source(&request),
        allow_plaintext: request.allow_plaintext,
        incoming: Some(request.incoming.protocol),
        verified_at: Timestamp::now(),
    };
    let account = VerifiedAccount::from_reports(details, &request.reports).map_err(|e| {
        SaveProblem::File {
            reason: e.to_string(),
        }
    })?;
    let outcome = store::save_verified(&dir, secrets, account, password)
        .await
        .map_err(|e| match e.keychain() {
            Some(k) => keychain_problem(kind, k),
            None => file_problem(e),
        })?;
    Ok(Saved {
        account_id: outcome.account.id.as_str().to_string(),
        config_path: AccountFile::new(&dir).path(),
        keychain_label: kind.label().to_string(),
    })
}

/// Where the settings came from, from discovery's source key.
fn source(request: &SaveRequest) -> SettingsSource {
    let kind = match request.source_key.as_str() {
        "provider" => SourceKind::BuiltIn,
        "autoconfig" | "well_known" | "autoconfig_http" => SourceKind::Autoconfig,
        "ispdb" => SourceKind::Ispdb,
        "mx" => SourceKind::MxProvider,
        "srv" => SourceKind::DnsSrv,
        "guess" => SourceKind::Guess,
        _ => SourceKind::Manual,
    };
    SettingsSource {
        kind,
        detail: (!request.source.is_empty() && kind != SourceKind::Manual)
            .then(|| request.source.clone()),
    }
}

fn keychain_problem(kind: KeychainKind, e: &KeychainError) -> SaveProblem {
    SaveProblem::KeychainUnavailable {
        reason: format!("{}: {e}.", capitalise(kind.label())),
        advice: String::new(),
        keyutils_possible: kind != KeychainKind::Keyutils && e.kernel_keyring_may_help(),
    }
}

fn file_problem(e: StoreError) -> SaveProblem {
    SaveProblem::File {
        reason: capitalise(&e.to_string()),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
