//! `extract`'s JSON Lines reader (`annals::input::JsonLines`) on arbitrary bytes: one document
//! or one error naming a real line for every line that is not blank (`fuzz_json_lines`).

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = invariants::fuzz_json_lines(data) {
        panic!("{message}");
    }
});
