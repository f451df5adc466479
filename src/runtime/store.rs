//! The runtime's side of saving: hands a verified account to `crate::store` (password to the
//! keychain first, then the account file) and classifies what went wrong for the Done page.

use secrecy::SecretString;

use crate::wizard::{SaveProblem, SaveRequest, Saved};

use super::RuntimeConfig;

/// Saves the account; the problem is already in words for the Done page.
pub(super) async fn save(
    _request: SaveRequest,
    _password: SecretString,
    _config: &RuntimeConfig,
) -> Result<Saved, SaveProblem> {
    Err(SaveProblem::File {
        reason: "saving accounts is not part of this build yet".into(),
    })
}
