//! The `extract` example on bad input: a message per bad line or file, the rest processed, a
//! final count of what was skipped, and exit status 1, never a silently shorter output.
//!
//! Runs the example binary that `cargo test` builds beside the test binaries
//! (`target/debug/examples/extract`).

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/debug/deps/extract_cli-… → target/debug/examples/NAME
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target/debug");
    let path = dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} not built: run `cargo test` (it builds the examples) or `cargo build --examples`",
        path.display()
    );
    path
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("annals-extract-cli-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("temp file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

#[test]
fn bad_lines_and_files_are_reported_counted_and_skipped() {
    let scratch = Scratch::new("bad");
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(
        b"{\"id\": \"a\", \"text\": \"Esper spoke on Friday.\", \"published\": \"2020-01-03\"}\n",
    );
    jsonl.extend_from_slice(b"{\"id\": \"b\", \"text\": \"x\"\n"); // 2: malformed
    jsonl.extend_from_slice(b"{\"text\": \"no id\"}\n"); // 3: missing id
    jsonl.extend_from_slice(b"{\"id\": \"d\", \"text\": \"x\", \"published\": \"Friday\"}\n"); // 4: bad date
    jsonl.extend_from_slice(b"{\"id\": \"e\", \"text\": \"\"}\n"); // 5: empty
    jsonl.extend_from_slice(format!("{{\"id\": \"f\", \"text\": \"{}\"}}\n", "x".repeat(3000)).as_bytes()); // 6: huge
    jsonl.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Again.\"}\n"); // 7: id already read
    jsonl.extend_from_slice(b"{\"id\": \"h\", \"text\": \"Pompeo spoke.\"}\n");
    let docs = scratch.file("docs.jsonl", &jsonl);
    let binary = scratch.file("binary.txt", b"caf\xe9 au lait");
    let good = scratch.file("good.txt", "Iran vowed revenge on Saturday.".as_bytes());
    let output = Command::new(example("extract"))
        .args([&docs, &binary, &good])
        .args(["--format", "jsonl", "--max-bytes", "1000"])
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let d = docs.display();
    let expected = [
        format!("{d}:2: malformed JSON: EOF while parsing an object (column 23)"),
        format!("{d}:3: missing field `id` (column 17)"),
        format!("{d}:4: `published` must be a date like 2020-01-03 (or an RFC 3339 time), found `Friday`"),
        format!("{d}:5: `text` of `e` is empty: nothing to extract"),
        format!("{d}:6: longer than the limit of 1000 bytes; skipped unread"),
        format!("{d}:7: id `a` already read at {d}:1"),
        format!("{}: not valid UTF-8 (first bad byte at offset 3)", binary.display()),
        "7 input(s) skipped (see above)".to_string(),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, expected, "stderr:\n{stderr}");
    assert_eq!(output.status.code(), Some(1));
    // The good documents are all there, in input order.
    let ids: Vec<String> = stdout
        .lines()
        .map(|line| {
            let x: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
            x["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "h", "good"]);
}

#[test]
fn clean_input_exits_zero_with_no_messages() {
    let scratch = Scratch::new("clean");
    let docs = scratch.file(
        "docs.jsonl",
        b"{\"id\": \"a\", \"text\": \"Esper spoke.\"}\n\n{\"id\": \"b\", \"text\": \"x\"}\n",
    );
    let output = Command::new(example("extract")).arg(&docs).output().expect("the example runs");
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the JSON contract");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2));
}
