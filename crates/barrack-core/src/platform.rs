//! What differs between the systems the app ships for, as pure functions of the platform:
//! where the API key is kept, where the app's folders are, what shows its notifications and
//! whether a tray icon can be shown. The platform is a value, so the Linux tests cover the
//! macOS and Windows answers too (nothing under `cfg(windows)` or `cfg(target_os = "macos")`
//! is even compiled on the build machines). Only [`Platform::current`] reads the build target.

/// The operating systems the app is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Linux,
    MacOs,
    Windows,
}

impl Platform {
    /// Every platform, for tests and tables that must cover them all.
    pub const ALL: [Platform; 3] = [Platform::Linux, Platform::MacOs, Platform::Windows];

    /// The platform this build runs on (any other Unix is treated as Linux: the same XDG
    /// folders, D-Bus services and Secret Service).
    pub fn current() -> Self {
        if cfg!(target_os = "macos") {
            Platform::MacOs
        } else if cfg!(target_os = "windows") {
            Platform::Windows
        } else {
            Platform::Linux
        }
    }

    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Linux => "Linux",
            Platform::MacOs => "macOS",
            Platform::Windows => "Windows",
        }
    }
}

/// The app's identifier (tauri.conf.json): the name of its folders and keyring service.
pub const APP_IDENTIFIER: &str = "ai.barrack.desktop";

// --- the keyring --------------------------------------------------------------------------------

/// Where the OS keeps the API key: the keyring crate's backend this build is compiled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyringBackend {
    /// The freedesktop Secret Service over D-Bus (gnome-keyring, KWallet, KeePassXC).
    SecretService,
    /// The login Keychain.
    MacOsKeychain,
    /// The Windows Credential Manager.
    WindowsCredentialManager,
}

impl KeyringBackend {
    /// The name a person looks for in their system.
    pub fn name(self) -> &'static str {
        match self {
            KeyringBackend::SecretService => "Secret Service (gnome-keyring, KWallet)",
            KeyringBackend::MacOsKeychain => "macOS Keychain",
            KeyringBackend::WindowsCredentialManager => "Windows Credential Manager",
        }
    }

    /// The keyring crate's feature that compiles this backend in (crates/barrack-credentials
    /// declares it per target; a test here checks they agree).
    pub fn keyring_feature(self) -> &'static str {
        match self {
            KeyringBackend::SecretService => "sync-secret-service",
            KeyringBackend::MacOsKeychain => "apple-native",
            KeyringBackend::WindowsCredentialManager => "windows-native",
        }
    }

    /// What must be running for it to answer.
    pub fn needs(self) -> &'static str {
        match self {
            KeyringBackend::SecretService => {
                "a D-Bus session with a Secret Service provider, unlocked"
            }
            KeyringBackend::MacOsKeychain => "the user's login Keychain, unlocked",
            KeyringBackend::WindowsCredentialManager => "a normal (not a service) user session",
        }
    }
}

/// The keyring backend the app uses on `platform`.
pub fn keyring_backend(platform: Platform) -> KeyringBackend {
    match platform {
        Platform::Linux => KeyringBackend::SecretService,
        Platform::MacOs => KeyringBackend::MacOsKeychain,
        Platform::Windows => KeyringBackend::WindowsCredentialManager,
    }
}

// --- folders --------------------------------------------------------------------------------------

/// The app's folders, as Tauri's path resolver places them (tauri 2.12, `path/desktop.rs`:
/// `app_data_dir` = data dir + identifier, `app_config_dir` = config dir + identifier,
/// `app_local_data_dir` = local data dir + identifier (WebKit's storage on Linux and
/// Windows), `app_cache_dir` = cache dir + identifier, `app_log_dir` = local data dir +
/// identifier + `logs`, but `~/Library/Logs/<identifier>` on macOS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFolders {
    pub data: String,
    pub config: String,
    pub local_data: String,
    pub cache: String,
    pub logs: String,
}

/// The path separator of `platform`'s paths.
pub fn path_separator(platform: Platform) -> char {
    match platform {
        Platform::Windows => '\\',
        Platform::Linux | Platform::MacOs => '/',
    }
}

fn join(platform: Platform, base: &str, parts: &[&str]) -> String {
    let sep = path_separator(platform);
    let mut path = base.trim_end_matches(sep).to_owned();
    for part in parts {
        path.push(sep);
        path.push_str(part);
    }
    path
}

