//! Opening a VM from the desktop (issue 16, "the desktop's own powers"): a terminal running
//! `ssh`, VS Code over Remote-SSH, the Jupyter server in the browser. The webview passes an
//! instance id only; the VM is read from the API here and every command line and address is
//! built by the functions of [`super`]. In the sandbox the VMs are simulated: nothing is
//! launched and the answer says so.

use super::deep_link::is_instance_id;
use super::{jupyter_url, terminal, vscode_url, Launch, LaunchError, Platform, SshTarget};
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;
use barrack_api::types::{VMInstance, VMStatus};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Jupyter's port on a VM deployed with Jupyter on (dashboard.md DEP-52: `http://<vm-ip>:8888`).
pub const JUPYTER_PORT: u16 = 8888;

/// What to open a VM in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub enum OpenWith {
    Terminal,
    VsCode,
    Jupyter,
}

/// Why nothing was opened; the UI branches on it (the message says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub enum LaunchRefusal {
    /// The VM is not ACTIVE: SSH and Jupyter answer only while it runs.
    NotRunning,
    /// The VM has no public address (public IP off, or none assigned yet).
    NoAddress,
    /// None of the platform's terminals is installed.
    NoTerminal,
    /// The VM was deployed without Jupyter.
    JupyterOff,
    /// The address, login user or key file could not be put on a command line safely.
    BadTarget,
    /// The program or the system's URL handler could not be started.
    Failed,
}

/// What an "Open in …" command did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum LaunchAnswer {
    /// The terminal, VS Code or the browser was started.
    Launched { message: String },
    /// The sandbox: nothing was started; the message says what would have been.
    Simulated { message: String },
    /// Nothing was started, because of `reason`.
    Refused {
        reason: LaunchRefusal,
        message: String,
    },
}

/// What the desktop crate runs: a program with its arguments, or a URL for the system's
/// handler of its scheme (VS Code for `vscode:`, the browser for `http:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    Run(Launch),
    Url(String),
}

impl Opening {
    /// As a person would read it (the sandbox's answer shows it).
    pub fn describe(&self) -> String {
        match self {
            Opening::Run(l) => {
                let mut words = vec![l.program.as_str()];
                words.extend(l.args.iter().map(String::as_str));
                words.join(" ")
            }
            Opening::Url(u) => u.clone(),
        }
    }
}

fn refused(reason: LaunchRefusal, message: impl Into<String>) -> LaunchAnswer {
    LaunchAnswer::Refused {
        reason,
        message: message.into(),
    }
}

