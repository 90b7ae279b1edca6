//! Benchmarks of the drafts library.

fn main() {}
