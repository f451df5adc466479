//! `mailsetup diagnose`: placeholder, being written by the lead.

use clap::Args;

#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// The email address of the account.
    pub email: String,
}

pub async fn run(_args: DiagnoseArgs) -> u8 {
    super::EXIT_USAGE
}