/// The app's folders on `platform` for the app `identifier`, from the environment `env`
/// (a lookup of variables: `HOME`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME`, `XDG_CACHE_HOME` on
/// Linux; `HOME` on macOS; `APPDATA` and `LOCALAPPDATA` on Windows, which hold the Roaming and
/// Local AppData known folders Tauri asks Windows for). `None` when a variable the platform
/// needs is missing. Like the `dirs` crate, an XDG variable counts only when it is an
/// absolute path.
pub fn app_folders(
    platform: Platform,
    identifier: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Option<AppFolders> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    match platform {
        Platform::Linux => {
            let home = var("HOME")?;
            let xdg = |name: &str, fallback: &str| {
                var(name)
                    .filter(|v| v.starts_with('/'))
                    .unwrap_or_else(|| join(platform, &home, &[fallback]))
            };
            let data = xdg("XDG_DATA_HOME", ".local/share");
            let config = xdg("XDG_CONFIG_HOME", ".config");
            let cache = xdg("XDG_CACHE_HOME", ".cache");
            Some(AppFolders {
                data: join(platform, &data, &[identifier]),
                config: join(platform, &config, &[identifier]),
                local_data: join(platform, &data, &[identifier]),
                cache: join(platform, &cache, &[identifier]),
                logs: join(platform, &data, &[identifier, "logs"]),
            })
        }
        Platform::MacOs => {
            let home = var("HOME")?;
            let support = join(
                platform,
                &home,
                &["Library", "Application Support", identifier],
            );
            Some(AppFolders {
                data: support.clone(),
                config: support.clone(),
                local_data: support,
                cache: join(platform, &home, &["Library", "Caches", identifier]),
                logs: join(platform, &home, &["Library", "Logs", identifier]),
            })
        }
        Platform::Windows => {
            let roaming = var("APPDATA")?;
            let local = var("LOCALAPPDATA")?;
            Some(AppFolders {
                data: join(platform, &roaming, &[identifier]),
                config: join(platform, &roaming, &[identifier]),
                local_data: join(platform, &local, &[identifier]),
                cache: join(platform, &local, &[identifier]),
                logs: join(platform, &local, &[identifier, "logs"]),
            })
        }
    }
}

/// The app's folders as a person writes them (`~/.local/share/ai.barrack.desktop`,
/// `%APPDATA%\ai.barrack.desktop`): for help texts and the README, where no real home is
/// known. Linux's are the defaults without XDG variables.
pub fn app_folders_as_written(platform: Platform) -> AppFolders {
    let env = |name: &str| {
        let written = match name {
            "HOME" => "~",
            "APPDATA" => "%APPDATA%",
            "LOCALAPPDATA" => "%LOCALAPPDATA%",
            _ => return None,
        };
        Some(written.to_owned())
    };
    app_folders(platform, APP_IDENTIFIER, env).expect("every variable the platforms need is given")
}

// --- notifications ----------------------------------------------------------------------------------

/// What shows the app's desktop notifications (tauri-plugin-notification's backend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationService {
    /// `org.freedesktop.Notifications` on the session bus (libnotify's protocol): GNOME
    /// Shell, KDE Plasma, dunst, mako…
    FreedesktopDBus,
    /// macOS's Notification Center (the user allows the app on first use).
    NotificationCenter,
    /// Windows toast notifications (Action Center), under the installed app's identity.
    WindowsToast,
}

impl NotificationService {
    pub fn name(self) -> &'static str {
        match self {
            NotificationService::FreedesktopDBus => {
                "freedesktop notifications over D-Bus (libnotify)"
            }
            NotificationService::NotificationCenter => "macOS Notification Center",
            NotificationService::WindowsToast => "Windows toast notifications",
        }
    }

    /// The D-Bus name that must have an owner for a notification to show, where there is one.
    pub fn bus_name(self) -> Option<&'static str> {
        match self {
            NotificationService::FreedesktopDBus => Some("org.freedesktop.Notifications"),
            NotificationService::NotificationCenter | NotificationService::WindowsToast => None,
        }
    }

    /// Why a notification may not show, for help texts.
    pub fn caveat(self) -> &'static str {
        match self {
            NotificationService::FreedesktopDBus => {
                "shown only while a notification server runs on the session bus"
            }
            NotificationService::NotificationCenter => {
                "shown once the user allows Barrack Desktop in System Settings > Notifications"
            }
            NotificationService::WindowsToast => {
                "shown under the installed app's name; Focus Assist may hold them back"
            }
        }
    }
}

/// What shows the app's notifications on `platform`.
pub fn notification_service(platform: Platform) -> NotificationService {
    match platform {
        Platform::Linux => NotificationService::FreedesktopDBus,
        Platform::MacOs => NotificationService::NotificationCenter,
        Platform::Windows => NotificationService::WindowsToast,
    }
}

// --- the tray -------------------------------------------------------------------------------------

/// The D-Bus name a Linux desktop owns when it shows StatusNotifier (AppIndicator) icons.
pub const STATUS_NOTIFIER_WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// Whether `platform` can show a tray icon without asking the desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraySupport {
    /// Only when a StatusNotifierWatcher ([`STATUS_NOTIFIER_WATCHER`]) is on the session bus:
    /// KDE, most panels, GNOME only with the AppIndicator extension.
    NeedsStatusNotifierWatcher,
    /// The menu bar (macOS) and the notification area (Windows) are always there.
    Always,
}