fn from_launch_error(e: LaunchError) -> LaunchAnswer {
    let reason = match e {
        LaunchError::NoAddress => LaunchRefusal::NoAddress,
        LaunchError::NoTerminal(_) => LaunchRefusal::NoTerminal,
        LaunchError::BadHost(_) | LaunchError::BadUser(_) | LaunchError::BadKeyFile(_) => {
            LaunchRefusal::BadTarget
        }
    };
    refused(reason, capitalized(&e.to_string()))
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What opening `vm` with `with` would run, or why it cannot: the VM must be ACTIVE with a
/// public address (and Jupyter on, for Jupyter); `key_file` is passed to `ssh -i`.
pub fn opening(
    with: OpenWith,
    vm: &VMInstance,
    key_file: Option<&Path>,
    platform: Platform,
    installed: impl Fn(&str) -> bool,
) -> Result<Opening, LaunchAnswer> {
    if vm.status != VMStatus::Active {
        return Err(refused(
            LaunchRefusal::NotRunning,
            format!(
                "{} is {}: it can be reached only while ACTIVE.",
                vm.name, vm.status
            ),
        ));
    }
    let address = vm
        .public_ip
        .as_deref()
        .map(str::trim)
        .filter(|ip| vm.public_ip_enabled && !ip.is_empty());
    let Some(address) = address else {
        return Err(refused(
            LaunchRefusal::NoAddress,
            format!("{} has no public IP address to connect to.", vm.name),
        ));
    };
    if with == OpenWith::Jupyter {
        if !vm.jupyter_enabled {
            return Err(refused(
                LaunchRefusal::JupyterOff,
                format!("{} was deployed without Jupyter.", vm.name),
            ));
        }
        return jupyter_url(address, JUPYTER_PORT)
            .map(Opening::Url)
            .map_err(from_launch_error);
    }
    let user = vm
        .image
        .default_user
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(super::DEFAULT_USER);
    let target = SshTarget::new(user, address, key_file).map_err(from_launch_error)?;
    match with {
        OpenWith::Terminal => terminal(platform, &target, installed)
            .map(Opening::Run)
            .map_err(from_launch_error),
        OpenWith::VsCode => Ok(Opening::Url(vscode_url(&target))),
        OpenWith::Jupyter => unreachable!("answered above"),
    }
}

/// How the desktop starts what [`opening`] built (a process, the system's URL handler).
pub trait Opener {
    /// Whether `program` is installed (found on PATH).
    fn installed(&self, program: &str) -> bool;
    /// Starts it without waiting for it; the error in words.
    fn open(&self, what: &Opening) -> Result<(), String>;
}

/// Opens instance `instance_id` with `with`: reads the VM, builds the command line or URL,
/// and starts it — unless the session is the sandbox, whose VMs are simulated.
pub async fn open_instance(
    state: &AppState,
    with: OpenWith,
    instance_id: &str,
    platform: Platform,
    opener: &impl Opener,
) -> Result<LaunchAnswer, AppError> {
    if !is_instance_id(instance_id) {
        return Err(AppError::new(
            AppErrorCode::Validation,
            "That is not an instance id.",
        ));
    }
    let session = state.current().await.ok_or_else(|| {
        AppError::new(
            AppErrorCode::NotSignedIn,
            "Sign in with an API key, or explore the sandbox.",
        )
    })?;
    let vm = session.client.get_instance(instance_id).await?.instance;
    let key_file = state.settings.load()?.ssh_key_file;
    let key_file = key_file.as_deref().map(Path::new);
    let build =
        |installed: &dyn Fn(&str) -> bool| opening(with, &vm, key_file, platform, installed);
    let mut built = build(&|p| opener.installed(p));
    if session.sandbox
        && matches!(
            built,
            Err(LaunchAnswer::Refused {
                reason: LaunchRefusal::NoTerminal,
                ..
            })
        )
    {
        // The sandbox launches nothing anyway: it says what a machine with a terminal runs.
        built = build(&|_| true);
    }
    let what = match built {
        Ok(what) => what,
        Err(answer) => return Ok(answer),
    };
    if session.sandbox {
        return Ok(LaunchAnswer::Simulated {
            message: format!(
                "The sandbox's VMs are simulated: nothing was opened. For a real VM the app would open: {}",
                what.describe()
            ),
        });
    }
    Ok(match opener.open(&what) {
        Ok(()) => LaunchAnswer::Launched {
            message: match with {
                OpenWith::Terminal => format!("A terminal is connecting to {}.", vm.name),
                OpenWith::VsCode => format!("VS Code is opening {} over Remote-SSH.", vm.name),
                OpenWith::Jupyter => format!("Jupyter of {} is opening in your browser.", vm.name),
            },
        },
        Err(e) => refused(LaunchRefusal::Failed, format!("Could not open it: {e}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use barrack_api::types::VMImage;
    use std::sync::Mutex;

    fn vm() -> VMInstance {
        VMInstance {
            id: "vm-1".into(),
            name: "train".into(),
            status: VMStatus::Active,
            public_ip: Some("203.0.113.9".into()),
            public_ip_enabled: true,
            jupyter_enabled: true,
            image: VMImage {
                default_user: Some("ubuntu".into()),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn refusal(r: Result<Opening, LaunchAnswer>) -> LaunchRefusal {
        match r {
            Err(LaunchAnswer::Refused { reason, .. }) => reason,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn each_opening_is_built_from_the_vm() {
        let key = Path::new("/home/me/.ssh/id_ed25519");
        let all = |_: &str| true;
        assert_eq!(
            opening(OpenWith::Terminal, &vm(), Some(key), Platform::Linux, all)
                .unwrap()
                .describe(),
            "x-terminal-emulator -e ssh -i /home/me/.ssh/id_ed25519 ubuntu@203.0.113.9"
        );
        assert_eq!(
            opening(OpenWith::VsCode, &vm(), None, Platform::Linux, all).unwrap(),
            Opening::Url("vscode://vscode-remote/ssh-remote+ubuntu@203.0.113.9/home/ubuntu".into())
        );
        assert_eq!(
            opening(OpenWith::Jupyter, &vm(), None, Platform::Linux, all).unwrap(),
            Opening::Url("http://203.0.113.9:8888/".into())
        );
    }

    #[test]
    fn refusals_say_why_with_a_reason_the_ui_branches_on() {
        let all = |_: &str| true;
        let stopped = VMInstance {
            status: VMStatus::Shutoff,
            ..vm()
        };
        assert_eq!(
            refusal(opening(
                OpenWith::Terminal,
                &stopped,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::NotRunning
        );
        let no_ip = VMInstance {
            public_ip_enabled: false,
            ..vm()
        };
        assert_eq!(
            refusal(opening(
                OpenWith::VsCode,
                &no_ip,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::NoAddress
        );
        let no_jupyter = VMInstance {
            jupyter_enabled: false,
            ..vm()
        };
        assert_eq!(
            refusal(opening(
                OpenWith::Jupyter,
                &no_jupyter,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::JupyterOff
        );
        assert_eq!(
            refusal(opening(
                OpenWith::Terminal,
                &vm(),
                None,
                Platform::Linux,
                |_| false
            )),
            LaunchRefusal::NoTerminal
        );
        let hostile = VMInstance {
            public_ip: Some("1.2.3.4; touch /tmp/x".into()),
            ..vm()
        };
        assert_eq!(
            refusal(opening(
                OpenWith::Terminal,
                &hostile,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::BadTarget
        );
        assert_eq!(
            refusal(opening(
                OpenWith::Jupyter,
                &hostile,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::BadTarget
        );
        let hostile_user = VMInstance {
            image: VMImage {
                default_user: Some("-oProxyCommand=x".into()),
                ..Default::default()
            },
            ..vm()
        };
        assert_eq!(
            refusal(opening(
                OpenWith::VsCode,
                &hostile_user,
                None,
                Platform::Linux,
                all
            )),
            LaunchRefusal::BadTarget
        );
    }

    /// Records what it was asked to open instead of opening it.
    #[derive(Default)]
    struct Recorder(Mutex<Vec<Opening>>);

    impl Opener for Recorder {
        fn installed(&self, program: &str) -> bool {
            program == "konsole"
        }
        fn open(&self, what: &Opening) -> Result<(), String> {
            self.0.lock().unwrap().push(what.clone());
            Ok(())
        }
    }

    /// A state signed in to barrack-sim with one ACTIVE VM that has a public address (the
    /// sandbox's seed, but marked as a real account when `sandbox` is false).
    async fn state_with_running_vm(sandbox: bool) -> (AppState, VMInstance) {
        let state = crate::test_support::sandbox_state(Default::default()).await;
        let client = state.client().await.unwrap();
        let vms = barrack_api::lists::all_instances(&client).await.unwrap();
        let vm = vms
            .into_iter()
            .find(|v| {
                v.status == VMStatus::Active
                    && v.public_ip_enabled
                    && v.public_ip.as_deref().is_some_and(|ip| !ip.is_empty())
            })
            .expect("the sandbox's seed has a running VM with a public IP");
        if !sandbox {
            if let Some(s) = state.session.write().await.as_mut() {
                s.sandbox = false;
            }
        }
        (state, vm)
    }

    #[tokio::test]
    async fn a_signed_in_account_opens_what_the_vm_says_with_the_chosen_key() {
        let (state, vm) = state_with_running_vm(false).await;
        let mut settings = state.settings.load().unwrap();
        settings.ssh_key_file = Some("/keys/id rsa".into());
        state.settings.save(&settings).unwrap();
        let rec = Recorder::default();
        let answer = open_instance(&state, OpenWith::Terminal, &vm.id, Platform::Linux, &rec)
            .await
            .unwrap();
        assert!(
            matches!(answer, LaunchAnswer::Launched { .. }),
            "{answer:?}"
        );
        let user = vm.image.default_user.clone().unwrap_or("ubuntu".into());
        assert_eq!(
            *rec.0.lock().unwrap(),
            vec![Opening::Run(Launch {
                program: "konsole".into(),
                args: vec![
                    "-e".into(),
                    "ssh".into(),
                    "-i".into(),
                    "/keys/id rsa".into(),
                    format!("{user}@{}", vm.public_ip.clone().unwrap()),
                ],
            })]
        );
        // The webview's id is checked before anything is asked of the API.
        let bad = open_instance(&state, OpenWith::VsCode, "../x", Platform::Linux, &rec).await;
        assert_eq!(bad.unwrap_err().code, AppErrorCode::Validation);
        assert_eq!(rec.0.lock().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn the_sandbox_launches_nothing_and_says_so() {
        let (state, vm) = state_with_running_vm(true).await;
        let rec = Recorder::default();
        let answer = open_instance(&state, OpenWith::VsCode, &vm.id, Platform::Linux, &rec)
            .await
            .unwrap();
        match answer {
            LaunchAnswer::Simulated { message } => {
                assert!(message.contains("nothing was opened"), "{message}");
                assert!(
                    message.contains("vscode://vscode-remote/ssh-remote+"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(rec.0.lock().unwrap().is_empty());
        // Even on a machine without a terminal: the sandbox says what one would run.
        let answer = open_instance(&state, OpenWith::Terminal, &vm.id, Platform::Linux, &Bare)
            .await
            .unwrap();
        assert!(
            matches!(&answer, LaunchAnswer::Simulated { message } if message.contains("x-terminal-emulator -e ssh")),
            "{answer:?}"
        );
    }

    /// A system with nothing installed that opens nothing.
    struct Bare;

    impl Opener for Bare {
        fn installed(&self, _: &str) -> bool {
            false
        }
        fn open(&self, what: &Opening) -> Result<(), String> {
            panic!("the sandbox opened {what:?}")
        }
    }
}
