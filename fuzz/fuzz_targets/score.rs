//! Bytes as the answers to a known set, scored, advised and exported (`cargo +nightly fuzz run score`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| swanilai_fuzz::score_bytes(data));
