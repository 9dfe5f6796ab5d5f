//! Running `barrack` against the test emulator and checking what it printed, what it exited with
//! and that it sent nothing when it should not have.

use super::{stderr, stdout, TestSim};

/// Every piece of `wants` is somewhere in `text`.
#[track_caller]
pub fn assert_contains_all(text: &str, wants: &[&str]) {
    for want in wants {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }
}

/// No piece of `unwanted` is anywhere in `text`.
#[track_caller]
pub fn assert_contains_none(text: &str, unwanted: &[&str]) {
    for word in unwanted {
        assert!(!text.contains(word), "{word:?} present: {text}");
    }
}

/// `cmd` exits with `code` and its stderr has every piece of `says`.
#[track_caller]
pub fn assert_fails(cmd: &mut assert_cmd::Command, code: i32, says: &[&str]) {
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
    assert_contains_all(&stderr(&out), says);
}

/// `cmd` succeeds and its stdout has every piece of `says`.
#[track_caller]
pub fn assert_succeeds_saying(cmd: &mut assert_cmd::Command, says: &[&str]) {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains_all(&stdout(&out), says);
}

impl TestSim {
    /// `barrack ARGS`, whatever it exits with.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd().args(args).output().expect("runs")
    }

    /// The stdout of `barrack ARGS`, whatever it exits with.
    pub fn stdout_of(&self, args: &[&str]) -> String {
        stdout(&self.run(args))
    }

    /// The stdout of `barrack ARGS`, which must succeed.
    #[track_caller]
    pub fn ok_stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    /// `barrack ARGS` succeeds and its stdout has every piece of `says`.
    #[track_caller]
    pub fn succeeds_saying(&self, args: &[&str], says: &[&str]) {
        assert_succeeds_saying(self.cmd().args(args), says);
    }

    /// `barrack ARGS` exits with `code` and its stderr has every piece of `says`.
    #[track_caller]
    pub fn fails(&self, args: &[&str], code: i32, says: &[&str]) {
        assert_fails(self.cmd().args(args), code, says);
    }

    /// Each `barrack PREFIX ARGS` is a usage error (exit 2) whose stderr names the case's fault.
    #[track_caller]
    pub fn refuses_each(&self, prefix: &[&str], cases: &[(Vec<&str>, &str)]) {
        for (args, says) in cases {
            let out = self.cmd().args(prefix).args(args).output().expect("runs");
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        }
    }

    /// Each `barrack --explain PREFIX ARGS` prints its request line (`{}` stands for the
    /// emulator's URL) with the key redacted.
    #[track_caller]
    pub fn explains_each(&self, prefix: &[&str], cases: &[(Vec<&str>, &str)]) {
        for (args, starts) in cases {
            let out = self
                .cmd()
                .arg("--explain")
                .args(prefix)
                .args(args)
                .output()
                .expect("runs");
            let text = stdout(&out);
            assert!(
                text.starts_with(&starts.replace("{}", &self.url)) && text.contains("<redacted>"),
                "{args:?}: {text}"
            );
        }
    }

    /// Each `barrack --explain ARGS` succeeds, prints its request line (`{}` stands for the
    /// emulator's URL) with the key redacted, and the operation received no request.
    #[track_caller]
    pub fn explains_without_sending(&self, cases: &[(Vec<&str>, &str, &str)]) {
        for (args, starts, op) in cases {
            let out = self
                .cmd()
                .arg("--explain")
                .args(args)
                .output()
                .expect("runs");
            let text = stdout(&out);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            assert!(
                text.starts_with(&starts.replace("{}", &self.url)),
                "{args:?}: {text}"
            );
            assert!(
                text.contains("<redacted>") && !text.contains(&self.key),
                "{text}"
            );
            assert_eq!(self.request_count(op), 0, "{op}");
        }
    }

    /// None of these operations received a request.
    #[track_caller]
    pub fn assert_nothing_sent(&self, ops: &[&str]) {
        for op in ops {
            assert_eq!(self.request_count(op), 0, "{op}");
        }
    }

    /// Slows the emulator's clock so far that nothing it starts finishes during a test.
    pub fn freeze_clock(&self) {
        self.admin("clock", serde_json::json!({"scale": 0.000001}));
    }
}
