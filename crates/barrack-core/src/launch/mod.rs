//! What the desktop does beyond a web console, as pure functions of the platform: the
//! command line that opens a terminal on a VM over SSH, the VS Code Remote-SSH link, the
//! Jupyter address, and the `barrack://` links the app answers. The platform is a value, so
//! Linux tests cover the answers for macOS and Windows too; the desktop crate only runs
//! what these return. The webview never names a host, user, program or scheme: the
//! desktop takes an instance id, reads the VM, and builds everything here.

pub mod arrivals;
pub mod deep_link;
pub mod open;
pub mod quote;

use quote::{command_line, quote as quote_word, Shell};
use std::net::IpAddr;
use std::path::Path;

/// The operating systems the app is built for (defined in [`crate::platform`], with the
/// other answers that differ per platform).
pub use crate::platform::Platform;

/// Why a launch cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LaunchError {
    #[error("the VM has no address to connect to")]
    NoAddress,
    #[error("{0:?} is not an address the app connects to")]
    BadHost(String),
    #[error("{0:?} is not a login name the app uses")]
    BadUser(String),
    #[error("the key file must be a full path: {0:?}")]
    BadKeyFile(String),
    #[error("no terminal was found (looked for {0})")]
    NoTerminal(String),
}

/// Whom to log in as where, checked: a user name as Linux allows, an IP address or a host
/// name, an absolute key file. Nothing else reaches a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshTarget {
    user: String,
    host: String,
    key_file: Option<String>,
}

impl SshTarget {
    pub fn new(user: &str, host: &str, key_file: Option<&Path>) -> Result<Self, LaunchError> {
        if host.trim().is_empty() {
            return Err(LaunchError::NoAddress);
        }
        if host.parse::<IpAddr>().is_err() && !is_host_name(host) {
            return Err(LaunchError::BadHost(host.to_owned()));
        }
        if !is_user_name(user) {
            return Err(LaunchError::BadUser(user.to_owned()));
        }
        let key_file = match key_file {
            None => None,
            Some(p) if p.is_absolute() || looks_like_windows_absolute(p) => {
                Some(p.to_string_lossy().into_owned())
            }
            Some(p) => return Err(LaunchError::BadKeyFile(p.to_string_lossy().into_owned())),
        };
        Ok(Self {
            user: user.to_owned(),
            host: host.to_owned(),
            key_file,
        })
    }

    /// `ssh [-i KEY] user@host`, one word each.
    pub fn ssh_words(&self) -> Vec<String> {
        let mut words = vec!["ssh".to_owned()];
        if let Some(key) = &self.key_file {
            words.extend(["-i".to_owned(), key.clone()]);
        }
        words.push(format!("{}@{}", self.user, self.host));
        words
    }

    /// The SSH command as a person would type it in `shell`.
    pub fn ssh_line(&self, shell: Shell) -> String {
        command_line(shell, &self.ssh_words())
    }
}

/// `a-z`, digits, `_`, `-`, `.`; starting with a letter or `_`; at most 32 (useradd's rule).
fn is_user_name(user: &str) -> bool {
    let mut chars = user.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && user.len() <= 32
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c))
}

/// Labels of letters, digits and inner hyphens, dot-separated; 253 characters at most.
fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// `C:\…` or `\\server\…`: absolute on Windows even when checked on another system.
fn looks_like_windows_absolute(p: &Path) -> bool {
    let s = p.to_string_lossy();
    let b = s.as_bytes();
    (b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/'))
        || s.starts_with(r"\\")
}

/// Stands for the private key's file in the help shown (the app never knows where it is): a
/// path, so the command and the config block still parse when pasted unchanged (`<…>` would
/// be a shell redirection, and an ssh_config line ssh refuses, breaking the whole file).
pub const KEY_FILE_PLACEHOLDER: &str = "~/.ssh/your-private-key";

/// The login user when the image names none: `ubuntu` (rules.md §7).
pub const DEFAULT_USER: &str = "ubuntu";

/// How to reach a VM over SSH (SSH-30, VM-10), as shown on its page and the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionHelp {
    /// `ssh user@ip` (the default key of ~/.ssh).
    pub ssh: String,
    /// `ssh -i <your key file> user@ip`.
    pub ssh_with_key: String,
    /// The `Host` of the config block: the VM's name made an ssh_config alias.
    pub alias: String,
    /// What stands for the private key's file in `ssh_with_key` and `config`.
    pub key_file: String,
    /// A `~/.ssh/config` block (Host, HostName, User, IdentityFile, IdentitiesOnly yes).
    pub config: String,
}

