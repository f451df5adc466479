use super::*;
pub(crate) async fn run(_ctx: &mut session::Ctx<'_>, _s: BoxStream) -> Result<(), Failure> { todo!() }
