//! `mailsetup accounts …`: placeholder until the account store lands (issue 4).

use clap::Args;

#[derive(Debug, Args)]
pub struct AccountsArgs {}

pub async fn run(_args: AccountsArgs) -> u8 {
    eprintln!("saved accounts are not built yet");
    super::EXIT_USAGE
}