/// The VM's name as an ssh_config `Host` alias: runs of anything but ASCII letters, digits,
/// `.`, `_` and `-` become one `-` (no spaces, wildcards or line breaks reach the config),
/// at most 63 characters; `barrack-vm` when nothing is left.
pub fn host_alias(vm_name: &str) -> String {
    let mut alias = String::new();
    for c in vm_name.chars() {
        if c.is_ascii_alphanumeric() || "._-".contains(c) {
            alias.push(c);
        } else if !alias.ends_with('-') {
            alias.push('-');
        }
    }
    let alias: String = alias.trim_matches('-').chars().take(63).collect();
    if alias.is_empty() {
        "barrack-vm".to_owned()
    } else {
        alias
    }
}

/// The connection help for a VM named `vm_name` whose image logs in as `user` (the default
/// when it names none) at `public_ip`. Refused when the address or user could not be typed
/// safely into a shell or a config file.
pub fn connection_help(
    vm_name: &str,
    user: Option<&str>,
    public_ip: &str,
) -> Result<ConnectionHelp, LaunchError> {
    let user = user
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(DEFAULT_USER);
    let target = SshTarget::new(user, public_ip, None)?;
    let at = format!("{}@{}", target.user, target.host);
    let alias = host_alias(vm_name);
    let config = [
        format!("Host {alias}"),
        format!("    HostName {}", target.host),
        format!("    User {}", target.user),
        format!("    IdentityFile {KEY_FILE_PLACEHOLDER}"),
        "    IdentitiesOnly yes".to_owned(),
    ]
    .join("\n");
    Ok(ConnectionHelp {
        ssh: format!("ssh {at}"),
        ssh_with_key: format!("ssh -i {KEY_FILE_PLACEHOLDER} {at}"),
        alias,
        key_file: KEY_FILE_PLACEHOLDER.to_owned(),
        config,
    })
}

/// A program and its arguments, passed as a list (no shell reads it on Linux).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub program: String,
    pub args: Vec<String>,
}

/// The Linux terminals tried, in order: the Debian alternative first, then the two desktops'.
pub const LINUX_TERMINALS: [&str; 3] = ["x-terminal-emulator", "gnome-terminal", "konsole"];

/// The command that opens a terminal running the SSH command, on `platform`, given which
/// programs are installed (`installed(name)`).
pub fn terminal(
    platform: Platform,
    target: &SshTarget,
    installed: impl Fn(&str) -> bool,
) -> Result<Launch, LaunchError> {
    match platform {
        Platform::Linux => {
            let program = LINUX_TERMINALS
                .into_iter()
                .find(|t| installed(t))
                .ok_or_else(|| LaunchError::NoTerminal(LINUX_TERMINALS.join(", ")))?;
            // gnome-terminal takes the command after `--`; the others after `-e`, one word
            // per argument (Debian's policy for x-terminal-emulator).
            let separator = if program == "gnome-terminal" {
                "--"
            } else {
                "-e"
            };
            let mut args = vec![separator.to_owned()];
            args.extend(target.ssh_words());
            Ok(Launch {
                program: program.to_owned(),
                args,
            })
        }
        Platform::MacOs => {
            // Terminal types the line into the user's login shell, which may be fish or tcsh:
            // their single quotes are not sh's (`\'` and `!` are special inside), so a key
            // path with such characters is refused rather than quoted.
            if let Some(key) = &target.key_file {
                if key.contains(['\\', '\'', '!', '#', '"', '$', '`', '\n', '\r']) {
                    return Err(LaunchError::BadKeyFile(key.clone()));
                }
            }
            let line = target.ssh_line(Shell::Posix);
            Ok(Launch {
                program: "osascript".to_owned(),
                args: vec![
                    "-e".to_owned(),
                    format!(
                        "tell application \"Terminal\" to do script \"{}\"",
                        quote_word(Shell::AppleScriptString, &line)
                    ),
                    "-e".to_owned(),
                    "tell application \"Terminal\" to activate".to_owned(),
                ],
            })
        }
        Platform::Windows => {
            let line = target.ssh_line(Shell::PowerShell);
            let powershell = [
                "powershell.exe".to_owned(),
                "-NoExit".to_owned(),
                "-Command".to_owned(),
            ];
            if installed("wt.exe") {
                // Windows Terminal splits its own command line at `;` unless escaped.
                let mut args = vec!["new-tab".to_owned()];
                args.extend(powershell);
                args.push(line.replace(';', r"\;"));
                Ok(Launch {
                    program: "wt.exe".to_owned(),
                    args,
                })
            } else {
                Ok(Launch {
                    program: powershell[0].clone(),
                    args: vec![powershell[1].clone(), powershell[2].clone(), line],
                })
            }
        }
    }
}

