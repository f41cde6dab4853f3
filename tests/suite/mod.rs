mod align;
mod bad_input;
mod cli;
mod fixtures;
mod gold;
mod props;
mod seeds;
mod util;
