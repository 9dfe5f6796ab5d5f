// Names every command once for the permissions and the IPC handler: the app's own
// (command_list.rs) and one per API operation (crates/barrack-api/src/operations.rs, the
// operation's one declaration, unless it says `command: none`). tauri-build turns each
// name into its `allow-<name>` permission, which the capability in tauri.conf.json grants
// (a test keeps them in step); `$OUT_DIR/commands.rs` gives lib.rs the same list, for the
// handler and the TypeScript bindings. (barrack-api is not a build-dependency: it would
// compile reqwest and tokio a second time.)

use std::fmt::Write as _;

macro_rules! command_list {
    ($($name:ident),* $(,)?) => {
        const APP_COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("command_list.rs");

// Only the names and `command:` lines matter here, so each entry is read loosely (the
// whole grammar is checked by barrack-api and commands/api.rs, which compile it).
macro_rules! operations {
    ($($op:ident => $name:ident { $($field:tt)* })*) => {
        const OPERATION_COMMANDS: &[Option<&str>] = &[$(command_name!($name; $($field)*)),*];
    };
}

/// The command's name unless its declaration says `command: none`.
macro_rules! command_name {
    ($name:ident; command: none; $($rest:tt)*) => {
        None
    };
    ($name:ident; command: $($rest:tt)*) => {
        Some(stringify!($name))
    };
    ($name:ident; $skip:tt $($rest:tt)*) => {
        command_name!($name; $($rest)*)
    };
}
include!("../crates/barrack-api/src/operations.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    println!("cargo:rerun-if-changed=crates/barrack-api/src/operations.rs");
    // 'static for tauri-build; a build script lives for one run.
    let commands: &'static [&'static str] = APP_COMMANDS
        .iter()
        .copied()
        .chain(OPERATION_COMMANDS.iter().flatten().copied())
        .collect::<Vec<_>>()
        .leak();
    write_command_list(commands);
    let manifest = tauri_build::AppManifest::new().commands(commands);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script");
}

/// `COMMANDS` and `collect_all_commands!()` for lib.rs.
fn write_command_list(commands: &[&str]) {
    let mut out = String::from(
        "/// Every command's name: the app's own (command_list.rs), then one per API operation\n\
         /// (operations.rs). Written by build.rs.\n\
         pub const COMMANDS: &[&str] = &[\n",
    );
    for name in commands {
        let _ = writeln!(out, "    {name:?},");
    }
    out.push_str("];\n\n/// The same commands, for the IPC handler and the TypeScript bindings.\nmacro_rules! collect_all_commands {\n    () => {\n        tauri_specta::collect_commands![\n");
    for name in commands {
        let _ = writeln!(out, "            ipc::{name},");
    }
    out.push_str("        ]\n    };\n}\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("commands.rs");
    std::fs::write(&path, out).expect("write $OUT_DIR/commands.rs");
}
