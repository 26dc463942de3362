//! Any bytes as an assessment, a saved document or an imported file (`cargo +nightly fuzz run assessment`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| swanilai_fuzz::assessment_bytes(data));
