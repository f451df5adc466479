//! The runtime's side of discovery: runs `crate::discover` for an address and turns its
//! progress and results into wizard events (source lines, offers, the provider note).

use crate::account::EmailAddress;
use crate::wizard::{Event, ProviderNote, TaskId};

use super::{EventSender, RuntimeConfig};

/// The provider note for a domain, from the built-in table.
pub(super) fn note_for(_domain: &str) -> Option<ProviderNote> {
    None
}

/// Runs discovery and reports every source's progress, then the result.
pub(super) async fn discover(
    task: TaskId,
    _email: EmailAddress,
    _config: &RuntimeConfig,
    sender: &EventSender,
) {
    sender.send(Event::DiscoveryFailed {
        task,
        reason: "automatic lookup is not part of this build yet; set the account up manually"
            .into(),
    });
}