/// How `platform` shows tray icons.
pub fn tray_support(platform: Platform) -> TraySupport {
    match platform {
        Platform::Linux => TraySupport::NeedsStatusNotifierWatcher,
        Platform::MacOs | Platform::Windows => TraySupport::Always,
    }
}

/// Whether a tray icon can be shown on `platform`; `watcher_present` asks the session bus
/// and is called only where the answer depends on it.
pub fn tray_available(platform: Platform, watcher_present: impl FnOnce() -> bool) -> bool {
    match tray_support(platform) {
        TraySupport::NeedsStatusNotifierWatcher => watcher_present(),
        TraySupport::Always => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| vars.get(name).cloned()
    }

    #[test]
    fn current_is_linux_on_the_build_machines() {
        // The only targets these machines can build (TOOLCHAIN.md): the test says which one ran.
        if cfg!(target_os = "linux") {
            assert_eq!(Platform::current(), Platform::Linux);
        }
        assert!(Platform::ALL.contains(&Platform::current()));
    }

    #[test]
    fn keyring_backend_of_every_platform() {
        assert_eq!(
            keyring_backend(Platform::Linux),
            KeyringBackend::SecretService
        );
        assert_eq!(
            keyring_backend(Platform::MacOs),
            KeyringBackend::MacOsKeychain
        );
        assert_eq!(
            keyring_backend(Platform::Windows),
            KeyringBackend::WindowsCredentialManager
        );
        assert!(keyring_backend(Platform::MacOs).name().contains("Keychain"));
        assert!(keyring_backend(Platform::Windows)
            .name()
            .contains("Credential Manager"));
        assert!(keyring_backend(Platform::Linux).needs().contains("D-Bus"));
    }

    /// The keyring crate's features in barrack-credentials' manifest are the backends named
    /// here, per target: a build with another (or no) backend fails this test.
    #[test]
    fn keyring_backend_matches_the_credentials_manifest() {
        let manifest = include_str!("../../barrack-credentials/Cargo.toml");
        for platform in Platform::ALL {
            let target_os = match platform {
                Platform::Linux => "linux",
                Platform::MacOs => "macos",
                Platform::Windows => "windows",
            };
            let header = format!("[target.'cfg(target_os = \"{target_os}\")'.dependencies]");
            let section = manifest
                .split_once(&header)
                .unwrap_or_else(|| panic!("no {header} in barrack-credentials/Cargo.toml"))
                .1;
            let keyring = section
                .lines()
                .find(|l| l.trim_start().starts_with("keyring"))
                .unwrap_or_else(|| panic!("no keyring under {header}"));
            let feature = keyring_backend(platform).keyring_feature();
            assert!(
                keyring.contains(&format!("\"{feature}\"")),
                "{}: {keyring:?} lacks {feature:?}",
                platform.name()
            );
            for other in Platform::ALL.into_iter().filter(|o| *o != platform) {
                let theirs = keyring_backend(other).keyring_feature();
                assert!(
                    !keyring.contains(&format!("\"{theirs}\"")),
                    "{}: {keyring:?} also has {theirs:?}",
                    platform.name()
                );
            }
        }
    }

    #[test]
    fn linux_folders_follow_xdg_with_home_fallbacks() {
        let f = app_folders(
            Platform::Linux,
            APP_IDENTIFIER,
            env(&[("HOME", "/home/ann")]),
        )
        .unwrap();
        assert_eq!(f.data, "/home/ann/.local/share/ai.barrack.desktop");
        assert_eq!(f.config, "/home/ann/.config/ai.barrack.desktop");
        assert_eq!(f.local_data, "/home/ann/.local/share/ai.barrack.desktop");
        assert_eq!(f.cache, "/home/ann/.cache/ai.barrack.desktop");
        assert_eq!(f.logs, "/home/ann/.local/share/ai.barrack.desktop/logs");

        let xdg = env(&[
            ("HOME", "/home/ann"),
            ("XDG_DATA_HOME", "/data"),
            ("XDG_CONFIG_HOME", "/cfg/"),
            // Relative: ignored, as the dirs crate does.
            ("XDG_CACHE_HOME", "cache"),
        ]);
        let f = app_folders(Platform::Linux, APP_IDENTIFIER, xdg).unwrap();
        assert_eq!(f.data, "/data/ai.barrack.desktop");
        assert_eq!(f.config, "/cfg/ai.barrack.desktop");
        assert_eq!(f.cache, "/home/ann/.cache/ai.barrack.desktop");
        assert_eq!(f.logs, "/data/ai.barrack.desktop/logs");

        assert_eq!(app_folders(Platform::Linux, APP_IDENTIFIER, env(&[])), None);
    }

    #[test]
    fn macos_folders_are_under_library() {
        let f = app_folders(
            Platform::MacOs,
            APP_IDENTIFIER,
            env(&[("HOME", "/Users/ann")]),
        )
        .unwrap();
        let support = "/Users/ann/Library/Application Support/ai.barrack.desktop";
        assert_eq!(f.data, support);
        assert_eq!(f.config, support);
        assert_eq!(f.local_data, support);
        assert_eq!(f.cache, "/Users/ann/Library/Caches/ai.barrack.desktop");
        assert_eq!(f.logs, "/Users/ann/Library/Logs/ai.barrack.desktop");
        // XDG variables mean nothing there.
        let with_xdg = env(&[("HOME", "/Users/ann"), ("XDG_DATA_HOME", "/data")]);
        assert_eq!(
            app_folders(Platform::MacOs, APP_IDENTIFIER, with_xdg)
                .unwrap()
                .data,
            support
        );
    }

    #[test]
    fn windows_folders_are_roaming_and_local_appdata() {
        let vars = env(&[
            ("APPDATA", r"C:\Users\Ann\AppData\Roaming"),
            ("LOCALAPPDATA", r"C:\Users\Ann\AppData\Local\"),
        ]);
        let f = app_folders(Platform::Windows, APP_IDENTIFIER, vars).unwrap();
        assert_eq!(f.data, r"C:\Users\Ann\AppData\Roaming\ai.barrack.desktop");
        assert_eq!(f.config, r"C:\Users\Ann\AppData\Roaming\ai.barrack.desktop");
        assert_eq!(
            f.local_data,
            r"C:\Users\Ann\AppData\Local\ai.barrack.desktop"
        );
        assert_eq!(f.cache, r"C:\Users\Ann\AppData\Local\ai.barrack.desktop");
        assert_eq!(
            f.logs,
            r"C:\Users\Ann\AppData\Local\ai.barrack.desktop\logs"
        );
        // HOME alone is not enough on Windows.
        assert_eq!(
            app_folders(Platform::Windows, APP_IDENTIFIER, env(&[("HOME", "/x")])),
            None
        );
    }

    #[test]
    fn folders_as_written_for_help_texts() {
        let linux = app_folders_as_written(Platform::Linux);
        assert_eq!(linux.data, "~/.local/share/ai.barrack.desktop");
        assert_eq!(linux.logs, "~/.local/share/ai.barrack.desktop/logs");
        let mac = app_folders_as_written(Platform::MacOs);
        assert_eq!(mac.data, "~/Library/Application Support/ai.barrack.desktop");
        assert_eq!(mac.logs, "~/Library/Logs/ai.barrack.desktop");
        let windows = app_folders_as_written(Platform::Windows);
        assert_eq!(windows.data, r"%APPDATA%\ai.barrack.desktop");
        assert_eq!(windows.logs, r"%LOCALAPPDATA%\ai.barrack.desktop\logs");
    }

    #[test]
    fn notification_service_of_every_platform() {
        let linux = notification_service(Platform::Linux);
        assert_eq!(linux, NotificationService::FreedesktopDBus);
        assert_eq!(linux.bus_name(), Some("org.freedesktop.Notifications"));
        assert!(linux.caveat().contains("notification server"));
        let mac = notification_service(Platform::MacOs);
        assert_eq!(mac, NotificationService::NotificationCenter);
        assert_eq!(mac.bus_name(), None);
        assert!(mac.caveat().contains("allows"));
        let windows = notification_service(Platform::Windows);
        assert_eq!(windows, NotificationService::WindowsToast);
        assert_eq!(windows.bus_name(), None);
        assert!(windows.name().contains("toast"));
    }

    #[test]
    fn tray_needs_a_watcher_only_on_linux() {
        assert_eq!(
            tray_support(Platform::Linux),
            TraySupport::NeedsStatusNotifierWatcher
        );
        assert!(tray_available(Platform::Linux, || true));
        assert!(!tray_available(Platform::Linux, || false));
        for platform in [Platform::MacOs, Platform::Windows] {
            assert_eq!(tray_support(platform), TraySupport::Always);
            // Never asks the bus there: a probe that would say "no" is not called.
            let mut asked = false;
            assert!(tray_available(platform, || {
                asked = true;
                false
            }));
            assert!(!asked, "{} asked for a watcher", platform.name());
        }
    }

    #[test]
    fn platform_names() {
        let names: Vec<_> = Platform::ALL.iter().map(|p| p.name()).collect();
        assert_eq!(names, ["Linux", "macOS", "Windows"]);
        assert_eq!(path_separator(Platform::Windows), '\\');
        assert_eq!(path_separator(Platform::MacOs), '/');
    }
}
