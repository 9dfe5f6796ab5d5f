//! Whether this run is CI, where a test that needs a real service (Secret Service, display,
//! notification server) must fail instead of skipping. CI systems set `CI` to `true`, `1`,
//! `yes` or their own name; only unset, empty, `0` and `false` mean "not CI".

/// `CI` read from the environment.
pub fn under_ci() -> bool {
    means_ci(std::env::var("CI").ok().as_deref())
}

/// The rule itself, for a given value of `CI`.
pub fn means_ci(value: Option<&str>) -> bool {
    match value.map(str::trim) {
        None | Some("") | Some("0") => false,
        Some(v) => !v.eq_ignore_ascii_case("false"),
    }
}

#[cfg(test)]
mod tests {
    use super::means_ci;

    #[test]
    fn anything_but_empty_zero_or_false_is_ci() {
        for v in ["true", "1", "yes", "TRUE", "github-actions", "woodpecker"] {
            assert!(means_ci(Some(v)), "{v:?} is CI");
        }
        for v in [
            None,
            Some(""),
            Some("0"),
            Some("false"),
            Some("False"),
            Some(" "),
        ] {
            assert!(!means_ci(v), "{v:?} is not CI");
        }
    }
}
