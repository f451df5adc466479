//! `mailsetup discover EMAIL`: placeholder until discovery lands (issue 3).

use clap::Args;

#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// The email address to look up.
    pub email: String,
}

pub async fn run(_args: DiscoverArgs) -> u8 {
    eprintln!("discovery is not built yet");
    super::EXIT_USAGE
}
