//! Loading every kind of data file (gazetteer, cues, first names, text, time and event
//! vocabularies, TimeML, gold files): it loads and the extractor holds the invariants, or the
//! error names a file given and a line that exists (`fuzz_data_file`).

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = invariants::fuzz_data_file(data) {
        panic!("{message}");
    }
});
