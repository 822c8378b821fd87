//! Extraction of arbitrary text, in either mode, with or without a publication date: every span
//! valid, a second run byte-identical (`tests/invariants`, `fuzz_extract`).

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = invariants::fuzz_extract(data) {
        panic!("{message}");
    }
});
