//! Quoting one argument for the shell that will read it. Every command line the app hands
//! to another program is built from these, so a VM name, a key path or an address can
//! never become a second command, whatever it contains.

/// The shells a command line may be read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// sh, bash, zsh (Linux and macOS terminals).
    Posix,
    /// Windows PowerShell and PowerShell 7.
    PowerShell,
    /// The inside of an AppleScript string literal (`do script "…"` on macOS).
    AppleScriptString,
}

/// `arg` as one word of `shell`'s command line.
pub fn quote(shell: Shell, arg: &str) -> String {
    match shell {
        // Inside single quotes nothing is special but the quote itself, closed, escaped and
        // reopened. A plain word stays readable.
        Shell::Posix if is_plain(arg) => arg.to_owned(),
        Shell::Posix => format!("'{}'", arg.replace('\'', r"'\''")),
        // PowerShell's single-quoted string: a quote is doubled — the typographic single
        // quotes count as quotes too, so they are doubled as well.
        Shell::PowerShell if is_plain(arg) => arg.to_owned(),
        Shell::PowerShell => {
            let mut out = String::with_capacity(arg.len() + 2);
            out.push('\'');
            for c in arg.chars() {
                if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
                    out.push(c);
                }
                out.push(c);
            }
            out.push('\'');
            out
        }
        Shell::AppleScriptString => arg.replace('\\', r"\\").replace('"', "\\\""),
    }
}

/// A command line for `shell` from its words.
pub fn command_line(shell: Shell, words: &[String]) -> String {
    words
        .iter()
        .map(|w| quote(shell, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters, digits and `-_./@:+=,` only: no quoting needed by any shell here. Not empty.
fn is_plain(arg: &str) -> bool {
    !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./@:+=,".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Hostile words: each must come back from a real shell as exactly itself.
    const HOSTILE: &[&str] = &[
        "plain",
        "with space",
        "it's",
        "$(touch /tmp/pwned)",
        "`id`",
        "a;b&&c||d|e",
        "quote\"double",
        "back\\slash",
        "new\nline",
        "-rf",
        "",
        "*",
        "~root",
        "'; rm -rf / #",
        "\u{2019}typographic",
        "émoji 🚀",
    ];

    #[test]
    fn posix_words_come_back_unchanged_from_sh() {
        for word in HOSTILE {
            let line = format!("printf %s {}", quote(Shell::Posix, word));
            let out = Command::new("sh").arg("-c").arg(&line).output().unwrap();
            assert!(out.status.success(), "{line}");
            assert_eq!(String::from_utf8(out.stdout).unwrap(), *word, "{line}");
        }
    }

    #[test]
    fn a_posix_command_line_keeps_each_word_one_argument() {
        let words: Vec<String> = HOSTILE.iter().map(|w| (*w).to_owned()).collect();
        let line = format!(
            "for a in {}; do printf '%s\\0' \"$a\"; done",
            command_line(Shell::Posix, &words)
        );
        let out = Command::new("sh").arg("-c").arg(&line).output().unwrap();
        let got: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .split('\0')
            .filter(|_| true)
            .map(str::to_owned)
            .collect();
        assert_eq!(&got[..got.len() - 1], &words[..]);
    }

    #[test]
    fn powershell_doubles_every_kind_of_single_quote() {
        assert_eq!(quote(Shell::PowerShell, "plain"), "plain");
        assert_eq!(quote(Shell::PowerShell, "it's"), "'it''s'");
        assert_eq!(
            quote(Shell::PowerShell, "a\u{2019}b"),
            "'a\u{2019}\u{2019}b'"
        );
        assert_eq!(
            quote(Shell::PowerShell, "$(Remove-Item C:\\)"),
            "'$(Remove-Item C:\\)'"
        );
        assert_eq!(quote(Shell::PowerShell, ""), "''");
        // Quotes do not stop an option being one: what could start with "-" is refused
        // before it gets here (SshTarget), so flags stay readable.
        assert_eq!(quote(Shell::PowerShell, "-Command"), "-Command");
        // Inside the quotes nothing is left that would end them.
        for word in HOSTILE {
            let q = quote(Shell::PowerShell, word);
            if q.starts_with('\'') {
                let inner = &q[1..q.len() - 1];
                let lone = inner
                    .replace("''", "")
                    .replace("\u{2019}\u{2019}", "")
                    .replace("\u{2018}\u{2018}", "");
                assert!(!lone.contains(['\'', '\u{2019}', '\u{2018}']), "{q}");
            }
        }
    }

    #[test]
    fn applescript_strings_escape_quotes_and_backslashes() {
        assert_eq!(quote(Shell::AppleScriptString, r#"a"b\c"#), r#"a\"b\\c"#);
        for word in HOSTILE {
            let q = quote(Shell::AppleScriptString, word);
            // An unescaped quote would end the string: every quote is preceded by an odd
            // number of backslashes.
            let chars: Vec<char> = q.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if *c == '"' {
                    let slashes = chars[..i].iter().rev().take_while(|c| **c == '\\').count();
                    assert!(slashes % 2 == 1, "{q}");
                }
            }
        }
    }
}