/// VS Code's Remote-SSH link to the VM, opening the user's home folder.
pub fn vscode_url(target: &SshTarget) -> String {
    let home = if target.user == "root" {
        "/root".to_owned()
    } else {
        format!("/home/{}", target.user)
    };
    format!(
        "vscode://vscode-remote/ssh-remote+{}@{}{home}",
        target.user, target.host
    )
}

/// The Jupyter server of a VM with Jupyter on (HTTP on its port; IPv6 in brackets).
pub fn jupyter_url(host: &str, port: u16) -> Result<String, LaunchError> {
    let host = host.trim();
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => Ok(format!("http://[{v6}]:{port}/")),
        Ok(IpAddr::V4(v4)) => Ok(format!("http://{v4}:{port}/")),
        Err(_) if is_host_name(host) => Ok(format!("http://{host}:{port}/")),
        Err(_) if host.is_empty() => Err(LaunchError::NoAddress),
        Err(_) => Err(LaunchError::BadHost(host.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn target(key: Option<&str>) -> SshTarget {
        SshTarget::new("ubuntu", "203.0.113.7", key.map(Path::new)).unwrap()
    }

    #[test]
    fn hostile_users_and_hosts_never_reach_a_command_line() {
        for host in [
            "",
            "1.2.3.4; rm -rf ~",
            "$(id)",
            "-oProxyCommand=touch /tmp/x",
            // Options by their leading '-' alone (no space or '=' to give them away).
            "-oProxyCommand",
            "-p22",
            "vm.-x",
            "host name",
            "a..b",
            "ex-.com",
            "1.2.3.4\n",
        ] {
            let r = SshTarget::new("ubuntu", host, None);
            assert!(r.is_err(), "{host:?} was accepted");
        }
        for user in [
            "",
            "Root",
            "-oProxyCommand=x",
            "a b",
            "a;b",
            "ubuntu@evil",
            "é",
        ] {
            assert_eq!(
                SshTarget::new(user, "10.0.0.1", None),
                Err(LaunchError::BadUser(user.to_owned()))
            );
        }
        assert_eq!(
            SshTarget::new("ubuntu", "10.0.0.1", Some(Path::new("id_rsa"))),
            Err(LaunchError::BadKeyFile("id_rsa".into()))
        );
        for ok in ["10.0.0.1", "2001:db8::7", "vm-1.example.com"] {
            assert!(SshTarget::new("ubuntu", ok, None).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn linux_runs_ssh_in_the_first_terminal_installed_with_one_word_per_argument() {
        let t = target(Some("/home/me/keys/my key's file"));
        let all = |_: &str| true;
        assert_eq!(
            terminal(Platform::Linux, &t, all).unwrap(),
            Launch {
                program: "x-terminal-emulator".into(),
                args: vec![
                    "-e".into(),
                    "ssh".into(),
                    "-i".into(),
                    "/home/me/keys/my key's file".into(),
                    "ubuntu@203.0.113.7".into()
                ],
            }
        );
        let gnome = terminal(Platform::Linux, &t, |p| p == "gnome-terminal").unwrap();
        assert_eq!(gnome.program, "gnome-terminal");
        assert_eq!(gnome.args[0], "--");
        let konsole = terminal(Platform::Linux, &t, |p| p == "konsole").unwrap();
        assert_eq!(
            (konsole.program.as_str(), konsole.args[0].as_str()),
            ("konsole", "-e")
        );
        assert_eq!(
            terminal(Platform::Linux, &t, |_| false),
            Err(LaunchError::NoTerminal(
                "x-terminal-emulator, gnome-terminal, konsole".into()
            ))
        );
    }

    #[test]
    fn macos_asks_terminal_to_run_the_quoted_line() {
        let t = target(Some("/Users/me/my keys/id rsa"));
        let l = terminal(Platform::MacOs, &t, |_| false).unwrap();
        assert_eq!(l.program, "osascript");
        assert_eq!(
            l.args[1],
            r#"tell application "Terminal" to do script "ssh -i '/Users/me/my keys/id rsa' ubuntu@203.0.113.7""#
        );
        // fish and tcsh read quotes otherwise: such paths are refused, not quoted.
        for bad in [
            r"/Users/me/A\'; touch /tmp/p #/key",
            "/Users/me/a!b",
            "/Users/me/\"k\"",
        ] {
            assert_eq!(
                terminal(Platform::MacOs, &target(Some(bad)), |_| false),
                Err(LaunchError::BadKeyFile(bad.into()))
            );
        }
        assert_eq!(l.args[3], r#"tell application "Terminal" to activate"#);
    }

    #[test]
    fn windows_uses_windows_terminal_when_there_else_powershell() {
        let t = SshTarget::new(
            "ubuntu",
            "203.0.113.7",
            Some(&PathBuf::from(r"C:\Users\O'Neil\keys;x\id")),
        )
        .unwrap();
        let wt = terminal(Platform::Windows, &t, |p| p == "wt.exe").unwrap();
        assert_eq!(wt.program, "wt.exe");
        assert_eq!(
            wt.args,
            vec![
                "new-tab",
                "powershell.exe",
                "-NoExit",
                "-Command",
                r"ssh -i 'C:\Users\O''Neil\keys\;x\id' ubuntu@203.0.113.7"
            ]
        );
        let ps = terminal(Platform::Windows, &t, |_| false).unwrap();
        assert_eq!(ps.program, "powershell.exe");
        assert_eq!(
            ps.args,
            vec![
                "-NoExit",
                "-Command",
                r"ssh -i 'C:\Users\O''Neil\keys;x\id' ubuntu@203.0.113.7"
            ]
        );
    }

    #[test]
    fn the_ssh_line_without_a_key_file() {
        let t = target(None);
        assert_eq!(t.ssh_line(Shell::Posix), "ssh ubuntu@203.0.113.7");
        assert_eq!(t.ssh_words(), vec!["ssh", "ubuntu@203.0.113.7"]);
    }

    #[test]
    fn vscode_opens_the_home_folder_over_remote_ssh() {
        assert_eq!(
            vscode_url(&target(None)),
            "vscode://vscode-remote/ssh-remote+ubuntu@203.0.113.7/home/ubuntu"
        );
        let root = SshTarget::new("root", "vm.example.com", None).unwrap();
        assert_eq!(
            vscode_url(&root),
            "vscode://vscode-remote/ssh-remote+root@vm.example.com/root"
        );
    }

    #[test]
    fn jupyter_addresses_put_ipv6_in_brackets_and_refuse_the_rest() {
        assert_eq!(
            jupyter_url("203.0.113.7", 8888).unwrap(),
            "http://203.0.113.7:8888/"
        );
        assert_eq!(
            jupyter_url("2001:db8::7", 8888).unwrap(),
            "http://[2001:db8::7]:8888/"
        );
        assert_eq!(jupyter_url("", 8888), Err(LaunchError::NoAddress));
        assert_eq!(
            jupyter_url("evil.com/@x", 8888),
            Err(LaunchError::BadHost("evil.com/@x".into()))
        );
    }

    #[test]
    fn connection_help_uses_the_images_user_or_ubuntu_and_a_safe_alias() {
        let h = connection_help("train h100", None, "203.0.113.7").unwrap();
        assert_eq!(h.ssh, "ssh ubuntu@203.0.113.7");
        assert_eq!(
            h.ssh_with_key,
            "ssh -i ~/.ssh/your-private-key ubuntu@203.0.113.7"
        );
        assert_eq!(
            h.config,
            "Host train-h100\n    HostName 203.0.113.7\n    User ubuntu\n    IdentityFile ~/.ssh/your-private-key\n    IdentitiesOnly yes"
        );
        let centos = connection_help("c", Some(" centos "), "198.51.100.2").unwrap();
        assert_eq!(centos.ssh, "ssh centos@198.51.100.2");
        assert_eq!(
            connection_help("x", Some(""), "10.0.0.1").unwrap().ssh,
            "ssh ubuntu@10.0.0.1"
        );
        // A name cannot add lines or patterns to the config; an address cannot either.
        let hostile = connection_help("a\n  ProxyCommand evil *", None, "10.0.0.1").unwrap();
        assert_eq!(hostile.alias, "a-ProxyCommand-evil");
        assert_eq!(hostile.config.lines().count(), 5);
        assert_eq!(host_alias("  ***  "), "barrack-vm");
        assert_eq!(host_alias(&"é".repeat(10)), "barrack-vm");
        assert_eq!(host_alias(&"a".repeat(100)).len(), 63);
        assert!(connection_help("v", None, "10.0.0.1\n  ProxyCommand x").is_err());
        assert!(connection_help("v", Some("root; rm"), "10.0.0.1").is_err());
        assert_eq!(connection_help("v", None, ""), Err(LaunchError::NoAddress));
    }
}
