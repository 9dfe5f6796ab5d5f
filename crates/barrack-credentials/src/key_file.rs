//! A file for a private SSH key: readable and writable by its owner only (0600 on Unix),
//! set when the file is created so the key is never readable by others, even briefly.
//!
//! The CLI never replaces a file ([`create_owner_only`]). The desktop
//! app replaces one the user confirmed in the native save dialog ([`write_replacing`]): the
//! key goes to a new owner-only file in the same folder, which is then renamed over the old
//! one. The old file is never opened, so whoever still holds it open (it may have been
//! readable by others) keeps reading the old bytes, never the key.
//!
//! Windows: the mode bits do not exist there and this module does not narrow ACLs; a new
//! file gets its folder's inherited ACL (a user's profile folders are private to that user
//! by default). The UI shows the `icacls` line that narrows it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Creates `path` owner-only from the first byte, failing if anything is there (the CLI's
/// `--output`).
pub fn create_owner_only(path: &Path) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// Writes `contents` to `path` owner-only, replacing whatever is there without ever
/// opening it: a new file in the same folder (so the rename stays on one file system) is
/// written, flushed to disk, and renamed over `path`. On failure `path` is untouched and
/// the new file is removed.
pub fn write_replacing(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let (tmp, mut f) = create_sibling(path)?;
    let written = f
        .write_all(contents)
        .and_then(|()| f.sync_all())
        .and_then(|()| {
            drop(f);
            std::fs::rename(&tmp, path)
        });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    sync_folder(path);
    Ok(())
}

/// A new owner-only file next to `path`, under a name no one else uses.
fn create_sibling(path: &Path) -> std::io::Result<(PathBuf, File)> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "key".to_owned());
    let mut last = None;
    for _ in 0..16 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let tmp = folder.join(format!(".{base}.{}-{n}-{nanos}.tmp", std::process::id()));
        match create_owner_only(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// Makes the rename itself durable (Unix; best effort: the key's bytes are already synced).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(folder) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Someone holding the old, world-readable file open keeps reading the old bytes.
    #[cfg(unix)]
    #[test]
    fn a_replaced_file_is_owner_only_and_an_open_handle_never_sees_the_key() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id_test");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut held = File::open(&path).unwrap();

        write_replacing(&path, b"SECRET KEY\n").unwrap();

        let mut seen = String::new();
        held.read_to_string(&mut seen).unwrap();
        assert_eq!(seen, "old");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "SECRET KEY\n");
        assert_eq!(
            entries(dir.path()),
            ["id_test"],
            "no temporary file is left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id_new");
        write_replacing(&path, b"k").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(entries(dir.path()), ["id_new"]);
    }

    /// A failed rename (a folder is in the way) leaves what was there and no stray file.
    #[test]
    fn a_failed_replace_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("taken");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "x").unwrap();
        assert!(write_replacing(&path, b"k").is_err());
        assert_eq!(entries(dir.path()), ["taken"]);
        assert!(path.join("inside").exists());
    }

    #[test]
    fn the_cli_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id");
        std::fs::write(&path, "mine").unwrap();
        let err = create_owner_only(&path).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }
}
