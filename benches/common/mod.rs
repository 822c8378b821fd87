//! What the benchmarks share: the seed-derived corpus (the same bytes for every bench, so
//! that the stages' figures compare) and its seeded random generator. A module directory, so
//! that Cargo does not take it for a bench target.

#![allow(dead_code)] // each bench uses a part

pub const SEED_000: &str = include_str!("../../data/corpus/seed/000_3ec0d8211e1830f8.txt");
pub const SEED_003: &str = include_str!("../../data/corpus/seed/003_68db71b173ece9cb.txt");

/// Target size of the seed corpus, in bytes.
pub const CORPUS_BYTES: usize = 1 << 20;

/// xorshift64* — small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that nearby seeds give unrelated streams; never zero.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Joins `paragraphs` into documents of ~2–4 KB (a seeded target size each).
pub fn into_texts(paragraphs: impl IntoIterator<Item = String>, rng: &mut Rng) -> Vec<String> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut target = rng.range(2048, 4096);
    for paragraph in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&paragraph);
        if text.len() >= target {
            docs.push(std::mem::take(&mut text));
            target = rng.range(2048, 4096);
        }
    }
    if !text.is_empty() {
        docs.push(text);
    }
    docs
}

/// ~1 MB of documents made of the seed texts' paragraphs, interleaved in a seeded random
/// order (each document mixes both seeds, as a news feed would).
pub fn seed_texts() -> Vec<String> {
    let paragraphs: Vec<&str> = [SEED_000, SEED_003]
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut rng = Rng::new(1);
    let mut picked = Vec::new();
    let mut bytes = 0;
    while bytes < CORPUS_BYTES {
        let p = *rng.pick(&paragraphs);
        bytes += p.len() + 2;
        picked.push(p.to_string());
    }
    into_texts(picked, &mut rng)
}

/// Bytes to MB (10^6).
pub fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The timed loop of every counting bench: runs `count` and checks, inside the loop, that it
/// still finds `expected` things, so that a change which runs faster by finding something else
/// fails instead of looking like a win. `what` names the counter in the failure message.
pub fn counting(
    b: &mut criterion::Bencher<'_>,
    what: &str,
    expected: usize,
    mut count: impl FnMut() -> usize,
) {
    b.iter(|| {
        let n = count();
        assert_eq!(n, expected, "{what} found a different number than before timing");
        std::hint::black_box(n)
    });
}
