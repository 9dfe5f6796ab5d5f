// Registers the app's commands so each needs its `allow-<name>` permission: the
// capability in tauri.conf.json grants exactly those (a test keeps them in step).

macro_rules! command_list {
    ($($name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("command_list.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script");
}
