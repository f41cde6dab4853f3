//! The integration suite: one binary, built once.

mod suite;
