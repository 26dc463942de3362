//! Any bytes as an indicator set (`cargo +nightly fuzz run set`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| swanilai_fuzz::set_bytes(data));
