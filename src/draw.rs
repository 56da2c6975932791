//! The draw: a seeded, portable shuffle.
//!
//! The link contract promises that the same seed gives the same questions in the same order on
//! any machine, forever. So the generator is spelled out here rather than borrowed from a crate
//! whose stream may change between versions: the seed token is hashed with FNV-1a (64 bit), the
//! stream is SplitMix64, bounded integers use rejection sampling (no modulo bias) and the shuffle
//! is Fisher–Yates. Changing any of these breaks shared links: don't.

/// A seed token as it appears in links: 1–64 of `[A-Za-z0-9_-]` (room for a team and a date).
pub fn is_valid_seed(token: &str) -> bool {
    (1..=64).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// FNV-1a of the token's bytes.
pub fn seed_from_token(token: &str) -> u64 {
    token.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

const TOKEN_LEN: usize = 8;
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A fresh token (8 base-36 characters) from any random 64-bit value.
pub fn token_from_random(mut r: u64) -> String {
    (0..TOKEN_LEN)
        .map(|_| {
            let d = DIGITS[(r % 36) as usize] as char;
            r /= 36;
            d
        })
        .collect()
}

/// Whether `token` has the shape `token_from_random` gives (a seed the app may have drawn).
pub fn looks_drawn(token: &str) -> bool {
    token.len() == TOKEN_LEN && token.bytes().all(|b| DIGITS.contains(&b))
}

pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (`bound > 0`), by rejection.
    pub fn below(&mut self, bound: u64) -> u64 {
        debug_assert!(bound > 0);
        let zone = u64::MAX - (u64::MAX % bound);
        loop {
            let v = self.next_u64();
            if v < zone {
                return v % bound;
            }
        }
    }
}

/// Shuffles `items` in place with Fisher–Yates driven by `seed`.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = SplitMix64::new(seed);
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// Draws `count` items (capped at what exists) from `pool`, in shuffled order.
pub fn draw<T: Clone>(pool: &[T], count: usize, token: &str) -> Vec<T> {
    let mut items = pool.to_vec();
    shuffle(&mut items, seed_from_token(token));
    items.truncate(count);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn generator_is_pinned() {
        // Shared links depend on these exact values: a change here breaks them.
        assert_eq!(seed_from_token("abc"), 0xe71fa2190541574b);
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xe220a8397b1dcdaf);
        let pool: Vec<u32> = (0..10).collect();
        assert_eq!(draw(&pool, 10, "abc"), draw(&pool, 10, "abc"));
        assert_eq!(draw(&pool, 4, "pinned"), [7, 2, 9, 1]);
    }

    #[test]
    fn draw_caps_and_never_duplicates() {
        let pool: Vec<u32> = (0..7).collect();
        for token in ["a", "b", "zz", "seed-1"] {
            let all = draw(&pool, 100, token);
            assert_eq!(all.len(), 7);
            assert_eq!(all.iter().collect::<HashSet<_>>().len(), 7);
            assert_eq!(draw(&pool, 3, token), all[..3]);
        }
        assert!(draw::<u32>(&[], 5, "x").is_empty());
        assert!(draw(&pool, 0, "x").is_empty());
    }

    #[test]
    fn every_item_reachable_and_roughly_uniform() {
        let pool: Vec<usize> = (0..6).collect();
        let runs = 60_000;
        let mut first = [0usize; 6];
        let mut last = [0usize; 6];
        for i in 0..runs {
            let d = draw(&pool, 6, &token_from_random(i as u64 * 7919 + 1));
            first[d[0]] += 1;
            last[d[5]] += 1;
        }
        let expected = runs / 6;
        for counts in [first, last] {
            for c in counts {
                assert!(
                    c.abs_diff(expected) < expected / 20,
                    "{counts:?} not uniform"
                );
            }
        }
    }

    #[test]
    fn different_seeds_give_different_orders() {
        let pool: Vec<u32> = (0..20).collect();
        let orders: HashSet<Vec<u32>> =
            (0..50).map(|i| draw(&pool, 20, &format!("s{i}"))).collect();
        assert_eq!(orders.len(), 50);
    }

    #[test]
    fn below_is_in_range() {
        let mut r = SplitMix64::new(42);
        for bound in 1..200 {
            assert!(r.below(bound) < bound);
        }
    }

    #[test]
    fn tokens() {
        assert!(is_valid_seed("abc-DEF_123"));
        assert!(!is_valid_seed(""));
        assert!(!is_valid_seed("a b"));
        assert!(is_valid_seed("acme-backend-team-python-warmup-2025"));
        assert!(!is_valid_seed(&"x".repeat(65)));
        let t = token_from_random(u64::MAX);
        assert_eq!(t.len(), 8);
        assert!(looks_drawn(&t) && looks_drawn(&token_from_random(7)));
        assert!(!looks_drawn("team1") && !looks_drawn("ACME2025"));
        assert!(is_valid_seed(&t));
    }
}
