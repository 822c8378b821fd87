//! Every input a fuzz target ever failed on (`fuzz/regressions/<target>/`), run through the
//! same checks as the target (`tests/invariants`), so a fixed failure stays fixed without
//! cargo-fuzz. See fuzz/README.md for how the fuzzers were run and what they found.

mod invariants;

use std::path::Path;

fn run(target: &str, check: fn(&[u8]) -> Result<(), String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    inputs.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
    inputs.sort();
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            check(&bytes).err().map(|m| format!("{}: {m}", path.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn extraction_regressions() {
    run("extract", invariants::fuzz_extract);
}

#[test]
fn data_file_regressions() {
    run("data_files", invariants::fuzz_data_file);
}

#[test]
fn json_lines_regressions() {
    run("json_lines", invariants::fuzz_json_lines);
}

#[test]
fn merge_regressions() {
    run("merge", invariants::fuzz_merge);
}
