//! Any text, read as a school's policy file: parsing returns a policy or an
//! error naming the file and line, never panics; and a policy that parses
//! prints (`peixun policy show`) as a file that parses to the same policy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peixun::policy_file::{parse, to_toml};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match parse(text, "fuzz.toml") {
        Ok(policy) => {
            let shown = to_toml(&policy);
            let again = parse(&shown, "shown.toml")
                .unwrap_or_else(|e| panic!("the printed policy does not parse: {e}\n{shown}"));
            assert_eq!(again, policy, "printing and reading changed the policy");
        }
        Err(e) => {
            let said = e.to_string();
            assert!(
                said.contains("fuzz.toml"),
                "the error does not name the file: {said}"
            );
        }
    }
});
