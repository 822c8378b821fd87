//! Timeline merging: up to eight documents cut from the input; in order, in reverse and in two
//! groups the merge must serialise the same, every dated report in one entry (`fuzz_merge`).

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = invariants::fuzz_merge(data) {
        panic!("{message}");
    }
});
